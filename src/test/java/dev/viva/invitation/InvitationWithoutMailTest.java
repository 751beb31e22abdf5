package dev.viva.invitation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** With mail off (the default), an invitation is refused with a Problem saying how to configure mail. */
@QuarkusTest
class InvitationWithoutMailTest {

    @Test
    void anInvitationIsRefusedWithHowToTurnMailOnAndNothingIsCreated() {
        long before = total();
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body(Map.of("candidateName", "No Mail", "candidateEmail", "no.mail@example.com",
                        "role", "backend-engineer", "level", "mid", "invitation", Map.of("send", true)))
                .when().post("/api/v1/interviews").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:viva:problem:mail-disabled"))
                .body("title", equalTo("Mail is not configured"))
                .body("detail", containsString("viva.mail.enabled=true"))
                .body("detail", containsString("VIVA_MAIL_HOST"));
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews")
                .then().body("total", equalTo((int) before));
    }

    @Test
    void aWindowWithoutAMailNeedsNoMailAndCannotBeResent() {
        Instant closes = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String id = given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body(Map.of("candidateName", "Window Only", "candidateEmail", "window.only@example.com",
                        "role", "backend-engineer", "level", "mid",
                        "invitation", Map.of("send", false, "closesAt", closes.toString())))
                .when().post("/api/v1/interviews").then().statusCode(201)
                .body("closesAt", equalTo(closes.toString())).body("invitation", nullValue())
                .extract().path("id");
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + id + "/invitation")
                .then().statusCode(404);
        given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/" + id + "/invitation/resend")
                .then().statusCode(409).body("detail", containsString("without an invitation"));
    }

    private static long total() {
        return given().header("Authorization", RECRUITER).when().get("/api/v1/interviews")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
