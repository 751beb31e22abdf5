package dev.viva.platform.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.viva.TestApi.RECRUITER;
import static dev.viva.TestApi.candidate;
import static dev.viva.TestApi.createInterview;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Recruiter writes leave an entry naming who did them, and the log is readable and filterable over REST. */
@QuarkusTest
class AuditLogTest {

    @Test
    void interviewWritesAreAttributedToTheKeyThatMadeThem() {
        String id = createInterview(candidate("Grace Audit", "backend-engineer", "mid")).statusCode(201)
                .extract().path("id");
        given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/" + id + "/cancel")
                .then().statusCode(200);
        given().header("Authorization", RECRUITER).when().delete("/api/v1/interviews/" + id).then().statusCode(204);

        var entries = given().header("Authorization", RECRUITER)
                .queryParam("targetType", "interview").queryParam("targetId", id)
                .when().get("/api/v1/audit").then().statusCode(200).body("", hasSize(3)).extract().jsonPath();
        // newest first, and the entries outlive the erased interview
        assertThat(entries.getList("action")).containsExactly("interview.deleted", "interview.cancelled",
                "interview.created");
        assertThat(entries.getList("actor.kind")).containsOnly("key");
        // the configured key is named by a hash prefix, never by the key itself
        assertThat(entries.getString("[0].actor.name")).startsWith("installation key ")
                .doesNotContain("test-recruiter-key");
        assertThat(entries.getString("[2].details.candidateName")).isEqualTo("Grace Audit");
        assertThat(entries.getString("[2].target.id")).isEqualTo(id);
    }

    @Test
    void aRefusedWriteLeavesNoEntry() {
        String id = createInterview(candidate("Refused Write", "backend-engineer", "mid")).statusCode(201)
                .extract().path("id");
        given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/" + id + "/cancel")
                .then().statusCode(200);
        given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/" + id + "/cancel")
                .then().statusCode(409);
        given().header("Authorization", RECRUITER).queryParam("targetId", id)
                .queryParam("action", "interview.cancelled")
                .when().get("/api/v1/audit").then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void webhookEndpointChangesAreAuditedWithTheirReason() {
        String id = given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hooks/audit", "eventTypes", new String[]{"report.ready"}))
                .when().post("/api/v1/webhooks/endpoints").then().statusCode(201).extract().path("id");
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body(Map.of("reason", "the ATS is being migrated"))
                .when().post("/api/v1/webhooks/endpoints/" + id + "/disable").then().statusCode(200);

        var entries = given().header("Authorization", RECRUITER).queryParam("targetId", id)
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(entries.getList("action")).containsExactly("webhook.endpoint.disabled",
                "webhook.endpoint.created");
        assertThat(entries.getString("[0].reason")).isEqualTo("the ATS is being migrated");
        assertThat(entries.getString("[1].details.url")).isEqualTo("http://127.0.0.1:9/hooks/audit");
    }

    @Test
    void pagesBackwardsWithBeforeAndLimit() {
        for (int i = 0; i < 3; i++) {
            createInterview(candidate("Paged " + i, "backend-engineer", "mid")).statusCode(201);
        }
        var first = given().header("Authorization", RECRUITER).queryParam("action", "interview.created")
                .queryParam("limit", 2).when().get("/api/v1/audit").then().statusCode(200).body("", hasSize(2))
                .extract().jsonPath();
        String oldestShown = first.getString("[1].at");
        var next = given().header("Authorization", RECRUITER).queryParam("action", "interview.created")
                .queryParam("before", oldestShown).queryParam("limit", 1)
                .when().get("/api/v1/audit").then().statusCode(200).body("", hasSize(1)).extract().jsonPath();
        assertThat(next.getString("[0].at")).isLessThan(oldestShown);
    }

    @Test
    void refusesStrangersAndBadFilters() {
        given().when().get("/api/v1/audit").then().statusCode(401);
        given().header("Authorization", "Bearer vc_candidate").when().get("/api/v1/audit").then().statusCode(403);
        given().header("Authorization", RECRUITER).queryParam("before", "yesterday")
                .when().get("/api/v1/audit").then().statusCode(400).body("status", equalTo(400));
        given().header("Authorization", RECRUITER).queryParam("limit", 0)
                .when().get("/api/v1/audit").then().statusCode(400);
    }
}
