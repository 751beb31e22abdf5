package dev.viva.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** The routes of the browser client, checked over HTTP (the browser tests check what the pages do). */
@QuarkusTest
class WebPagesTest {

    @Test
    void rootAndConsoleWithoutSlashLeadToTheConsole() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/console/"));
        given().redirects().follow(false).get("/console").then().statusCode(303).header("Location", endsWith("/console/"));
        given().get("/console/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/console/console.js"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void joinLinkPathServesTheCandidateRoom() {
        given().get("/interview/0b9a3f3e-1111-4a4a-9999-123456789abc").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/candidate/room.js"))
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("Referrer-Policy", "no-referrer");
        given().get("/interview/not-an-id").then().statusCode(404);
    }

    @Test
    void aMangledJoinLinkExplainsItselfToBrowsersAndStaysAProblemForApiClients() {
        // what mail programs make of a long link: cut inside the id, or the rest of the line glued to it
        for (String path : new String[] {"/interview/0b9a3f3e-1111-4a4a-99", "/interview/0b9a3f3e-1111-4a4a-9999-123456789abc/extra",
                "/interview/", "/interview"}) {
            given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").get(path).then()
                    .statusCode(404).contentType(containsString("text/html"))
                    .body(containsString("/candidate/room.js"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"));
            given().accept("application/json").get(path).then()
                    .statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("join link"));
        }
    }

    @Test
    void scriptsAreServedAndTheApiIsUntouched() {
        given().get("/candidate/capture-worklet.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("registerProcessor"));
        given().get("/api/v1/roles").then().statusCode(200).contentType(containsString("application/json"));
    }
}
