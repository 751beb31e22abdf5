package dev.viva.interviewer.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.viva.TestApi.candidate;
import static dev.viva.TestApi.createInterview;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The same conversation over the candidate's WebSocket, with a real WebSocket client. */
@QuarkusTest
class InterviewSocketTest {

    @TestHTTPResource("/")
    URL base;

    private final ObjectMapper json = new ObjectMapper();

    static final class Client implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        JsonNode send(ObjectMapper json, String message) throws Exception {
            socket.sendText(message, true).join();
            return next(json);
        }

        JsonNode next(ObjectMapper json) throws Exception {
            String m = messages.poll(20, TimeUnit.SECONDS);
            assertThat(m).as("a message within 20 s").isNotNull();
            return json.readTree(m);
        }
    }

    private Client connect(String pathAndQuery, String authorization) {
        Client c = new Client();
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + pathAndQuery);
        c.socket = builder.buildAsync(uri, c).join();
        return c;
    }

    private int handshakeStatus(String path, String authorization) {
        try {
            connect(path, authorization);
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the upgrade was accepted");
    }

    @Test
    void theInterviewRunsOverTheSocketAndAReconnectResumesIt() throws Exception {
        JsonPath created = createInterview(candidate("Socket Person", "backend-engineer", "junior"))
                .statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String token = "Bearer " + created.getString("candidateToken");

        Client first = connect("/ws/interviews/" + id, token);
        JsonNode greeting = first.send(json, "{\"type\":\"start\"}");
        assertThat(greeting.get("type").asText()).isEqualTo("utterance");
        assertThat(greeting.get("text").asText()).contains("Sophia");
        assertThat(greeting.get("phase").asText()).isEqualTo("introduction");
        assertThat(greeting.get("done").asBoolean()).isFalse();
        assertThat(greeting.has("status")).isFalse();

        JsonNode next = first.send(json, "{\"type\":\"answer\",\"text\":\"I write Flask and FastAPI services for a"
                + " logistics startup and look after our PostgreSQL database.\",\"seq\":1}");
        assertThat(next.get("seq").asInt()).isEqualTo(2);
        assertThat(next.get("phase").asText()).isEqualTo("foundation");

        JsonNode repeat = first.send(json, "{\"type\":\"repeat\"}");
        assertThat(repeat.get("kind").asText()).isEqualTo("repeat");
        assertThat(repeat.get("seq").asInt()).isEqualTo(2);

        assertThat(first.send(json, "{not json").get("status").asInt()).isEqualTo(400);
        assertThat(first.send(json, "{\"type\":\"dance\"}").get("detail").asText()).contains("unknown message type");
        assertThat(first.send(json, "{\"type\":\"answer\"}").get("status").asInt()).isEqualTo(400);
        first.socket.abort();

        // a browser reconnects with a single-use ticket and is told where the interview stands
        String ticketUrl = given().header("Authorization", token).when()
                .post("/api/v1/interviews/{id}/socket-ticket", id).then().statusCode(200).extract().path("url");
        Client again = connect(ticketUrl, null);
        JsonNode resumed = again.next(json);
        assertThat(resumed.get("seq").asInt()).isEqualTo(2);
        assertThat(resumed.get("text").asText()).isEqualTo(repeat.get("text").asText());
        JsonNode idk = again.send(json, "{\"type\":\"dont-know\"}");
        assertThat(idk.get("seq").asInt()).isEqualTo(3);
        assertThat(handshakeStatus(ticketUrl, null)).as("a ticket is single-use").isEqualTo(401);
    }

    @Test
    void theUpgradeIsRefusedWithoutTheRightCandidateToken() {
        String id = createInterview(candidate("Locked Out", "backend-engineer", "mid")).statusCode(201)
                .extract().path("id");
        String otherToken = createInterview(candidate("Someone Else", "backend-engineer", "mid")).statusCode(201)
                .extract().path("candidateToken");
        assertThat(handshakeStatus("/ws/interviews/" + id, null)).isEqualTo(401);
        assertThat(handshakeStatus("/ws/interviews/" + id, "Bearer vc_forged")).isEqualTo(401);
        assertThat(handshakeStatus("/ws/interviews/" + id, "Bearer " + otherToken)).isEqualTo(403);
        assertThat(handshakeStatus("/ws/interviews/" + UUID.randomUUID(), "Bearer " + otherToken)).isEqualTo(404);
        assertThat(handshakeStatus("/ws/interviews/" + id + "?ticket=wt_forged", null)).isEqualTo(401);
    }
}
