package dev.viva.account;

import dev.viva.TestSocket;
import dev.viva.account.service.SignIn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.viva.TestApi.RECRUITER;
import static dev.viva.TestApi.candidate;
import static dev.viva.TestApi.createInterview;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Accounts over real HTTP and PostgreSQL: set-password links, password rules, sign-in with its lockout and address
 * limit, sessions, personal keys and their revocation, and the audit log naming the person behind every write.
 */
@QuarkusTest
class AccountsTest {

    @Inject
    EntityManager em;

    @Inject
    AccountsConfig config;

    @Inject
    SignIn signInService;

    @TestHTTPResource("/")
    URL base;

    private static io.restassured.response.ValidatableResponse signIn(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/v1/sessions").then();
    }

    @Test
    void theInstallationKeyIsAnAdminThatCreatesTheFirstUserWithAOneTimeLink() {
        given().header("Authorization", RECRUITER).when().get("/api/v1/me").then().statusCode(200)
                .body("role", equalTo("admin")).body("kind", equalTo("key")).body("userId", nullValue());
        String[] invited = People.invite("admin");
        given().header("Authorization", RECRUITER).when().get("/api/v1/users/" + invited[0]).then().statusCode(200)
                .body("passwordSet", equalTo(false)).body("email", equalTo(invited[1]));
        // no password yet: nothing signs in
        signIn(invited[1], People.PASSWORD).statusCode(401);

        given().contentType(ContentType.JSON).body(Map.of("token", invited[2], "password", People.PASSWORD))
                .when().post("/api/v1/password-links/use").then().statusCode(204);
        // the link is used up
        given().contentType(ContentType.JSON).body(Map.of("token", invited[2], "password", "another long password"))
                .when().post("/api/v1/password-links/use").then().statusCode(400)
                .body("detail", containsString("expired or was already used"));

        String token = signIn(invited[1].toUpperCase(), People.PASSWORD).statusCode(201)
                .body("me.role", equalTo("admin")).body("me.email", equalTo(invited[1]))
                .body("expiresAt", notNullValue()).extract().path("token");
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/me").then().statusCode(200)
                .body("kind", equalTo("user")).body("name", equalTo(invited[1])).body("session", equalTo(true));
    }

