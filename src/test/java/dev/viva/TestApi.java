package dev.viva;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Shared helpers for tests that drive the real HTTP API. */
public final class TestApi {

    /** The recruiter key configured for the test profile. */
    public static final String RECRUITER = "Bearer test-recruiter-key";

    private TestApi() {
    }

    public static ValidatableResponse createInterview(Map<String, Object> body) {
        return given().header("Authorization", RECRUITER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/interviews").then();
    }

    /** A create-interview body for the given candidate, role and level. */
    public static Map<String, Object> candidate(String name, String role, String level) {
        return Map.of("candidateName", name, "candidateEmail", name.toLowerCase().replace(' ', '.') + "@example.com",
                "role", role, "level", level);
    }

    /** A created interview as its candidate joins it: its id and the {@code Authorization} value of its token. */
    public record Joined(String id, String token) {
    }

    /** Creates an interview for the candidate and returns what their join link carries. */
    public static Joined join(String name, String role, String level) {
        var created = createInterview(candidate(name, role, level)).statusCode(201).extract().jsonPath();
        return new Joined(created.getString("id"), "Bearer " + created.getString("candidateToken"));
    }
}
