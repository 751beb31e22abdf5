package dev.viva.role.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.viva.interviewer.service.TestInterviewerClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.viva.TestApi.RECRUITER;
import static dev.viva.testing.Roles.lineOf;
import static dev.viva.testing.Roles.tinyYaml;
import static dev.viva.TestApi.candidate;
import static dev.viva.TestApi.createInterview;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Role templates authored over REST, against real PostgreSQL and HTTP: drafts, validation with lines, publishing,
 * retiring, read-only installed templates and their copies, every write in the audit log; and the point of it all:
 * a version published while an interview runs changes neither that interview nor its report.
 */
@QuarkusTest
class RoleTemplateAuthoringTest {

    static final String YAML = "application/yaml";

    @Inject
    EntityManager em;

    static ValidatableResponse post(String path, String contentType, String body) {
        return given().header("Authorization", RECRUITER).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post(path).then();
    }

    static ValidatableResponse publish(String id, int version) {
        return given().header("Authorization", RECRUITER).when()
                .post("/api/v1/role-templates/{id}/versions/{v}/publish", id, version).then();
    }

    static JsonPath audit(String id) {
        return given().header("Authorization", RECRUITER).queryParam("targetType", "role-template")
                .queryParam("targetId", id).when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aVersionPublishedWhileAnInterviewRunsChangesNeitherItNorItsReport() throws Exception {
        String v1 = tinyYaml("pinned-role");
        post("/api/v1/role-templates", YAML, v1).statusCode(201)
                .header("Location", endsWith("/api/v1/role-templates/pinned-role/versions/1"))
                .body("version.state", equalTo("draft")).body("publishable", equalTo(true));
        // a draft takes no interviews until it is published
        createInterview(candidate("Early Bird", "pinned-role", "mid")).statusCode(400)
                .body("detail", containsString("never published"));
        publish("pinned-role", 1).statusCode(200).body("status", equalTo("active")).body("currentVersion", equalTo(1));

        JsonPath created = createInterview(candidate("Barbara Liskov", "pinned-role", "mid")).statusCode(201)
                .body("roleVersion", equalTo(1)).extract().jsonPath();
        UUID id = UUID.fromString(created.getString("id"));
        String token = "Bearer " + created.getString("candidateToken");
        given().header("Authorization", token).when().post("/api/v1/interviews/{id}/start", id).then().statusCode(200);
        answer(id, token);

        // Tuesday afternoon: the recruiter rewrites every question and renames a dimension, in the form editor
        String v2 = v1.replace("text: \"", "text: \"Revised: ").replace("Technical Knowledge", "Engineering Depth");
        String json = new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(v2));
        post("/api/v1/role-templates/pinned-role/versions", ContentType.JSON.toString(), json).statusCode(201)
                .body("version.version", equalTo(2)).body("version.source", equalTo("form"));
        publish("pinned-role", 2).statusCode(200).body("currentVersion", equalTo(2));
        int publishedAfter = turns(id).size();

        for (int i = 0; i < 4; i++) {
            answer(id, token);
        }
        given().header("Authorization", token).when().post("/api/v1/interviews/{id}/end", id).then().statusCode(200);

        List<Object[]> turns = turns(id);
        assertThat(turns.subList(publishedAfter, turns.size()))
                .as("bank questions asked after the new version was published").anySatisfy(t ->
                        assertThat(t[1]).isEqualTo("BANK"));
        assertThat(turns).allSatisfy(t -> assertThat((String) t[0]).doesNotContain("Revised"));
        JsonPath report = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().header("Authorization", RECRUITER)
                        .when().get("/api/v1/interviews/{id}/report", id).then().extract(),
                        r -> r.statusCode() == 200).jsonPath();
        assertThat(report.getInt("candidate.roleVersion")).isEqualTo(1);
        assertThat(report.getList("dimensions.name", String.class)).contains("Technical Knowledge")
                .doesNotContain("Engineering Depth");
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/{id}/report?format=md", id)
                .then().statusCode(200).body(containsString("role template version 1"));
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/{id}", id)
                .then().statusCode(200).body("roleVersion", equalTo(1));

        // a new interview gets the new version
        JsonPath next = createInterview(candidate("Edsger Dijkstra", "pinned-role", "mid")).statusCode(201)
                .body("roleVersion", equalTo(2)).extract().jsonPath();
        UUID nextId = UUID.fromString(next.getString("id"));
        String nextToken = "Bearer " + next.getString("candidateToken");
        given().header("Authorization", nextToken).when().post("/api/v1/interviews/{id}/start", nextId).then()
                .statusCode(200);
        answer(nextId, nextToken);
        assertThat(turns(nextId)).anySatisfy(t -> assertThat((String) t[0]).contains("Revised"));

