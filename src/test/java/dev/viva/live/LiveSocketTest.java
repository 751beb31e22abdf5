package dev.viva.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.interview.InputMode;
import dev.viva.interview.QuestionSource;
import dev.viva.interview.service.InterviewService;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class LiveSocketTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    InterviewService interviews;

    private final ObjectMapper json = new ObjectMapper();

    /** A real WebSocket client that queues what it receives. */
    static final class Watcher implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
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

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        JsonNode next(ObjectMapper json) throws Exception {
            String m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a live message within 10 s").isNotNull();
            return json.readTree(m);
        }
    }

    private Watcher connect(String pathAndQuery, String authorization) {
        Watcher w = new Watcher();
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + pathAndQuery);
        w.socket = builder.buildAsync(uri, w).join();
        return w;
    }

    private static int handshakeStatus(Runnable connect) {
        try {
            connect.run();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the upgrade was accepted");
    }

    private UUID runningInterview(String name) {
        UUID id = interviews.create(name, "w@example.com", "tiny-role", Level.MID).interview().id;
        interviews.start(id);
        return id;
    }

    @Test
    void aLateWatcherGetsTheTranscriptSoFarThenLiveEvents() throws Exception {
        UUID id = runningInterview("Late Joiner");
        var t1 = interviews.askQuestion(id, Phase.FOUNDATION, 2, "What is a thread?", QuestionSource.BANK, "found");
        interviews.recordAnswer(t1.id, new InterviewService.Answer("a path of execution", InputMode.TEXT, null, null,
                null, null));

        Watcher a = connect("/ws/interviews/" + id + "/live", RECRUITER);
        JsonNode snapshot = a.next(json);
        assertThat(snapshot.get("type").asText()).isEqualTo("snapshot");
        assertThat(snapshot.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(snapshot.get("turns").get(0).get("question").asText()).isEqualTo("What is a thread?");
        assertThat(snapshot.get("turns").get(0).get("answer").asText()).isEqualTo("a path of execution");

        String ticket = given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + id + "/live-ticket")
                .then().statusCode(200).extract().path("ticket");
        Watcher b = connect("/ws/interviews/" + id + "/live?ticket=" + ticket, null);
        assertThat(b.next(json).get("type").asText()).isEqualTo("snapshot");

        interviews.askQuestion(id, Phase.INTERMEDIATE, 3, "How would you find a slow query?", QuestionSource.BANK, "inter");
        for (Watcher w : new Watcher[]{a, b}) {
            JsonNode q = w.next(json);
            assertThat(q.get("type").asText()).isEqualTo("question");
            assertThat(q.get("seq").asInt()).isEqualTo(2);
            assertThat(q.get("phase").asText()).isEqualTo("intermediate");
            assertThat(q.get("text").asText()).isEqualTo("How would you find a slow query?");
        }
        interviews.complete(id);
        JsonNode status = a.next(json);
        assertThat(status.get("type").asText()).isEqualTo("status");
        assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void theUpgradeIsRefusedWithoutValidCredentials() {
        UUID id = runningInterview("Guarded");
        String path = "/ws/interviews/" + id + "/live";
        assertThat(handshakeStatus(() -> connect(path, null))).isEqualTo(401);
        assertThat(handshakeStatus(() -> connect(path, "Bearer not-a-key"))).isEqualTo(401);
        assertThat(handshakeStatus(() -> connect(path, "Bearer vc_candidate-token"))).isEqualTo(403);
        assertThat(handshakeStatus(() -> connect(path + "?ticket=wt_forged", null))).isEqualTo(401);
        assertThat(handshakeStatus(() -> connect("/ws/interviews/" + UUID.randomUUID() + "/live", RECRUITER)))
                .isEqualTo(404);

        String ticket = given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + id + "/live-ticket")
                .then().statusCode(200).extract().path("ticket");
        UUID other = runningInterview("Other");
        // a ticket opens only the interview it was issued for, and only once
        assertThat(handshakeStatus(() -> connect("/ws/interviews/" + other + "/live?ticket=" + ticket, null)))
                .isEqualTo(401);
        connect(path + "?ticket=" + ticket, null);
        assertThat(handshakeStatus(() -> connect(path + "?ticket=" + ticket, null))).isEqualTo(401);
        given().post("/api/v1/interviews/" + id + "/live-ticket").then().statusCode(401);
    }

    @Test
    void writingToTheReadOnlyViewClosesItWithAReason() throws Exception {
        UUID id = runningInterview("Chatty Recruiter");
        Watcher w = connect("/ws/interviews/" + id + "/live", RECRUITER);
        w.next(json);
        w.socket.sendText("{\"type\":\"answer\"}", true).join();
        assertThat(w.closed.get(10, TimeUnit.SECONDS)).isEqualTo(LiveSocket.READ_ONLY);
    }
}
