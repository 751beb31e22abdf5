package dev.viva.account;

import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;

/** Test people: created by the installation key (an admin), with a password set through their link, signed in. */
final class People {

    static final String PASSWORD = "correct horse battery staple";

    /** A signed-in person: their id, e-mail and the {@code Authorization} value of their session. */
    record Person(String id, String email, String auth) {
    }

    private People() {
    }

    /** A user with a unique e-mail, not yet with a password; answers the id and the link's token. */
    static String[] invite(String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var created = given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body(Map.of("email", email, "role", role)).when().post("/api/v1/users")
                .then().statusCode(201).extract().jsonPath();
        String url = created.getString("passwordLink.url");
        return new String[]{created.getString("user.id"), email, url.substring(url.indexOf("/set-password/") + 14)};
    }

    static Person signedIn(String role) {
        String[] invited = invite(role);
        given().contentType(ContentType.JSON).body(Map.of("token", invited[2], "password", PASSWORD))
                .when().post("/api/v1/password-links/use").then().statusCode(204);
        return new Person(invited[0], invited[1], "Bearer " + signIn(invited[1], PASSWORD));
    }

    static String signIn(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/v1/sessions").then().statusCode(201).extract().path("token");
    }

    /** A personal API key of the person, as an {@code Authorization} value. */
    static String key(Person person, String name) {
        return "Bearer " + given().header("Authorization", person.auth()).contentType(ContentType.JSON)
                .body(Map.of("name", name)).when().post("/api/v1/me/keys").then().statusCode(201)
                .extract().path("key");
    }
}
