package dev.viva.platform.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** With no key configured, the first start creates one, stores only its hash, and stored keys authenticate. */
@QuarkusTest
@TestProfile(FirstStartKeyTest.NoConfiguredKeys.class)
class FirstStartKeyTest {

    public static class NoConfiguredKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("viva.security.api-keys", "");
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ApiKeys apiKeys;

    @Test
    void firstStartCreatesOneHashedKeyAndStoredKeysWork() {
        var rows = em.createQuery("select k from ApiKey k", ApiKey.class).getResultList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).label).isEqualTo("first-start");
        assertThat(rows.get(0).keyHash).matches("[0-9a-f]{64}");

        given().header("Authorization", "Bearer test-recruiter-key").when().get("/api/v1/interviews")
                .then().statusCode(401);
        String key = apiKeys.create("integration");
        assertThat(key).startsWith("vk_");
        assertThat(em.createQuery("select count(k) from ApiKey k where k.keyHash = :h", Long.class)
                .setParameter("h", Tokens.hash(key)).getSingleResult()).isEqualTo(1L);
        given().header("Authorization", "Bearer " + key).when().get("/api/v1/interviews").then().statusCode(200);

        // a stored key appears in the audit log under its label
        String id = given().header("Authorization", "Bearer " + key).contentType("application/json")
                .body(Map.of("candidateName", "Stored Key", "candidateEmail", "stored@example.com",
                        "role", "backend-engineer", "level", "mid"))
                .when().post("/api/v1/interviews").then().statusCode(201).extract().path("id");
        given().header("Authorization", "Bearer " + key).queryParam("targetId", id).when().get("/api/v1/audit")
                .then().statusCode(200).body("[0].actor.name", equalTo("integration"))
                .body("[0].actor.kind", equalTo("key"));
    }
}
