package dev.viva.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestApi.Joined;
import dev.viva.TestSocket;
import dev.viva.interview.EndReason;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.viva.TestApi.join;
import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class LiveSocketTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    InterviewService interviews;

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

        TestSocket a = TestSocket.connect(base, "/ws/interviews/" + id + "/live", RECRUITER);
        JsonNode snapshot = a.next();
        assertThat(snapshot.get("type").asText()).isEqualTo("snapshot");
        assertThat(snapshot.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(snapshot.get("role").asText()).isEqualTo("tiny-role");
        assertThat(snapshot.get("roleName").asText()).as("people read the role's name").isNotEqualTo("tiny-role")
                .isNotBlank();
        assertThat(snapshot.get("turns").get(0).get("question").asText()).isEqualTo("What is a thread?");
        assertThat(snapshot.get("turns").get(0).get("answer").asText()).isEqualTo("a path of execution");

        String ticket = given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + id + "/live-ticket")
                .then().statusCode(200).extract().path("ticket");
        TestSocket b = TestSocket.connect(base, "/ws/interviews/" + id + "/live?ticket=" + ticket, null);
        assertThat(b.next().get("type").asText()).isEqualTo("snapshot");

        interviews.askQuestion(id, Phase.INTERMEDIATE, 3, "How would you find a slow query?", QuestionSource.BANK, "inter");
        for (TestSocket w : new TestSocket[]{a, b}) {
            JsonNode q = w.next();
            assertThat(q.get("type").asText()).isEqualTo("question");
            assertThat(q.get("seq").asInt()).isEqualTo(2);
            assertThat(q.get("phase").asText()).isEqualTo("intermediate");
            assertThat(q.get("text").asText()).isEqualTo("How would you find a slow query?");
        }
        interviews.complete(id, EndReason.PLAN_COMPLETE);
        JsonNode status = a.next();
        assertThat(status.get("type").asText()).isEqualTo("status");
        assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void scoresArriveAsAnswersAreAssessedInTheOrderTheyWereCommitted() throws Exception {
        Joined joined = join("Scored Live", "backend-engineer", "mid");
        String id = joined.id();
        String token = joined.token();
        TestSocket watcher = TestSocket.connect(base, "/ws/interviews/" + id + "/live", RECRUITER);
        watcher.next("snapshot");
        given().header("Authorization", token).post("/api/v1/interviews/{id}/start", id).then().statusCode(200);
        answer(id, token, 1, "I build FastAPI services and look after our PostgreSQL database at a logistics firm.");
        answer(id, token, 2, "async def endpoints run on the event loop, so a blocking call stalls every request; "
                + "plain def endpoints run in a thread pool. I would use an async driver like asyncpg or move the "
                + "blocking work to run_in_executor.");

        List<JsonNode> seen = watcher.until(m -> m.get("type").asText().equals("question")
                && m.get("seq").asInt() == 3);
        List<String> order = seen.stream().map(m -> m.get("type").asText() + ":" + m.path("seq").asInt()).toList();
        JsonNode score = seen.stream().filter(m -> m.get("type").asText().equals("score")).findFirst().orElseThrow();
        assertThat(order).containsSubsequence("status:0", "question:1", "answer:1", "question:2", "answer:2",
                "score:2", "question:3");
        // the interviewer picks the second question at random within its difficulty, so this answer may well be about
        // another question and score 0: what matters here is that the score arrives, in order, as a score
        assertThat(score.get("score").asInt()).isBetween(0, 100);
        assertThat(score.get("relevance").asDouble()).isBetween(0.0, 1.0);
    }

    private static void answer(String id, String token, int seq, String text) {
        given().header("Authorization", token).contentType("application/json")
                .body(Map.of("text", text, "seq", seq))
                .post("/api/v1/interviews/{id}/answers", id).then().statusCode(200);
    }

    @Test
    void theUpgradeIsRefusedWithoutValidCredentials() {
        UUID id = runningInterview("Guarded");
        String path = "/ws/interviews/" + id + "/live";
        assertThat(TestSocket.refusal(base, path, null)).isEqualTo(401);
        assertThat(TestSocket.refusal(base, path, "Bearer not-a-key")).isEqualTo(401);
        assertThat(TestSocket.refusal(base, path, "Bearer vc_candidate-token")).isEqualTo(403);
        assertThat(TestSocket.refusal(base, path + "?ticket=wt_forged", null)).isEqualTo(401);
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + UUID.randomUUID() + "/live", RECRUITER))
                .isEqualTo(404);

        String ticket = given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + id + "/live-ticket")
                .then().statusCode(200).extract().path("ticket");
        UUID other = runningInterview("Other");
        // a ticket opens only the interview it was issued for, and only once
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + other + "/live?ticket=" + ticket, null))
                .isEqualTo(401);
        TestSocket.connect(base, path + "?ticket=" + ticket, null);
        assertThat(TestSocket.refusal(base, path + "?ticket=" + ticket, null)).isEqualTo(401);
        given().post("/api/v1/interviews/" + id + "/live-ticket").then().statusCode(401);
    }

    @Test
    void writingToTheReadOnlyViewClosesItWithAReason() throws Exception {
        UUID id = runningInterview("Chatty Recruiter");
        TestSocket w = TestSocket.connect(base, "/ws/interviews/" + id + "/live", RECRUITER);
        w.next();
        w.send("{\"type\":\"answer\"}");
        assertThat(w.closed.get(10, TimeUnit.SECONDS)).isEqualTo(LiveSocket.READ_ONLY);
    }
}