        JsonPath entries = audit("pinned-role");
        assertThat(entries.getList("action", String.class)).containsExactly("role-template.published",
                "role-template.version.created", "role-template.published", "role-template.created");
        assertThat(entries.getList("actor.kind", String.class)).containsOnly("key");
        assertThat(entries.getInt("[0].details.version")).isEqualTo(2);
        assertThat(entries.getInt("[0].details.previousVersion")).isEqualTo(1);
    }

    private static void answer(UUID id, String token) {
        TestInterviewerClock.CLOCK.advance(Duration.ofSeconds(90));
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("text", "I would measure first, then change one thing at a time and compare the results."))
                .when().post("/api/v1/interviews/{id}/answers", id).then().statusCode(200);
    }

    private List<Object[]> turns(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select question_text, question_source from turn where interview_id = ?1 order by seq",
                        Object[].class).setParameter(1, id).getResultList());
    }

    @Test
    void validationNamesEveryIssueWithItsPathAndLine() throws Exception {
        String yaml = tinyYaml("checked-role").replace("hint: \"Think about memory.\"",
                "hint: \"The rubric wants memory.\"");
        JsonPath v = post("/api/v1/role-templates/validate", YAML, yaml).statusCode(200)
                .body("publishable", equalTo(false)).extract().jsonPath();
        assertThat(v.getString("issues[0].severity")).isEqualTo("error");
        assertThat(v.getString("issues[0].origin")).isEqualTo("linter");
        assertThat(v.getString("issues[0].path")).isEqualTo("questions[1].hint");
        assertThat(v.getInt("issues[0].line")).isEqualTo(lineOf(yaml, "The rubric wants memory"));
        assertThat(v.getList("issues.severity", String.class)).contains("warning");

        // the parser's error for a template that cannot be used; a draft of it is refused with the same words
        String broken = tinyYaml("checked-role").replace("weight: 60", "weight: 50");
        post("/api/v1/role-templates/validate", YAML, broken).statusCode(200)
                .body("issues[0].origin", equalTo("parser")).body("issues[0].path", equalTo("dimensions"))
                .body("issues[0].message", equalTo("weights must sum to 100, they sum to 90"));
        post("/api/v1/role-templates", YAML, broken).statusCode(400)
                .body("detail", containsString("weights must sum to 100"));
        post("/api/v1/role-templates", ContentType.JSON.toString(), "[1, 2]").statusCode(400)
                .body("detail", containsString("JSON object"));

        // a draft with errors is saved (to be fixed) but cannot be published
        post("/api/v1/role-templates", YAML, yaml).statusCode(201).body("publishable", equalTo(false));
        publish("checked-role", 1).statusCode(409).body("detail", containsString("questions[1].hint"))
                .body("detail", containsString("line " + lineOf(yaml, "The rubric wants memory")));
        post("/api/v1/role-templates", YAML, yaml).statusCode(409).body("detail", containsString("exists"));
        // an edit must keep the template's id
        post("/api/v1/role-templates/checked-role/versions", YAML, tinyYaml("other-id")).statusCode(400)
                .body("detail", containsString("does not match"));
        given().header("Authorization", RECRUITER).accept(YAML).when()
                .get("/api/v1/role-templates/checked-role/versions/1")
                .then().statusCode(200).contentType(containsString(YAML)).body(equalTo(yaml));
        given().header("Authorization", RECRUITER).when().get("/api/v1/role-templates/checked-role/versions/9")
                .then().statusCode(404);
    }

    @Test
    void installedTemplatesAreReadOnlyAndCanBeCopiedIntoAnEditableOne() throws Exception {
        JsonPath list = given().header("Authorization", RECRUITER).when().get("/api/v1/role-templates").then()
                .statusCode(200).extract().jsonPath();
        assertThat(list.getList("findAll { it.id == 'backend-engineer' }.origin", String.class))
                .containsExactly("builtin");
        assertThat(list.getList("findAll { it.id == 'tiny-role' }.origin", String.class)).containsExactly("directory");
        post("/api/v1/role-templates/backend-engineer/versions", YAML, tinyYaml("backend-engineer")).statusCode(409)
                .body("detail", containsString("read-only"));

        post("/api/v1/role-templates/backend-engineer/copy", ContentType.JSON.toString(),
                "{\"id\": \"backend-engineer-lite\", \"name\": \"Backend engineer (lite)\"}").statusCode(201)
                .body("id", equalTo("backend-engineer-lite")).body("version.source", equalTo("copy"))
                .body("publishable", equalTo(true));
        String copied = given().header("Authorization", RECRUITER).when()
                .accept(YAML).get("/api/v1/role-templates/backend-engineer-lite/versions/1").then().statusCode(200)
                .extract().asString();
        assertThat(copied).contains("id: backend-engineer-lite").contains("name: \"Backend engineer (lite)\"");
        post("/api/v1/role-templates/backend-engineer/copy", ContentType.JSON.toString(),
                "{\"id\": \"Not An Id\", \"name\": \"x\"}").statusCode(400);
        JsonPath entries = audit("backend-engineer-lite");
        assertThat(entries.getString("[0].action")).isEqualTo("role-template.created");
        assertThat(entries.getString("[0].details.copiedFrom")).isEqualTo("backend-engineer");
        assertThat(entries.getString("[0].actor.name")).isNotBlank();
    }

    @Test
    void aRetiredTemplateTakesNoNewInterviewsWhileRunningOnesFinish() throws Exception {
        post("/api/v1/role-templates", YAML, tinyYaml("retiring-role")).statusCode(201);
        publish("retiring-role", 1).statusCode(200);
        JsonPath running = createInterview(candidate("Grace Hopper", "retiring-role", "junior")).statusCode(201)
                .extract().jsonPath();
        post("/api/v1/role-templates/retiring-role/retire", ContentType.JSON.toString(), "{\"reason\": \"filled\"}")
                .statusCode(200).body("status", equalTo("retired"));
        createInterview(candidate("Too Late", "retiring-role", "junior")).statusCode(400)
                .body("detail", containsString("retired"));
        given().when().get("/api/v1/roles").then().statusCode(200).body("id", not(hasItem("retiring-role")));
        // the interview created before still runs on its version
        given().header("Authorization", "Bearer " + running.getString("candidateToken")).when()
                .post("/api/v1/interviews/{id}/start", running.getString("id")).then().statusCode(200)
                .body("text", containsString("Ada"));
        post("/api/v1/role-templates/retiring-role/retire", ContentType.JSON.toString(), "{}").statusCode(409);
        given().header("Authorization", RECRUITER).when().post("/api/v1/role-templates/retiring-role/restore")
                .then().statusCode(200).body("status", equalTo("active"));
        createInterview(candidate("Back Again", "retiring-role", "junior")).statusCode(201);
        JsonPath entries = audit("retiring-role");
        assertThat(entries.getList("action", String.class)).startsWith("role-template.restored",
                "role-template.retired");
        assertThat(entries.getString("[1].reason")).isEqualTo("filled");
    }

    /** Another replica published a version: this one reads which version is current from the database. */
    @Test
    void aVersionPublishedElsewhereIsUsedAtOnce() throws Exception {
        post("/api/v1/role-templates", YAML, tinyYaml("shared-role")).statusCode(201);
        publish("shared-role", 1).statusCode(200);
        given().when().get("/api/v1/roles/shared-role").then().statusCode(200).body("version", equalTo(1));
        String v2 = tinyYaml("shared-role").replace("name: Tiny Role", "name: Shared Role Two");
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            insert into role_template_version (role_id, version, name, yaml, sha256, source, created_at,
                                                               created_by, published_at)
                            values ('shared-role', 2, 'Shared Role Two', ?1, 'x', 'upload', now(), 'replica b', now())""")
                    .setParameter(1, v2).executeUpdate();
            em.createNativeQuery("update role_template set current_version = 2 where id = 'shared-role'")
                    .executeUpdate();
        });
        given().when().get("/api/v1/roles/shared-role").then().statusCode(200).body("version", equalTo(2))
                .body("name", equalTo("Shared Role Two"));
        createInterview(candidate("Alan Kay", "shared-role", "senior")).statusCode(201).body("roleVersion", equalTo(2));
    }

    @Test
    void withoutAModelDraftingSaysHowToConfigureOne() {
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body(Map.of("jobDescription", "Data engineer, Kafka and Airflow")).when()
                .post("/api/v1/role-templates/drafts").then().statusCode(503)
                .body("detail", containsString("viva.roles.drafting.base-url"));
    }
}
