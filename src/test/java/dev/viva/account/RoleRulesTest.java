package dev.viva.account;

import dev.viva.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.viva.TestApi.RECRUITER;
import static dev.viva.TestApi.candidate;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What each role may do, over real HTTP: viewers read and watch but change nothing, recruiters change everything but
 * users, admins (and installation keys) also manage users; a key acts with its owner's current role.
 */
@QuarkusTest
class RoleRulesTest {

    private static String interview() {
        return TestApi.createInterview(candidate("Role Rules", "backend-engineer", "mid")).statusCode(201)
                .extract().path("id");
    }

    @Test
    void aViewerReadsAndWatchesButCannotCreateOrChangeAnything() {
        var viewer = People.signedIn("viewer");
        String id = interview();
        given().header("Authorization", viewer.auth()).when().get("/api/v1/interviews").then().statusCode(200);
        given().header("Authorization", viewer.auth()).when().get("/api/v1/interviews/" + id).then().statusCode(200);
        given().header("Authorization", viewer.auth()).when().get("/api/v1/audit").then().statusCode(200);
        given().header("Authorization", viewer.auth()).when().get("/api/v1/webhooks/endpoints").then().statusCode(200);
        // the live view's ticket is a read-like POST: viewers may watch
        given().header("Authorization", viewer.auth()).when().post("/api/v1/interviews/" + id + "/live-ticket")
                .then().statusCode(200);

        given().header("Authorization", viewer.auth()).contentType(ContentType.JSON)
                .body(candidate("Not Allowed", "backend-engineer", "mid")).when().post("/api/v1/interviews")
                .then().statusCode(403).body("detail", containsString("viewer"));
        given().header("Authorization", viewer.auth()).when().post("/api/v1/interviews/" + id + "/cancel")
                .then().statusCode(403);
        given().header("Authorization", viewer.auth()).when().delete("/api/v1/interviews/" + id)
                .then().statusCode(403);
        given().header("Authorization", viewer.auth()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hooks/viewer", "eventTypes", new String[]{"report.ready"}))
                .when().post("/api/v1/webhooks/endpoints").then().statusCode(403);
        given().header("Authorization", viewer.auth()).when().get("/api/v1/users").then().statusCode(403);

        // nothing the viewer tried happened: the only entry of theirs is setting their own password
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + id)
                .then().statusCode(200).body("status", equalTo("SCHEDULED"));
        given().header("Authorization", RECRUITER).queryParam("actor", viewer.id()).when().get("/api/v1/audit")
                .then().statusCode(200).body("action", contains("user.password.set"));
    }

    @Test
    void aViewersKeyIsAViewerToo() {
        var viewer = People.signedIn("viewer");
        String key = People.key(viewer, "dashboard");
        given().header("Authorization", key).when().get("/api/v1/interviews").then().statusCode(200);
        given().header("Authorization", key).contentType(ContentType.JSON)
                .body(candidate("Key Viewer", "backend-engineer", "mid")).when().post("/api/v1/interviews")
                .then().statusCode(403);
    }

