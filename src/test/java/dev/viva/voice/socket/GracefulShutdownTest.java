package dev.viva.voice.socket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestApi;
import dev.viva.TestApi.Joined;
import dev.viva.TestSocket;
import dev.viva.live.LiveHub;
import dev.viva.platform.lifecycle.Draining;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a graceful stop (SIGTERM) does to live sessions, driven through the same shutdown code the ShutdownEvent runs:
 * an answer being committed is committed, then the candidate's and the recruiter's sockets close with 1001 and a
 * reason that says to reconnect (never 1000, which means "completed"), and no new session is accepted. Runs in its own
 * application instance (a profile of its own), since it stops the voice sessions for good.
 */
@QuarkusTest
@TestProfile(GracefulShutdownTest.Stopping.class)
class GracefulShutdownTest {

    public static class Stopping implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("viva.voice.shutdown-grace", "PT30S");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    VoiceSessions sessions;

    @Inject
    LiveHub live;

    @AfterAll
    static void reopen() {
        Draining.reset();
    }

    @Test
    void aStopLetsTheAnswerInFlightCommitThenClosesEverySocketWith1001() throws Exception {
        Joined j = TestApi.join("Graceful Stop", "backend-engineer", "junior");
        TestSocket candidate = TestSocket.connect(base, "/ws/interviews/" + j.id(), j.token());
        candidate.send("{\"type\":\"start\",\"speech\":false}");
        int seq = candidate.next("utterance", Duration.ofSeconds(60)).get("seq").asInt();
        TestSocket recruiter = TestSocket.connect(base, "/ws/interviews/" + j.id() + "/live", RECRUITER);
        assertThat(recruiter.next("snapshot")).isNotNull();

        String answer = "I write FastAPI services backed by PostgreSQL and I test them with pytest.";
        candidate.send("{\"type\":\"answer\",\"text\":\"" + answer + "\",\"seq\":" + seq + "}");
        // the session has taken the answer up (it says it is thinking): the stop comes while it is being committed
        assertThat(candidate.next("state").get("state").asText()).isEqualTo("thinking");
        sessions.shutdown(Duration.ofSeconds(30));
        live.closeAll(Duration.ofSeconds(30));

        assertThat(candidate.closed).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(1001);
        assertThat(candidate.closeReason).isEqualTo(VoiceSessions.SHUTDOWN_REASON).contains("reconnect");
        assertThat(recruiter.closed).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(1001);
        assertThat(recruiter.closeReason).isEqualTo(LiveHub.SHUTDOWN_REASON);

        // the candidate was never told the interview ended
        List<String> types = new ArrayList<>();
        JsonNode m;
        while ((m = candidate.poll()) != null) {
            types.add(m.get("type").asText());
        }
        assertThat(types).doesNotContain("completed");

        var transcript = given().header("Authorization", RECRUITER).get("/api/v1/interviews/{id}/transcript", j.id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(transcript.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(transcript.getList("turns.answer", String.class)).contains(answer);

        // no new session while stopping: a retryable refusal, never a session that would be cut at once
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + j.id(), j.token())).isEqualTo(503);
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + j.id() + "/live", RECRUITER)).isEqualTo(503);
    }
}
