package dev.viva.platform;

import dev.viva.platform.lifecycle.Draining;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** A stopping replica leaves its Service (readiness DOWN) while liveness stays UP so it is not killed early. */
    @Test
    void readinessGoesDownWhileDraining() {
        try {
            Draining.begin();
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'draining' }.status", equalTo("DOWN"));
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            Draining.reset();
        }
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'draining' }.status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentsTheApi() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/interviews"))
                .body(containsString("/api/v1/roles"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().delete("/api/v1/roles").then().statusCode(405)
                .contentType("application/problem+json");
    }
}