    @Test
    void aRecruiterChangesInterviewsAndWebhooksButCannotManageUsers() {
        var recruiter = People.signedIn("recruiter");
        String id = given().header("Authorization", recruiter.auth()).contentType(ContentType.JSON)
                .body(candidate("By Recruiter", "backend-engineer", "mid")).when().post("/api/v1/interviews")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", recruiter.auth()).when().post("/api/v1/interviews/" + id + "/cancel")
                .then().statusCode(200);
        String hook = given().header("Authorization", recruiter.auth()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hooks/recruiter", "eventTypes", new String[]{"report.ready"}))
                .when().post("/api/v1/webhooks/endpoints").then().statusCode(201).extract().path("id");
        given().header("Authorization", recruiter.auth()).when().delete("/api/v1/webhooks/endpoints/" + hook)
                .then().statusCode(204);

        given().header("Authorization", recruiter.auth()).when().get("/api/v1/users").then().statusCode(403)
                .body("detail", containsString("only an admin"));
        given().header("Authorization", recruiter.auth()).contentType(ContentType.JSON)
                .body(Map.of("email", "sneaky@example.com", "role", "admin")).when().post("/api/v1/users")
                .then().statusCode(403);
        given().header("Authorization", recruiter.auth()).contentType(ContentType.JSON)
                .body(Map.of("role", "admin")).when().patch("/api/v1/users/" + recruiter.id()).then().statusCode(403);
        given().header("Authorization", recruiter.auth()).when().delete("/api/v1/users/" + recruiter.id())
                .then().statusCode(403);
        given().header("Authorization", RECRUITER).when().get("/api/v1/users/" + recruiter.id())
                .then().statusCode(200).body("role", equalTo("recruiter"));
    }

    @Test
    void anAdminManagesUsersAndARoleChangeAppliesToTheNextRequest() {
        var admin = People.signedIn("admin");
        var person = People.signedIn("recruiter");
        String personKey = People.key(person, "ats");
        given().header("Authorization", admin.auth()).when().get("/api/v1/users").then().statusCode(200);

        given().header("Authorization", admin.auth()).contentType(ContentType.JSON).body(Map.of("role", "viewer"))
                .when().patch("/api/v1/users/" + person.id()).then().statusCode(200).body("role", equalTo("viewer"));
        for (String auth : new String[]{person.auth(), personKey}) {
            given().header("Authorization", auth).contentType(ContentType.JSON)
                    .body(candidate("Demoted", "backend-engineer", "mid")).when().post("/api/v1/interviews")
                    .then().statusCode(403);
        }
        given().header("Authorization", person.auth()).when().get("/api/v1/me")
                .then().statusCode(200).body("role", equalTo("viewer"));

        // an admin cannot lock themselves out
        given().header("Authorization", admin.auth()).contentType(ContentType.JSON).body(Map.of("role", "viewer"))
                .when().patch("/api/v1/users/" + admin.id()).then().statusCode(409);
        given().header("Authorization", admin.auth()).when().delete("/api/v1/users/" + admin.id())
                .then().statusCode(409);
    }

    @Test
    void disablingAUserStopsTheirSessionsAndKeysAtOnce() {
        var person = People.signedIn("recruiter");
        String key = People.key(person, "nightly");
        given().header("Authorization", key).when().get("/api/v1/interviews").then().statusCode(200);

        given().header("Authorization", RECRUITER).contentType(ContentType.JSON).body(Map.of("disabled", true))
                .when().patch("/api/v1/users/" + person.id()).then().statusCode(200).body("disabled", equalTo(true));
        given().header("Authorization", person.auth()).when().get("/api/v1/interviews").then().statusCode(401);
        given().header("Authorization", key).when().get("/api/v1/interviews").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", person.email(), "password", People.PASSWORD))
                .when().post("/api/v1/sessions").then().statusCode(401);

        // enabled again, the key works again; the ended session does not come back
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON).body(Map.of("disabled", false))
                .when().patch("/api/v1/users/" + person.id()).then().statusCode(200);
        given().header("Authorization", key).when().get("/api/v1/interviews").then().statusCode(200);
        given().header("Authorization", person.auth()).when().get("/api/v1/interviews").then().statusCode(401);
    }

    @Test
    void deletingAUserRemovesTheirCredentialsButTheAuditLogKeepsTheirName() {
        var person = People.signedIn("recruiter");
        String id = given().header("Authorization", person.auth()).contentType(ContentType.JSON)
                .body(candidate("Before Deletion", "backend-engineer", "mid")).when().post("/api/v1/interviews")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", RECRUITER).when().delete("/api/v1/users/" + person.id()).then().statusCode(204);
        given().header("Authorization", person.auth()).when().get("/api/v1/interviews").then().statusCode(401);
        given().header("Authorization", RECRUITER).when().get("/api/v1/users/" + person.id()).then().statusCode(404);
        var created = given().header("Authorization", RECRUITER).queryParam("targetId", id).when().get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertThat(created.getString("[0].actor.name")).isEqualTo(person.email());
    }
}
