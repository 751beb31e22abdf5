package dev.viva.webhook.rest;

import dev.viva.webhook.WebhookEndpoint;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class WebhookResourceTest {

    private static final String BASE = "/api/v1/webhooks/endpoints";
    private static final String HOOK = "http://127.0.0.1:9/hook";

    @Inject
    EntityManager em;

    @AfterEach
    void removeEndpoints() {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from WebhookEndpoint").executeUpdate());
    }

    private static RequestSpecification recruiter() {
        return given().header("Authorization", RECRUITER).contentType(ContentType.JSON);
    }

    private static String create(Map<String, Object> body) {
        return recruiter().body(body).when().post(BASE).then().statusCode(201).extract().path("id");
    }

    @Test
    void createShowsTheSecretOnceAndStoresItEncrypted() {
        var created = recruiter().body(Map.of("url", HOOK, "eventTypes", List.of("report.ready", "interview.completed"),
                        "description", "ATS sync"))
                .when().post(BASE).then().statusCode(201)
                .header("Location", containsString(BASE + "/"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .body("eventTypes", equalTo(List.of("report.ready", "interview.completed")))
                .body("enabled", equalTo(true))
                .extract();
        String id = created.path("id");
        String secret = created.path("secret");

        recruiter().when().get(BASE + "/" + id).then().statusCode(200)
                .body("secret", nullValue()).body("description", equalTo("ATS sync")).body("url", equalTo(HOOK));
        recruiter().when().get(BASE).then().statusCode(200).body("id", hasItem(id)).body("secret", hasItem(nullValue()));

        String stored = QuarkusTransaction.requiringNew().call(() ->
                em.find(WebhookEndpoint.class, java.util.UUID.fromString(id)).secretEnc);
        assertThat(stored).startsWith("v1.").doesNotContain(secret).doesNotContain(secret.substring(6));
    }

    @Test
    void everyEndpointNeedsARecruiterKey() {
        given().contentType(ContentType.JSON).body(Map.of("url", HOOK, "eventTypes", List.of("ping")))
                .when().post(BASE).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer nope").when().get(BASE).then().statusCode(401);
    }

    @Test
    void invalidSubscriptionsAreRefusedWithProblemDetails() {
        recruiter().body(Map.of("url", "http://10.0.0.7/hook", "eventTypes", List.of("ping")))
                .when().post(BASE).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("detail", containsString("10.0.0.7, a private or reserved address"));
        recruiter().body(Map.of("url", "http://169.254.169.254/latest/meta-data", "eventTypes", List.of("ping")))
                .when().post(BASE).then().statusCode(400).body("detail", containsString("link-local"));
        recruiter().body(Map.of("url", "http://[::ffff:192.168.0.1]/", "eventTypes", List.of("ping")))
                .when().post(BASE).then().statusCode(400).body("detail", containsString("192.168.0.1"));
        recruiter().body(Map.of("url", "gopher://127.0.0.1/", "eventTypes", List.of("ping")))
                .when().post(BASE).then().statusCode(400).body("detail", containsString("https://"));
        recruiter().body(Map.of("url", HOOK, "eventTypes", List.of()))
                .when().post(BASE).then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        recruiter().body(Map.of("url", HOOK, "eventTypes", List.of("interview.exploded")))
                .when().post(BASE).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown event type 'interview.exploded'"));
        recruiter().body(Map.of("url", HOOK, "eventTypes", List.of("ping"), "description", "x".repeat(501)))
                .when().post(BASE).then().statusCode(400).body("errors[0].field", equalTo("description"));
        recruiter().body("{not json").when().post(BASE).then().statusCode(400)
                .contentType("application/problem+json");
        recruiter().when().post(BASE).then().statusCode(400).contentType("application/problem+json");
        recruiter().when().get(BASE + "/3b1f2f8e-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void updateDisableEnableAndDelete() {
        String id = create(Map.of("url", HOOK, "eventTypes", List.of("interview.started")));
        recruiter().body(Map.of("eventTypes", List.of("interview.started", "interview.abandoned", "interview.started"),
                        "description", "two events"))
                .when().patch(BASE + "/" + id).then().statusCode(200)
                .body("eventTypes", equalTo(List.of("interview.started", "interview.abandoned")))
                .body("url", equalTo(HOOK)).body("description", equalTo("two events"));
        recruiter().body(Map.of("url", "http://192.168.4.4/")).when().patch(BASE + "/" + id).then().statusCode(400);

        recruiter().body(Map.of("reason", "ATS maintenance")).when().post(BASE + "/" + id + "/disable")
                .then().statusCode(200).body("enabled", equalTo(false))
                .body("disabledReason", equalTo("ATS maintenance")).body("disabledAt", notNullValue());
        recruiter().when().post(BASE + "/" + id + "/ping").then().statusCode(409)
                .body("detail", containsString("disabled (ATS maintenance)"));
        recruiter().when().post(BASE + "/" + id + "/enable").then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", nullValue());

        recruiter().when().delete(BASE + "/" + id).then().statusCode(204);
        recruiter().when().get(BASE + "/" + id).then().statusCode(404);
    }

    @Test
    void rotationReturnsANewSecretAndKeepsTheOldOneForTheOverlap() {
        String id = create(Map.of("url", HOOK, "eventTypes", List.of("ping")));
        String rotated = recruiter().body(Map.of("overlap", "PT2H")).when().post(BASE + "/" + id + "/rotate-secret")
                .then().statusCode(200).body("previousSecretExpiresAt", notNullValue())
                .extract().path("secret");
        assertThat(rotated).startsWith("whsec_");
        recruiter().when().get(BASE + "/" + id).then().body("previousSecretExpiresAt", notNullValue());
        recruiter().body(Map.of("overlap", "two hours")).when().post(BASE + "/" + id + "/rotate-secret")
                .then().statusCode(400).body("errors[0].field", equalTo("overlap"));
        recruiter().body(Map.of("overlap", "P30D")).when().post(BASE + "/" + id + "/rotate-secret")
                .then().statusCode(400);
        recruiter().body(Map.of("overlap", "PT0S")).when().post(BASE + "/" + id + "/rotate-secret")
                .then().statusCode(200).body("previousSecretExpiresAt", nullValue());
    }

    @Test
    void listsEventTypesAndValidatesLogQueries() {
        recruiter().when().get("/api/v1/webhooks/event-types").then().statusCode(200)
                .body("$", hasItems("interview.started", "interview.completed", "interview.abandoned", "report.ready",
                        "ping"));
        String id = create(Map.of("url", HOOK, "eventTypes", List.of("ping")));
        recruiter().when().get(BASE + "/" + id + "/messages?status=LOST").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        recruiter().when().get(BASE + "/" + id + "/messages?since=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
        recruiter().body(Map.of()).when().post(BASE + "/" + id + "/replay").then().statusCode(400);
        recruiter().body(Map.of("since", "2999-01-01T00:00:00Z")).when().post(BASE + "/" + id + "/replay")
                .then().statusCode(400);
        recruiter().when().post("/api/v1/webhooks/messages/msg_nope/redeliver").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
