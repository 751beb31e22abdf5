package dev.viva.role.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RoleResourceTest {

    @Test
    void listsShippedRolesWithLevels() {
        given().when().get("/api/v1/roles").then().statusCode(200)
                .body("id", hasItems("backend-engineer", "frontend-engineer", "ml-engineer",
                        "site-reliability-engineer", "tiny-role"))
                .body("find { it.id == 'backend-engineer' }.levels", hasItems("junior", "mid", "senior"))
                .body("find { it.id == 'backend-engineer' }.dimensions.weight.sum()", equalTo(100))
                .body("find { it.id == 'backend-engineer' }.plannedMinutes", greaterThan(0));
    }

    @Test
    void questionBankIsShownToRecruitersOnly() {
        given().when().get("/api/v1/roles/backend-engineer").then().statusCode(200)
                .body("id", equalTo("backend-engineer"))
                .body("phases.size()", equalTo(6))
                .body("questions", nullValue());
        given().header("Authorization", "Bearer vc_some-candidate").when().get("/api/v1/roles/backend-engineer")
                .then().statusCode(200).body("questions", nullValue());
        given().header("Authorization", "Bearer test-recruiter-key").when().get("/api/v1/roles/backend-engineer")
                .then().statusCode(200)
                .body("questions.size()", greaterThan(36))
                .body("questions[0].keyPoints", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void unknownRoleIsAProblem() {
        given().when().get("/api/v1/roles/astronaut").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no role 'astronaut'"));
    }
}
