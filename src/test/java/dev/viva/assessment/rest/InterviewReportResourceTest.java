package dev.viva.assessment.rest;

import dev.viva.interview.EndReason;
import dev.viva.interview.InputMode;
import dev.viva.interview.QuestionSource;
import dev.viva.interview.service.InterviewService;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** A completed interview gets its report automatically, stored and served as JSON, Markdown and HTML. */
@QuarkusTest
class InterviewReportResourceTest {

    @Inject
    InterviewService interviews;

    @Test
    void completingAnInterviewFinalisesItsReport() {
        UUID id = interviews.create("Report <b>Subject</b>", "r@example.com", "backend-engineer", Level.MID).interview().id;
        interviews.start(id);
        var t1 = interviews.askQuestion(id, Phase.FOUNDATION, 3, "How does FastAPI decide whether to run a path operation "
                + "on the event loop or in a thread pool, and why does it matter?", QuestionSource.BANK, "be-mid-async-def");
        interviews.recordAnswer(t1.id, new InterviewService.Answer("async def runs on the event loop and def in a thread "
                + "pool, so a blocking driver in async def blocks everything; use asyncpg <script>x</script>",
                InputMode.VOICE, 1000L, 9000L, 8000L, 0.9f));
        var t2 = interviews.askQuestion(id, Phase.FOUNDATION, 3, "Can you give a concrete example?", QuestionSource.GENERATED, null);
        interviews.recordAnswer(t2.id, new InterviewService.Answer("we moved from psycopg2 to asyncpg and p99 fell by 80 "
                + "percent", InputMode.TEXT, null, null, null, null));
        given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + id + "/report")
                .then().statusCode(409).contentType("application/problem+json");
        interviews.complete(id, EndReason.PLAN_COMPLETE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", RECRUITER).get("/api/v1/interviews/" + id + "/report").then().statusCode(200));
        given().header("Authorization", RECRUITER).get("/api/v1/interviews/" + id + "/report").then()
                .statusCode(200)
                .header("Viva-Report-Schema", "1")
                .body("interviewId", equalTo(id.toString()))
                .body("candidate.status", equalTo("COMPLETED"))
                .body("candidate.durationMinutes", notNullValue())
                .body("overallScore", greaterThan(0))
                .body("answers", hasSize(2))
                .body("answers[0].assessment.coveredKeyPoints.size()", greaterThan(0))
                .body("answers[1].questionSource", equalTo("GENERATED"))
                .body("transcript", hasSize(2));
        given().header("Authorization", RECRUITER).queryParam("format", "md").get("/api/v1/interviews/" + id + "/report")
                .then().statusCode(200).body(containsString("# Interview Report"));
        given().header("Authorization", RECRUITER).accept("text/html").get("/api/v1/interviews/" + id + "/report")
                .then().statusCode(200)
                .body(containsString("Report &lt;b&gt;Subject&lt;/b&gt;"))
                .body(not(containsString("<script>x</script>")));
        given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + id + "/report")
                .then().statusCode(200).body("interviewId", equalTo(id.toString()));
        given().get("/api/v1/interviews/" + id + "/report").then().statusCode(401);
    }
}
