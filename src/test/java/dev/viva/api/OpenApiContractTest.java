package dev.viva.api;

import dev.viva.webhook.EventType;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document as the running server serves it at {@code /q/openapi}: every operation fully described, valid
 * for an independent parser, and equal to the checked-in copy the generated client is built from.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static String servedText;
    private static JsonNode served;

    /** Fetched once the server runs (a static {@code @BeforeAll} would run before it starts). */
    @BeforeEach
    void fetch() {
        if (served == null) {
            servedText = given().accept("application/json").when().get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString();
            served = JSON.readTree(servedText);
        }
    }

    @Test
    void everyOperationIsFullyDescribed() {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (String gap : List.of("typed success schema", "problem+json error", "security requirement", "summary",
                "operationId", "example")) {
            missing.put(gap, new ArrayList<>());
        }
        Set<String> operationIds = new TreeSet<>();
        int operations = 0;
        for (var path : served.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                if (!hasTypedSuccess(o)) {
                    missing.get("typed success schema").add(name);
                }
                if (!hasProblemError(o)) {
                    missing.get("problem+json error").add(name);
                }
                if (!o.has("security") && !served.has("security")) {
                    missing.get("security requirement").add(name);
                }
                if (o.path("summary").asString("").isBlank()) {
                    missing.get("summary").add(name);
                }
                if (!hasExamples(o)) {
                    missing.get("example").add(name);
                }
                String id = o.path("operationId").asString("");
                if (id.isBlank() || !operationIds.add(id)) {
                    missing.get("operationId").add(name);
                }
            }
        }
        System.out.printf("OpenAPI contract: %d operations; without %s%n", operations,
                missing.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().size()).toList());
        assertThat(operations).isGreaterThan(30);
        missing.forEach((gap, ops) -> assertThat(ops).as("operations without a " + gap).isEmpty());
    }

    /** Every 2xx response documents a JSON body with a schema, except a 204, which has none by definition. */
    private static boolean hasTypedSuccess(JsonNode operation) {
        boolean any = false;
        for (var r : operation.path("responses").properties()) {
            if (!r.getKey().startsWith("2")) {
                continue;
            }
            any = true;
            if (r.getKey().equals("204")) {
                continue;
            }
            JsonNode schema = resolve(r.getValue()).path("content").path("application/json").path("schema");
            if (!schema.has("$ref") && !schema.has("type")) {
                return false;
            }
        }
        return any;
    }

    /**
     * The request body (if any) and the success body (if any) each come with an example: on the media type, or on
     * the schema's own properties (from which Swagger UI and generators build one).
     */
    private static boolean hasExamples(JsonNode operation) {
        JsonNode request = operation.path("requestBody").path("content").path("application/json");
        if (!request.isMissingNode() && !exampled(request)) {
            return false;
        }
        for (var r : operation.path("responses").properties()) {
            JsonNode body = resolve(r.getValue()).path("content").path("application/json");
            if (r.getKey().startsWith("2") && !body.isMissingNode() && !exampled(body)) {
                return false;
            }
        }
        return true;
    }

    private static boolean exampled(JsonNode mediaType) {
        if (mediaType.has("examples") || mediaType.has("example")) {
            return true;
        }
        JsonNode schema = resolve(mediaType.path("schema"));
        if (schema.has("items")) {
            schema = resolve(schema.path("items"));
        }
        if (schema.has("examples") || schema.has("enum")) {
            return true;
        }
        for (JsonNode property : schema.path("properties")) {
            if (property.has("examples")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasProblemError(JsonNode operation) {
        for (var r : operation.path("responses").properties()) {
            if (r.getKey().matches("[45]\\d\\d") && resolve(r.getValue()).path("content")
                    .path("application/problem+json").path("schema").path("$ref").asString("")
                    .equals("#/components/schemas/Problem")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? served.at(node.get("$ref").asString().substring(1)) : node;
    }

    @Test
    void anIndependentParserFindsNothingWrong() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(servedText, null, options);
        assertThat(result.getMessages()).as("swagger-parser's findings").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(result.getOpenAPI().getPaths()).hasSameSizeAs(served.path("paths").propertyNames());
    }

    /**
     * The generated client and the response validation use the checked-in copy; it must be what the server serves.
     * On a change of the API, the served document is written next to it so it can be reviewed and copied over.
     */
    @Test
    void theCheckedInDocumentIsTheServedOne() throws Exception {
        JsonNode checkedIn = JSON.readTree(Files.readString(ContractValidator.DOCUMENT));
        if (!checkedIn.equals(served)) {
            Path fresh = Path.of("target/openapi-served.json");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served));
        }
        assertThat(checkedIn.equals(served)).as("the API changed: review target/openapi-served.json, then "
                + "cp target/openapi-served.json " + ContractValidator.DOCUMENT).isTrue();
    }

    @Test
    void everyWebhookEventTypeIsDescribedWithTheStandardWebhooksHeaders() {
        for (EventType type : EventType.values()) {
            JsonNode post = served.path("webhooks").path(type.id()).path("post");
            assertThat(post.isMissingNode()).as("webhooks." + type.id()).isFalse();
            List<String> headers = new ArrayList<>();
            post.path("parameters").forEach(p -> headers.add(resolve(p).path("name").asString()));
            assertThat(headers).as(type.id() + " headers").containsExactlyInAnyOrder("webhook-id", "webhook-timestamp",
                    "webhook-signature");
            assertThat(post.path("requestBody").path("content").path("application/json").path("schema").has("$ref"))
                    .isTrue();
        }
        assertThat(served.path("webhooks").propertyNames())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::id).toList());
    }
}
