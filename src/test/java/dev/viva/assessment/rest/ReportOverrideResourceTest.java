package dev.viva.assessment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.assessment.ReportFixtures;
import dev.viva.interview.service.InterviewService;
import dev.viva.role.Level;
import dev.viva.webhook.EventType;
import dev.viva.webhook.Receiver;
import dev.viva.webhook.WebhookFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * A recruiter overrides a dimension score and the recommendation, with a reason: the report in every format shows
 * the assessment's figure and the override with who, when and why; the audit log has each change with its actor;
 * {@code report.updated} is signed and delivered; bad requests are refused with a clear problem.
 */
@QuarkusTest
class ReportOverrideResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ReportFixtures reports;
    @Inject
    InterviewService interviews;
    @Inject
    WebhookFixtures webhooks;
    @Inject
    ObjectMapper json;

    @AfterEach
    void cleanUp() {
        webhooks.deleteAllEndpoints();
    }

    private static String overrides(UUID id) {
        return "/api/v1/interviews/" + id + "/report/overrides";
    }

    @Test
    void overridesAreShownBesideTheOriginalsAuditedAndAnnouncedSigned() throws Exception {
        UUID id = reports.completedWithReport("Olive Override", 4);
        JsonNode before = json.readTree(given().header("Authorization", RECRUITER)
                .get("/api/v1/interviews/" + id + "/report").then().statusCode(200).extract().asString());
        String assessedRecommendation = before.get("recommendation").asText();
        String newRecommendation = assessedRecommendation.equals("strong hire") ? "no hire" : "strong hire";

        try (Receiver receiver = Receiver.alwaysOk()) {
            var endpoint = webhooks.subscribe(receiver, EventType.REPORT_UPDATED);
            given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                    .body(Map.of("score", 4.5, "reason", "Much stronger on <b>design</b> in the follow-up call."))
                    .put(overrides(id) + "/dimensions/technical-knowledge")
                    .then().statusCode(200)
                    .body("overrides", hasSize(1))
                    .body("overrides[0].dimension", equalTo("technical-knowledge"))
                    .body("overrides[0].score", equalTo(4.5f))
                    .body("overrides[0].by.kind", equalTo("key"))
                    .body("overrides[0].reason", equalTo("Much stronger on <b>design</b> in the follow-up call."));
            given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                    .body(Map.of("recommendation", newRecommendation, "reason", "References and the take-home."))
                    .put(overrides(id) + "/recommendation")
                    .then().statusCode(200)
                    .body("overrides", hasSize(2))
                    // the recommendation first, then the dimensions
                    .body("overrides[0].dimension", nullValue())
                    .body("overrides[0].originalRecommendation", equalTo(assessedRecommendation))
                    .body("overrides[0].recommendation", equalTo(newRecommendation))
                    // the assessment's own figure is left as it was
                    .body("recommendation", equalTo(assessedRecommendation));
            // the interview and the list show the hiring team's decision
            given().header("Authorization", RECRUITER).get("/api/v1/interviews/" + id)
                    .then().statusCode(200).body("recommendation", equalTo(newRecommendation));
            given().header("Authorization", RECRUITER).queryParam("candidate", "Olive Override")
                    .get("/api/v1/interviews").then().statusCode(200)
                    .body("items.find { it.id == '" + id + "' }.recommendation", equalTo(newRecommendation));

            await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
            for (Receiver.Request request : receiver.requests()) {
                WebhookFixtures.verify(endpoint.secret(), request);
                JsonNode body = json.readTree(request.body());
                assertThat(body.get("type").asText()).isEqualTo("report.updated");
                assertThat(body.at("/data/interviewId").asText()).isEqualTo(id.toString());
                assertThat(body.at("/data/reportUrl").asText()).endsWith("/api/v1/interviews/" + id + "/report");
            }
        }

        // the stored JSON, as served and as a webhook links it
        JsonNode after = json.readTree(given().header("Authorization", RECRUITER)
                .get("/api/v1/interviews/" + id + "/report").then().statusCode(200).extract().asString());
        JsonNode dim = after.get("overrides").get(1);
        JsonNode assessedDim = before.get("dimensions").findParents("id").stream()
                .filter(d -> d.get("id").asText().equals("technical-knowledge")).findFirst().orElseThrow();
        assertThat(dim.get("originalScore").asDouble()).isEqualTo(assessedDim.get("score").asDouble());
        assertThat(dim.get("by").get("name").asText()).isNotBlank();
        assertThat(dim.get("at").asText()).isNotBlank();

        given().header("Authorization", RECRUITER).queryParam("format", "md").get("/api/v1/interviews/" + id + "/report")
                .then().statusCode(200)
                .body(containsString("**Reviewer's score**: 4.5 / 5.0 in place of"))
                .body(containsString("References and the take-home."))
                .body(containsString("**Reviewer's recommendation**: **" + newRecommendation.toUpperCase()));
        given().header("Authorization", RECRUITER).queryParam("format", "html").get("/api/v1/interviews/" + id + "/report")
                .then().statusCode(200)
                .body(containsString("Reviewer's score: 4.5 / 5</strong> in place of"))
                // the reason is the recruiter's text: escaped, never markup
                .body(containsString("Much stronger on &lt;b&gt;design&lt;/b&gt;"))
                .body(containsString(" UTC: \u201cReferences and the take-home.\u201d"));

        // every change in the audit log, with its actor and reason
        given().header("Authorization", RECRUITER).queryParam("targetType", "interview").queryParam("targetId", id.toString())
                .get("/api/v1/audit").then().statusCode(200)
                .body("[0].action", equalTo("report.recommendation.overridden"))
                .body("[0].actor.kind", equalTo("key"))
                .body("[0].reason", equalTo("References and the take-home."))
                .body("[0].details.from", equalTo(assessedRecommendation))
                .body("[0].details.to", equalTo(newRecommendation))
                .body("[1].action", equalTo("report.dimension.overridden"))
                .body("[1].details.dimension", equalTo("technical-knowledge"))
                .body("[1].details.to", equalTo(4.5f));

        // a rebuilt report keeps the recruiter's judgement
        given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + id + "/report").then().statusCode(200)
                .body("overrides", hasSize(2)).body("overrides[1].score", equalTo(4.5f));
    }

    @Test
    void badOverridesAreRefusedWithAClearProblem() {
        UUID id = reports.completedWithReport("Bad Override", 2);
        put(id, "/dimensions/technical-knowledge", Map.of("score", 3)).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("reason"));
        put(id, "/dimensions/technical-knowledge", Map.of("score", 3, "reason", "   ")).statusCode(400)
                .body("detail", containsString("a reason is required"));
        put(id, "/dimensions/technical-knowledge", Map.of("score", 5.5, "reason", "too generous")).statusCode(400)
                .body("detail", containsString("at most 5"));
        put(id, "/dimensions/technical-knowledge", Map.of("score", -1, "reason", "too harsh")).statusCode(400)
                .body("detail", containsString("at least 0"));
        put(id, "/dimensions/technical-knowledge", Map.of("reason", "no score")).statusCode(400)
                .body("detail", containsString("a score from 0 to 5 is required"));
        put(id, "/dimensions/juggling", Map.of("score", 3, "reason", "not a dimension")).statusCode(404)
                .body("detail", containsString("no dimension 'juggling'"));
        put(id, "/recommendation", Map.of("recommendation", "maybe", "reason", "unsure")).statusCode(400)
                .body("detail", containsString("strong hire, hire, lean hire, lean no hire, no hire"));
        put(id, "/recommendation", Map.of("recommendation", "hire", "reason", "x".repeat(2001))).statusCode(400);
        put(UUID.randomUUID(), "/recommendation", Map.of("recommendation", "hire", "reason", "who?")).statusCode(404);
        // nothing above changed the report or reached the audit log
        given().header("Authorization", RECRUITER).get("/api/v1/interviews/" + id + "/report").then().statusCode(200)
                .body("overrides", nullValue());
        given().header("Authorization", RECRUITER).queryParam("targetId", id.toString())
                .queryParam("action", "report.dimension.overridden").get("/api/v1/audit").then().body("$", hasSize(0));
    }

    @Test
    void onlyRecruitersOverrideAndOnlyReportsThatExist() {
        var created = interviews.create("Cancelled Cora", "cora@example.com", "backend-engineer", Level.MID);
        UUID cancelled = created.interview().id;
        // the candidate's own token opens their room, not their report
        given().header("Authorization", "Bearer " + created.candidateToken()).contentType(ContentType.JSON)
                .body(Map.of("recommendation", "strong hire", "reason", "I am great"))
                .put(overrides(cancelled) + "/recommendation").then().statusCode(403)
                .body("detail", containsString("candidate token"));
        given().contentType(ContentType.JSON).body(Map.of("recommendation", "hire", "reason", "anonymous"))
                .put(overrides(cancelled) + "/recommendation").then().statusCode(401);
        // a running interview has no report yet; a cancelled one never will
        interviews.start(cancelled);
        put(cancelled, "/recommendation", Map.of("recommendation", "hire", "reason", "early")).statusCode(409);
        interviews.cancel(cancelled);
        put(cancelled, "/recommendation", Map.of("recommendation", "hire", "reason", "too late")).statusCode(410);
        put(cancelled, "/dimensions/technical-knowledge", Map.of("score", 2, "reason", "too late")).statusCode(410);
    }

    private static io.restassured.response.ValidatableResponse put(UUID id, String path, Map<String, Object> body) {
        return given().header("Authorization", RECRUITER).contentType(ContentType.JSON).body(body)
                .put(overrides(id) + path).then();
    }
}
