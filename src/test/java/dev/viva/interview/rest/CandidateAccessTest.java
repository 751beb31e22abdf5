package dev.viva.interview.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.viva.TestApi.RECRUITER;
import static dev.viva.interview.rest.InterviewResourceTest.candidate;
import static dev.viva.interview.rest.InterviewResourceTest.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A candidate token opens exactly one interview's candidate view, and nothing else. */
@QuarkusTest
class CandidateAccessTest {

    @Test
    void tokensAreIsolatedBetweenInterviews() {
        var a = create(candidate("Candidate A")).statusCode(201).extract();
        var b = create(candidate("Candidate B")).statusCode(201).extract();
        String idA = a.path("id");
        String idB = b.path("id");
        String tokenA = a.path("candidateToken");

        given().header("Authorization", "Bearer " + tokenA).when().get("/api/v1/interviews/" + idA + "/public")
                .then().statusCode(200)
                .body("id", equalTo(idA))
                .body("candidateName", equalTo("Candidate A"))
                .body("interviewerName", equalTo("Ada"))
                .body("plannedMinutes", equalTo(40))
                .body("candidateEmail", nullValue());

        given().header("Authorization", "Bearer " + tokenA).when().get("/api/v1/interviews/" + idB + "/public")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("another interview"));
        given().header("Authorization", "Bearer " + tokenA).when().get("/api/v1/interviews/" + idA)
                .then().statusCode(403);
        given().header("Authorization", "Bearer " + tokenA).when().get("/api/v1/interviews/" + idA + "/transcript")
                .then().statusCode(403);
        given().when().get("/api/v1/interviews/" + idA + "/public")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer vc_forged").when().get("/api/v1/interviews/" + idA + "/public")
                .then().statusCode(401).body("detail", containsString("not valid"));
        // a recruiter key is not a candidate token either
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + idA + "/public")
                .then().statusCode(401);
    }
}
