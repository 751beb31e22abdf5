package dev.viva.interview.rest;

import dev.viva.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class InterviewResourceTest {

    static ValidatableResponse create(Map<String, Object> body) {
        return TestApi.createInterview(body);
    }

    static Map<String, Object> candidate(String name) {
        return TestApi.candidate(name, "tiny-role", "mid");
    }

    @Test
    void createReturnsTokenAndJoinUrlOnceAndStoresOnlyAHash() {
        var created = create(candidate("Grace Hopper")).statusCode(201)
                .header("Location", containsString("/api/v1/interviews/"))
                .body("id", notNullValue())
                .body("status", equalTo("SCHEDULED"))
                .body("role", equalTo("tiny-role"))
                .body("level", equalTo("mid"))
                .body("candidateToken", startsWith("vc_"))
                .body("joinUrl", startsWith("https://viva.example.test/interview/"))
                .extract();
        String id = created.path("id");
        String token = created.path("candidateToken");
        org.assertj.core.api.Assertions.assertThat((String) created.path("joinUrl")).endsWith(id + "#token=" + token);

        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("SCHEDULED"))
                .body("role", equalTo("tiny-role"))
                .body("level", equalTo("mid"))
                .body("durationSeconds", nullValue())
                .body("candidateToken", nullValue())
                .body(not(containsString(token)));
    }

    @Test
    void validationErrorsNameTheFailingField() {
        create(Map.of("candidateName", "A", "candidateEmail", "not-an-email", "role", "tiny-role", "level", "mid"))
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("candidateEmail"))
                .body("detail", containsString("candidateEmail"));
        create(Map.of("candidateEmail", "a@example.com", "role", "tiny-role", "level", "mid"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("candidateName"));
        create(Map.of("candidateName", "A", "candidateEmail", "a@example.com", "role", "astronaut", "level", "mid"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("role"))
                .body("detail", containsString("unknown role 'astronaut'"));
        create(Map.of("candidateName", "A", "candidateEmail", "a@example.com", "role", "tiny-role", "level", "guru"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("level"))
                .body("detail", containsString("unknown level 'guru'"));
    }

    @Test
    void malformedJsonAndMissingBodyAreProblems() {
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON).body("{\"candidateName\": ")
                .when().post("/api/v1/interviews").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .when().post("/api/v1/interviews").then()
                .statusCode(400).contentType("application/problem+json");
        given().header("Authorization", RECRUITER).contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/interviews").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void recruiterEndpointsNeedAValidKey() {
        given().when().get("/api/v1/interviews").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("recruiter API key"));
        given().header("Authorization", "Bearer wrong").when().get("/api/v1/interviews").then().statusCode(401)
                .body("detail", containsString("not a valid recruiter API key"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get("/api/v1/interviews").then().statusCode(401);
        String token = create(candidate("Ada Lovelace")).statusCode(201).extract().path("candidateToken");
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/interviews").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("candidate token"));
    }

    @Test
    void unknownInterviewIs404AndReportBeforeCompletionIs409() {
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no interview with id"));
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        String id = create(candidate("Alan Turing")).statusCode(201).extract().path("id");
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + id + "/report")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("produced when it completes"));
    }

    @Test
    void cancelIsALifecycleTransitionAndCannotHappenTwice() {
        String id = create(candidate("Barbara Liskov")).statusCode(201).extract().path("id");
        given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("endedAt", notNullValue())
                .body("endReason", equalTo("CANCELLED"))
                .body("endDetail", containsString("cancelled"));
        given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/" + id + "/cancel")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is CANCELLED and cannot become CANCELLED"));
    }

    @Test
    void listFiltersAndPages() {
        String role = "tiny-role";
        for (int i = 0; i < 3; i++) {
            create(candidate("Lister " + i)).statusCode(201);
        }
        String cancelled = create(candidate("Lister Cancelled")).statusCode(201).extract().path("id");
        given().header("Authorization", RECRUITER).post("/api/v1/interviews/" + cancelled + "/cancel")
                .then().statusCode(200);

        given().header("Authorization", RECRUITER).queryParam("status", "cancelled").queryParam("size", 200)
                .when().get("/api/v1/interviews").then().statusCode(200)
                .body("items.status", everyItem(equalTo("CANCELLED")))
                .body("items.id", hasItem(cancelled));
        given().header("Authorization", RECRUITER).queryParam("role", role).queryParam("size", 2).queryParam("page", 0)
                .when().get("/api/v1/interviews").then().statusCode(200)
                .body("items", hasSize(2))
                .body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(4));
        given().header("Authorization", RECRUITER).queryParam("role", "nobody")
                .when().get("/api/v1/interviews").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
        given().header("Authorization", RECRUITER).queryParam("createdFrom", "2999-01-01")
                .when().get("/api/v1/interviews").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", RECRUITER).queryParam("createdFrom", "yesterday")
                .when().get("/api/v1/interviews").then().statusCode(400)
                .body("errors.field", hasItem("createdFrom"));
        given().header("Authorization", RECRUITER).queryParam("status", "DONE")
                .when().get("/api/v1/interviews").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().header("Authorization", RECRUITER).queryParam("size", 0)
                .when().get("/api/v1/interviews").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
        given().header("Authorization", RECRUITER).queryParam("size", 1)
                .when().get("/api/v1/interviews").then().statusCode(200)
                .body("items[0].id", matchesPattern("[0-9a-f-]{36}"));
    }
}