    @Test
    void passwordsFollowTheRulesAndABadOneLeavesTheLinkUsable() {
        String[] invited = People.invite("recruiter");
        for (String bad : new String[]{"short", invited[1], "            "}) {
            given().contentType(ContentType.JSON).body(Map.of("token", invited[2], "password", bad))
                    .when().post("/api/v1/password-links/use").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("password"));
        }
        given().contentType(ContentType.JSON).body(Map.of("token", invited[2], "password", "x".repeat(257)))
                .when().post("/api/v1/password-links/use").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("token", invited[2], "password", People.PASSWORD))
                .when().post("/api/v1/password-links/use").then().statusCode(204);
        // stored as Argon2id, never as the password
        String hash = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select password_hash from app_user where email = ?1").setParameter(1, invited[1]).getSingleResult());
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(People.PASSWORD);
    }

    @Test
    void changingMyPasswordNeedsTheCurrentOneAndEndsMyOtherSessions() {
        var me = People.signedIn("viewer");
        String other = "Bearer " + People.signIn(me.email(), People.PASSWORD);
        given().header("Authorization", me.auth()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "wrong password here", "newPassword", "a brand new passphrase"))
                .when().put("/api/v1/me/password").then().statusCode(400)
                .body("errors[0].field", equalTo("currentPassword"));
        given().header("Authorization", me.auth()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", People.PASSWORD, "newPassword", "short"))
                .when().put("/api/v1/me/password").then().statusCode(400);
        // a viewer may change their own password
        given().header("Authorization", me.auth()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", People.PASSWORD, "newPassword", "a brand new passphrase"))
                .when().put("/api/v1/me/password").then().statusCode(204);

        given().header("Authorization", me.auth()).when().get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", other).when().get("/api/v1/me").then().statusCode(401);
        signIn(me.email(), People.PASSWORD).statusCode(401);
        signIn(me.email(), "a brand new passphrase").statusCode(201);
        // an installation key has no password to change
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "x", "newPassword", "a brand new passphrase"))
                .when().put("/api/v1/me/password").then().statusCode(403);
    }

    @Test
    void repeatedFailuresLockTheAccountWithTheSameAnswerUntilAnAdminUnlocksIt() {
        var person = People.signedIn("recruiter");
        String unknown = signIn("nobody-" + person.id() + "@example.com", "whatever it is")
                .statusCode(401).extract().path("detail");
        for (int i = 0; i < 5; i++) {
            String detail = signIn(person.email(), "not the password " + i).statusCode(401).extract().path("detail");
            assertThat(detail).isEqualTo(unknown);
        }
        // locked: even the right password is refused, in the same words
        assertThat(signIn(person.email(), People.PASSWORD).statusCode(401).extract().<String>path("detail"))
                .isEqualTo(unknown);
        given().header("Authorization", RECRUITER).when().get("/api/v1/users/" + person.id()).then().statusCode(200)
                .body("locked", equalTo(true)).body("lockedUntil", notNullValue()).body("failedSignIns", equalTo(5));
        given().header("Authorization", RECRUITER).queryParam("targetId", person.id())
                .queryParam("action", "user.locked").when().get("/api/v1/audit").then().statusCode(200)
                .body("[0].actor.kind", equalTo("system")).body("[0].details.email", equalTo(person.email()));
        // an existing session is not a sign-in: it keeps working
        given().header("Authorization", person.auth()).when().get("/api/v1/me").then().statusCode(200);

        var admin = People.signedIn("admin");
        given().header("Authorization", admin.auth()).when().post("/api/v1/users/" + person.id() + "/unlock")
                .then().statusCode(200).body("locked", equalTo(false)).body("failedSignIns", equalTo(0));
        signIn(person.email(), People.PASSWORD).statusCode(201);
        given().header("Authorization", RECRUITER).queryParam("targetId", person.id())
                .queryParam("action", "user.unlocked").when().get("/api/v1/audit").then().statusCode(200)
                .body("[0].actor.name", equalTo(admin.email()));
    }

    @Test
    void tooManyFailuresFromOneAddressAreRefusedWithRetryAfter() {
        clearAddressFailures();
        try {
            for (int i = 0; i < config.addressFailureLimit(); i++) {
                signIn("guess-" + i + "@example.com", "guessing away " + i).statusCode(401);
            }
            signIn("guess-21@example.com", "guessing away").statusCode(429)
                    .header("Retry-After", notNullValue()).body("detail", containsString("Try again in"));
        } finally {
            clearAddressFailures();
        }
    }

    private void clearAddressFailures() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from sign_in_failure").executeUpdate());
    }

    @Test
    void signingOutEndsTheSessionAndAnExpiredSessionIsRefused() {
        var person = People.signedIn("recruiter");
        given().header("Authorization", person.auth()).when().delete("/api/v1/sessions/current").then().statusCode(204);
        given().header("Authorization", person.auth()).when().get("/api/v1/me").then().statusCode(401);

        String token = People.signIn(person.email(), People.PASSWORD);
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/me").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update user_session set expires_at = now() - interval '1 second' where user_id = ?1")
                .setParameter(1, UUID.fromString(person.id())).executeUpdate());
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/me").then().statusCode(401);

        // the hourly clean-up removes what expired
        signInService.purgeExpired();
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from user_session where user_id = ?1")
                .setParameter(1, UUID.fromString(person.id())).getSingleResult()).longValue());
        assertThat(left).isZero();
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndSoIsALiveTicketItObtained() {
        var person = People.signedIn("recruiter");
        String key = People.key(person, "ci-sync");
        String interview = createInterview(candidate("Key Revocation", "backend-engineer", "mid")).statusCode(201)
                .extract().path("id");
        given().header("Authorization", key).when().get("/api/v1/interviews").then().statusCode(200);
        String ticket = given().header("Authorization", key).post("/api/v1/interviews/" + interview + "/live-ticket")
                .then().statusCode(200).extract().path("ticket");

        var keys = given().header("Authorization", person.auth()).when().get("/api/v1/me/keys").then()
                .statusCode(200).body("[0].name", equalTo("ci-sync")).body("[0].lastUsedAt", notNullValue())
                .extract().jsonPath();
        assertThat(keys.getMap("[0]")).doesNotContainKeys("key", "keyHash");
        String keyId = keys.getString("[0].id");
        given().header("Authorization", person.auth()).when().delete("/api/v1/me/keys/" + keyId).then().statusCode(204);

        given().header("Authorization", key).when().get("/api/v1/interviews").then().statusCode(401);
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + interview + "/live", key)).isEqualTo(401);
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + interview + "/live?ticket=" + ticket, null))
                .isEqualTo(401);
        given().header("Authorization", person.auth()).when().get("/api/v1/me/keys").then().statusCode(200)
                .body("[0].revokedAt", notNullValue());
        // the stored hash is not the key
        List<?> stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select key_hash from personal_api_key where name = 'ci-sync' and key_hash = ?1")
                .setParameter(1, key.substring(7)).getResultList());
        assertThat(stored).isEmpty();
    }

    @Test
    void keysAreManagedFromASignedInSessionOnly() {
        var person = People.signedIn("recruiter");
        String key = People.key(person, "first");
        given().header("Authorization", key).contentType(ContentType.JSON).body(Map.of("name", "minted"))
                .when().post("/api/v1/me/keys").then().statusCode(403);
        given().header("Authorization", person.auth()).contentType(ContentType.JSON).body(Map.of("name", " "))
                .when().post("/api/v1/me/keys").then().statusCode(400);
        var other = People.signedIn("recruiter");
        String otherKeyId = given().header("Authorization", other.auth()).contentType(ContentType.JSON)
                .body(Map.of("name", "theirs")).when().post("/api/v1/me/keys").then().statusCode(201)
                .extract().path("id");
        // nobody revokes someone else's key through /me
        given().header("Authorization", person.auth()).when().delete("/api/v1/me/keys/" + otherKeyId)
                .then().statusCode(404);
    }

    @Test
    void everyAccountWriteNamesThePersonWhoMadeIt() {
        var admin = People.signedIn("admin");
        var created = given().header("Authorization", admin.auth()).contentType(ContentType.JSON)
                .body(Map.of("email", "audited-" + admin.id() + "@example.com", "role", "viewer"))
                .when().post("/api/v1/users").then().statusCode(201).extract().jsonPath();
        String userId = created.getString("user.id");
        given().header("Authorization", admin.auth()).contentType(ContentType.JSON).body(Map.of("role", "recruiter"))
                .when().patch("/api/v1/users/" + userId).then().statusCode(200);
        given().header("Authorization", admin.auth()).contentType(ContentType.JSON).body(Map.of("disabled", true))
                .when().patch("/api/v1/users/" + userId).then().statusCode(200);
        given().header("Authorization", admin.auth()).when().post("/api/v1/users/" + userId + "/password-link")
                .then().statusCode(201).body("url", containsString("/console/#/set-password/vp_"));
        given().header("Authorization", admin.auth()).when().delete("/api/v1/users/" + userId).then().statusCode(204);

        var entries = given().header("Authorization", RECRUITER).queryParam("targetId", userId)
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(entries.getList("action")).containsExactly("user.deleted", "user.password-link.created",
                "user.disabled", "user.role.changed", "user.created");
        assertThat(entries.getList("actor.kind")).containsOnly("user");
        assertThat(entries.getList("actor.name")).containsOnly(admin.email());
        assertThat(entries.getString("[3].details.to")).isEqualTo("recruiter");

        // a person's key is named with its owner; the person's own password change is theirs
        String key = People.key(admin, "ci-sync");
        String interview = given().header("Authorization", key).contentType(ContentType.JSON)
                .body(candidate("Keyed Candidate", "backend-engineer", "mid")).when().post("/api/v1/interviews")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", RECRUITER).queryParam("targetId", interview).when().get("/api/v1/audit")
                .then().statusCode(200).body("[0].actor.kind", equalTo("key"))
                .body("[0].actor.name", equalTo("ci-sync (" + admin.email() + ")"));
        given().header("Authorization", RECRUITER).queryParam("actor", admin.id())
                .queryParam("action", "key.created").when().get("/api/v1/audit").then().statusCode(200)
                .body("[0].details.name", equalTo("ci-sync"));
        given().header("Authorization", admin.auth()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", People.PASSWORD, "newPassword", "an even longer passphrase"))
                .when().put("/api/v1/me/password").then().statusCode(204);
        given().header("Authorization", RECRUITER).queryParam("targetId", admin.id()).when().get("/api/v1/audit")
                .then().statusCode(200).body("action", hasItem("user.password.changed"))
                .body("action", hasItem("user.password.set")).body("actor.name", not(hasItem(nullValue())));
    }

    @Test
    void badInputGetsAClearProblem() {
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "role", "viewer")).when().post("/api/v1/users")
                .then().statusCode(400).body("errors[0].field", containsString("email"));
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body(Map.of("email", "owner@example.com", "role", "owner")).when().post("/api/v1/users")
                .then().statusCode(400).body("detail", containsString("admin, recruiter or viewer"));
        String[] invited = People.invite("viewer");
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body(Map.of("email", invited[1].toUpperCase(), "role", "viewer")).when().post("/api/v1/users")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("email", "x@example.com"))
                .when().post("/api/v1/sessions").then().statusCode(400);
    }
}
