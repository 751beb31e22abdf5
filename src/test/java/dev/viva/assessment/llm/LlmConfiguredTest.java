package dev.viva.assessment.llm;

import dev.viva.interview.EndReason;
import dev.viva.interview.InputMode;
import dev.viva.interview.QuestionSource;
import dev.viva.interview.service.InterviewService;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import dev.viva.testing.FakeOpenAi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

/**
 * The server configured with {@code viva.assessment.llm.*} (a loopback OpenAI-compatible server): a finalised
 * interview's report and {@code POST /assessments/transcripts} get generated rubrics and bounded grades.
 */
@QuarkusTest
@TestProfile(LlmConfiguredTest.Enabled.class)
class LlmConfiguredTest {

    static final FakeOpenAi LLM = FakeOpenAi.start(LlmAssessmentTest::answer);

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("viva.assessment.llm.enabled", "true", "viva.assessment.llm.timeout", "5S",
                    "viva.assessment.llm.grade-max-adjustment", "10");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Server.class));
        }
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("viva.assessment.llm.base-url", LLM.baseUrl());
        }

        @Override
        public void stop() {
            LLM.close();
        }
    }

    @Inject
    InterviewService interviews;

    @Test
    void aFinalisedReportHasAGeneratedRubricAndBoundedGrades() {
        UUID id = interviews.create("Grace", "g@example.com", "backend-engineer", Level.MID).interview().id;
        interviews.start(id);
        var t1 = interviews.askQuestion(id, Phase.FOUNDATION, 3, "How does FastAPI decide whether to run a path operation "
                + "on the event loop or in a thread pool, and why does it matter?", QuestionSource.BANK, "be-mid-async-def");
        interviews.recordAnswer(t1.id, new InterviewService.Answer("async def runs on the event loop and def in a thread "
                + "pool, so a blocking driver in async def blocks every request; I would use asyncpg.",
                InputMode.TEXT, null, null, null, null));
        var t2 = interviews.askQuestion(id, Phase.FOUNDATION, 3, LlmAssessmentTest.SEARCH, QuestionSource.GENERATED, null);
        interviews.recordAnswer(t2.id, new InterviewService.Answer("A generated tsvector column per language with a GIN "
                + "index, queried with websearch_to_tsquery and ranked with ts_rank.", InputMode.TEXT, null, null, null, null));
        interviews.complete(id, EndReason.PLAN_COMPLETE);

        // finalised on its own once the interview ends
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", RECRUITER)
                .get("/api/v1/interviews/" + id + "/report").then().statusCode(200));
        var report = given().header("Authorization", RECRUITER).get("/api/v1/interviews/" + id + "/report")
                .then().statusCode(200)
                .body("method.assessor", equalTo("offline+llm"))
                .body("method.narrative", equalTo("A careful engineer."))
                .body("method.grades[0].rubric", equalTo("given"))
                .body("method.grades[1].rubric", equalTo("generated"))
                .extract().jsonPath();
        List<Map<String, Object>> grades = report.getList("method.grades");
        assertThat(grades).hasSize(2).allSatisfy(g -> {
            assertThat(g.get("llmScore")).isEqualTo(100);
            // the configured bound, not the default
            assertThat((Integer) g.get("score") - (Integer) g.get("offlineScore")).isBetween(0, 10);
        });
        assertThat(report.getInt("answers[1].assessment.score")).isEqualTo(grades.get(1).get("score"));

        // regenerated: the rubric is not written again
        given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + id + "/report")
                .then().statusCode(200)
                .body("method.grades[1].rubric", equalTo("cached"))
                .body("answers[1].assessment.score", equalTo(grades.get(1).get("score")));
    }

    @Test
    void anAssessedTranscriptHasThemToo() {
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body(Map.of("role", "backend-engineer", "level", "mid", "answers", List.of(Map.of(
                        "question", LlmAssessmentTest.SEARCH,
                        "answer", "A tsvector column with a GIN index, one text search configuration per language."))))
                .post("/api/v1/assessments/transcripts")
                .then().statusCode(200)
                .body("method.assessor", equalTo("offline+llm"))
                .body("method.grades[0].rubric", anyOf(equalTo("generated"), equalTo("cached")))
                .body("method.grades[0].llmScore", equalTo(100));
    }
}
