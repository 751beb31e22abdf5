package dev.viva.interview.rest;

import dev.viva.TestApi;
import dev.viva.interview.StoredReport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** What a recruiter does every day besides creating interviews: a new join link, finding a candidate, clear errors. */
@QuarkusTest
class RecruiterDailyWorkTest {

    @Test
    void aNewJoinLinkReplacesTheOldOneAtOnce() {
        TestApi.Joined joined = TestApi.join("Edsger Dijkstra", "tiny-role", "mid");
        publicView(joined.id(), joined.token()).statusCode(200);

        var link = given().header("Authorization", RECRUITER)
                .when().post("/api/v1/interviews/" + joined.id() + "/join-link").then().statusCode(200)
                .body("id", equalTo(joined.id()))
                .body("candidateToken", startsWith("vc_"))
                .extract().jsonPath();
        String token = link.getString("candidateToken");
        assertThat(link.getString("joinUrl")).isEqualTo("https://viva.example.test/interview/" + joined.id() + "#token=" + token);
        assertThat("Bearer " + token).isNotEqualTo(joined.token());

        publicView(joined.id(), joined.token()).statusCode(401);
        publicView(joined.id(), "Bearer " + token).statusCode(200).body("candidateName", equalTo("Edsger Dijkstra"));
        // the new link opens a session too; the old one cannot
        given().header("Authorization", joined.token()).post("/api/v1/interviews/" + joined.id() + "/socket-ticket")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + token).post("/api/v1/interviews/" + joined.id() + "/socket-ticket")
                .then().statusCode(200);
        // the interview itself is untouched
        given().header("Authorization", RECRUITER).get("/api/v1/interviews/" + joined.id()).then().statusCode(200)
                .body("status", equalTo("SCHEDULED"));

        // audited with who did it, and without the secret
        var entries = given().header("Authorization", RECRUITER).queryParam("targetId", joined.id())
                .queryParam("action", "interview.link.reissued")
                .get("/api/v1/audit").then().statusCode(200).body("", hasSize(1)).extract();
        assertThat(entries.jsonPath().getString("[0].actor.kind")).isEqualTo("key");
        assertThat(entries.jsonPath().getString("[0].details.candidateName")).isEqualTo("Edsger Dijkstra");
        assertThat(entries.asString()).doesNotContain(token);
    }

    @Test
    void anEndedInterviewGetsNoNewJoinLink() {
        TestApi.Joined joined = TestApi.join("Tony Hoare", "tiny-role", "mid");
        given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + joined.id() + "/cancel").then().statusCode(200);
        given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + joined.id() + "/join-link")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is CANCELLED"));
        // a refused re-issue leaves no trace in the audit log
        given().header("Authorization", RECRUITER).queryParam("targetId", joined.id())
                .queryParam("action", "interview.link.reissued")
                .get("/api/v1/audit").then().statusCode(200).body("", hasSize(0));
        given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + UUID.randomUUID() + "/join-link")
                .then().statusCode(404).contentType("application/problem+json");
        given().post("/api/v1/interviews/" + joined.id() + "/join-link").then().statusCode(401);
        // a candidate cannot give themselves a new link
        given().header("Authorization", joined.token()).post("/api/v1/interviews/" + joined.id() + "/join-link")
                .then().statusCode(403);
    }

    @Test
    void theListFindsCandidatesByNameOrEmailAndShowsTheirReportHeadline() {
        String marker = "Zq" + Long.toString(System.nanoTime(), 36);
        String ada = TestApi.createInterview(Map.of("candidateName", "Ada " + marker, "candidateEmail", "ada@example.com",
                "role", "tiny-role", "level", "mid")).statusCode(201).extract().path("id");
        String alan = TestApi.createInterview(Map.of("candidateName", "Alan Turing", "candidateEmail",
                marker.toLowerCase() + "@example.com", "role", "tiny-role", "level", "senior")).statusCode(201).extract().path("id");
        String other = TestApi.createInterview(Map.of("candidateName", "Other 100%_done", "candidateEmail",
                "other@example.com", "role", "tiny-role", "level", "mid")).statusCode(201).extract().path("id");
        storeReport(UUID.fromString(ada), 81, "hire");

        // the name in another case, and the e-mail address, both match; newest first
        list(Map.of("candidate", marker.toUpperCase())).body("total", equalTo(2)).body("items.id", contains(alan, ada))
                .body("items[1].score", equalTo(81))
                .body("items[1].recommendation", equalTo("hire"))
                .body("items[0].score", nullValue())
                .body("items[0].recommendation", nullValue());
        list(Map.of("candidate", "  " + marker.toLowerCase() + "@EXAMPLE.com ")).body("items.id", contains(alan));
        // % and _ are taken literally, not as wildcards
        list(Map.of("candidate", "100%_d")).body("items.id", contains(other));
        list(Map.of("candidate", marker + "%")).body("items", hasSize(0));
        // the filter combines with the others and pages like the rest of the list
        list(Map.of("candidate", marker, "size", 1, "page", 1)).body("items.id", contains(ada)).body("total", equalTo(2));
        list(Map.of("candidate", marker, "status", "CANCELLED")).body("total", equalTo(0));
        given().header("Authorization", RECRUITER).queryParam("candidate", "x".repeat(321)).get("/api/v1/interviews")
                .then().statusCode(400).body("errors[0].field", equalTo("candidate"));
        // a single interview carries its headline too
        given().header("Authorization", RECRUITER).get("/api/v1/interviews/" + ada).then().statusCode(200)
                .body("score", equalTo(81)).body("recommendation", equalTo("hire"));
    }

    @Test
    void validationErrorsAreOnePlainMessagePerField() {
        var problem = TestApi.createInterview(Map.of("candidateName", " ", "candidateEmail", "  ", "role", ""))
                .statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors.field")).containsExactly("candidateEmail", "candidateName", "level", "role");
        assertThat(problem.getList("errors.message")).containsExactly("Enter the candidate's e-mail address.",
                "Enter the candidate's name.", "Choose the level: junior, mid or senior.",
                "Choose the role the candidate applies for.");
        assertThat(problem.getString("detail")).isEqualTo("candidateEmail: Enter the candidate's e-mail address.; "
                + "candidateName: Enter the candidate's name.; level: Choose the level: junior, mid or senior.; "
                + "role: Choose the role the candidate applies for.");
        TestApi.createInterview(Map.of("candidateName", "Ada", "candidateEmail", "ada at example", "role", "tiny-role",
                        "level", "mid"))
                .statusCode(400).body("errors", hasSize(1))
                .body("errors[0].message", equalTo("Enter a complete e-mail address, like ada@example.com."))
                .body("detail", not(containsString("must be")));
    }

    private static io.restassured.response.ValidatableResponse publicView(String id, String authorization) {
        return given().header("Authorization", authorization).get("/api/v1/interviews/" + id + "/public").then();
    }

    private static io.restassured.response.ValidatableResponse list(Map<String, Object> query) {
        return given().header("Authorization", RECRUITER).queryParams(query).get("/api/v1/interviews").then().statusCode(200);
    }

    /** A report as the assessment stores it, reduced to the fields the list reads. */
    private static void storeReport(UUID interviewId, int score, String recommendation) {
        QuarkusTransaction.requiringNew().run(() -> {
            StoredReport report = new StoredReport();
            report.interviewId = interviewId;
            report.schemaVersion = 1;
            report.body = "{\"overallScore\": " + score + ", \"recommendation\": \"" + recommendation + "\"}";
            report.generatedAt = Instant.now();
            report.persist();
        });
    }
}
