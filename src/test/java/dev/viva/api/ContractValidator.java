package dev.viva.api;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a real HTTP response against the OpenAPI document: the operation must document the status (an undocumented
 * success is a violation; an undocumented error must still be a problem+json {@code Problem}), and a JSON body must
 * validate against the documented schema (JSON Schema 2020-12 with the OpenAPI 3.1 vocabulary, by networknt's
 * validator, over the document's own components).
 * <p>
 * The document is the checked-in {@code src/main/openapi/openapi.json}, which {@link OpenApiContractTest} keeps equal
 * to what the server serves. As that document says, a property not listed as {@code required} may be {@code null}:
 * the server writes {@code null} for values it does not have yet. So null-valued properties are removed before
 * validation; a required property that is null still fails.
 */
public final class ContractValidator {

    static final Path DOCUMENT = Path.of("src/main/openapi/openapi.json");

    private static final List<String> DOCUMENT_FIELDS = List.of("openapi", "info", "servers", "tags", "paths",
            "webhooks", "components", "security", "externalDocs", "jsonSchemaDialect");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile ContractValidator instance;

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    /** The OpenAPI 3.1 dialect, told that the document's top-level fields around the schemas are not keywords. */
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialect.builder(Dialects.getOpenApi31())
            .keywords(DOCUMENT_FIELDS.stream().map(NonValidationKeyword::new).toList()).build());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Route(String template, Pattern pattern, int variables) {
    }

    ContractValidator(JsonNode document) {
        this.document = document;
        document.path("paths").propertyNames().forEach(template -> {
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            routes.add(new Route(template, Pattern.compile(regex), template.split("\\{", -1).length - 1));
        });
        // a literal segment wins over a variable one (/endpoints before /{id})
        routes.sort(Comparator.comparingInt(Route::variables));
    }

    /** The validator over the checked-in document. */
    public static ContractValidator get() {
        if (instance == null) {
            synchronized (ContractValidator.class) {
                if (instance == null) {
                    try {
                        instance = new ContractValidator(JSON.readTree(Files.readString(DOCUMENT)));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("cannot read " + DOCUMENT.toAbsolutePath(), e);
                    }
                }
            }
        }
        return instance;
    }

    /** The path template the document lists for a request path, if it describes that path at all. */
    public Optional<String> template(String path) {
        return routes.stream().filter(r -> r.pattern().matcher(path).matches()).map(Route::template).findFirst();
    }

    /**
     * What is wrong with a response to {@code method path}, as sentences; empty if it matches the document, or if the
     * document does not describe the path (pages, health, metrics).
     */
    public List<String> check(String method, String path, int status, String contentType, String body) {
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            return List.of();
        }
        String where = method.toUpperCase(Locale.ROOT) + " " + template.get() + " -> " + status;
        JsonNode operation = document.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return status == 405 ? List.of() : List.of(where + ": the document has no such operation");
        }
        JsonNode response = resolve(operation.path("responses").path(String.valueOf(status)));
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String pointer;
        if (response.isMissingNode()) {
            if (status < 400) {
                return List.of(where + ": status not documented for this operation");
            }
            // transport-level errors (405, 406, 413, 414, 415) can come from any operation: still a Problem
            if (!mediaType.equals("application/problem+json")) {
                return List.of(where + ": an error as '" + mediaType + "', not application/problem+json");
            }
            pointer = "/components/schemas/Problem";
        } else if (!response.has("content")) {
            return body == null || body.isEmpty() ? List.of() : List.of(where + ": a body where none is documented");
        } else {
            JsonNode content = response.path("content").path(mediaType);
            if (content.isMissingNode()) {
                return List.of(where + ": content type '" + mediaType + "' not documented (documented: "
                        + response.path("content").propertyNames() + ")");
            }
            if (!mediaType.endsWith("json")) {
                return List.of();
            }
            pointer = responsePointer(template.get(), method, operation, status) + "/content/" + escape(mediaType)
                    + "/schema";
        }
        JsonNode instance = withoutNulls(JSON.readTree(body == null || body.isEmpty() ? "null" : body));
        List<Error> errors = schema(pointer).validate(instance);
        return errors.stream().map(e -> where + ": " + e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    /** Violations of a webhook request body against the document's {@code webhooks} entry for the event type. */
    public List<String> checkWebhook(String eventType, String body) {
        JsonNode hook = document.path("webhooks").path(eventType);
        if (hook.isMissingNode()) {
            return List.of("webhook " + eventType + ": not in the document");
        }
        String pointer = "/webhooks/" + escape(eventType) + "/post/requestBody/content/application~1json/schema";
        return schema(pointer).validate(withoutNulls(JSON.readTree(body))).stream()
                .map(e -> "webhook " + eventType + ": " + e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            // the whole document is the schema resource, so #/components/... references resolve inside it
            ObjectNode root = ((ObjectNode) document).deepCopy();
            root.put("$ref", "#" + p);
            return registry.getSchema(SchemaLocation.of("urn:viva:openapi"), root);
        });
    }

    /** Where the response of an operation is in the document: a {@code $ref}'d one is in the components. */
    private static String responsePointer(String template, String method, JsonNode operation, int status) {
        JsonNode r = operation.path("responses").path(String.valueOf(status));
        return r.has("$ref") ? r.get("$ref").asString().substring(1)
                : "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
    }

    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asString();
            return document.at(ref.substring(1));
        }
        return node;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    withoutNulls(e.getValue());
                }
            });
            object.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(ContractValidator::withoutNulls);
        }
        return node;
    }
}
