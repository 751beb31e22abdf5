package dev.viva.interviewer.socket;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.WebSocket;
import java.util.UUID;

import dev.viva.TestSocket;

import static dev.viva.TestApi.candidate;
import static dev.viva.TestApi.createInterview;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The same conversation over the candidate's WebSocket, with a real WebSocket client. */
@QuarkusTest
class InterviewSocketTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theInterviewRunsOverTheSocketAndAReconnectResumesIt() throws Exception {
        JsonPath created = createInterview(candidate("Socket Person", "backend-engineer", "junior"))
                .statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String token = "Bearer " + created.getString("candidateToken");

        TestSocket first = TestSocket.connect(base, "/ws/interviews/" + id, token);
        JsonNode greeting = first.exchange("{\"type\":\"start\"}");
        assertThat(greeting.get("type").asText()).isEqualTo("utterance");
        assertThat(greeting.get("text").asText()).contains("Sophia");
        assertThat(greeting.get("phase").asText()).isEqualTo("introduction");
        assertThat(greeting.get("done").asBoolean()).isFalse();
        assertThat(greeting.has("status")).isFalse();

        JsonNode next = first.exchange("{\"type\":\"answer\",\"text\":\"I write Flask and FastAPI services for a"
                + " logistics startup and look after our PostgreSQL database.\",\"seq\":1}");
        assertThat(next.get("seq").asInt()).isEqualTo(2);
        assertThat(next.get("phase").asText()).isEqualTo("foundation");

        JsonNode repeat = first.exchange("{\"type\":\"repeat\"}");
        assertThat(repeat.get("kind").asText()).isEqualTo("repeat");
        assertThat(repeat.get("seq").asInt()).isEqualTo(2);

        assertThat(first.exchange("{not json").get("status").asInt()).isEqualTo(400);
        assertThat(first.exchange("{\"type\":\"dance\"}").get("detail").asText()).contains("unknown message type");
        assertThat(first.exchange("{\"type\":\"answer\"}").get("status").asInt()).isEqualTo(400);
        first.abort();

        // a browser reconnects with a single-use ticket and is told where the interview stands
        String ticketUrl = given().header("Authorization", token).when()
                .post("/api/v1/interviews/{id}/socket-ticket", id).then().statusCode(200).extract().path("url");
        TestSocket again = TestSocket.connect(base, ticketUrl, null);
        JsonNode resumed = again.next();
        assertThat(resumed.get("seq").asInt()).isEqualTo(2);
        assertThat(resumed.get("text").asText()).isEqualTo(repeat.get("text").asText());
        JsonNode idk = again.exchange("{\"type\":\"dont-know\"}");
        assertThat(idk.get("seq").asInt()).isEqualTo(3);
        assertThat(TestSocket.refusal(base, ticketUrl, null)).as("a ticket is single-use").isEqualTo(401);
    }

    @Test
    void theUpgradeIsRefusedWithoutTheRightCandidateToken() {
        String id = createInterview(candidate("Locked Out", "backend-engineer", "mid")).statusCode(201)
                .extract().path("id");
        String otherToken = createInterview(candidate("Someone Else", "backend-engineer", "mid")).statusCode(201)
                .extract().path("candidateToken");
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + id, null)).isEqualTo(401);
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + id, "Bearer vc_forged")).isEqualTo(401);
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + id, "Bearer " + otherToken)).isEqualTo(403);
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + UUID.randomUUID(), "Bearer " + otherToken)).isEqualTo(404);
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + id + "?ticket=wt_forged", null)).isEqualTo(401);
    }
}
