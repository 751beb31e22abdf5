package dev.viva.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.viva.live.LiveEvent;
import dev.viva.voice.session.ClientMessage;
import dev.viva.voice.session.ServerMessage;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document the server serves at {@code /asyncapi.yaml} describes the two sockets completely: every
 * message type the code sends (the sealed {@link ServerMessage} and {@link LiveEvent} hierarchies, by their JSON type
 * names) and handles ({@link ClientMessage.Type}), and the close codes docs/voice.md lists.
 */
@QuarkusTest
class AsyncApiDocumentTest {

    private static JsonNode doc;

    @BeforeEach
    void fetch() throws Exception {
        if (doc == null) {
            String yaml = given().when().get("/asyncapi.yaml").then().statusCode(200).extract().asString();
            doc = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        }
    }

    @Test
    void itIsAnAsyncApi3DocumentWhoseReferencesResolve() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
        assertThat(doc.path("channels").size()).isEqualTo(2);
        List<String> unresolved = new ArrayList<>();
        doc.path("channels").properties().forEach(channel -> {
            assertThat(channel.getValue().path("address").asText()).startsWith("/ws/interviews/{interviewId}");
            channel.getValue().path("messages").forEach(m -> {
                JsonNode message = resolve(m);
                if (message.isMissingNode() || !message.has("payload") || !message.has("name")) {
                    unresolved.add(channel.getKey() + ": " + m);
                }
            });
        });
        doc.path("operations").properties().forEach(op -> {
            assertThat(op.getValue().path("action").asText()).isIn("send", "receive");
            if (resolve(op.getValue().path("channel")).isMissingNode()) {
                unresolved.add(op.getKey() + ": " + op.getValue().path("channel"));
            }
            op.getValue().path("messages").forEach(m -> {
                if (resolve(m).isMissingNode()) {
                    unresolved.add(op.getKey() + ": " + m);
                }
            });
        });
        assertThat(unresolved).as("references that do not resolve").isEmpty();
    }

    @Test
    void everyMessageTheCandidateSocketSendsOrHandlesIsDescribed() {
        assertThat(jsonTypes("candidateReceives")).isEqualTo(typeNames(ServerMessage.class));
        assertThat(jsonTypes("candidateSends")).isEqualTo(new TreeSet<>(Arrays.stream(ClientMessage.Type.values())
                .map(ClientMessage.Type::wire).toList()));
        assertThat(binaryMessages("candidateSends")).isOne();
        assertThat(binaryMessages("candidateReceives")).isOne();
    }

    @Test
    void everyMessageOfTheLiveSocketIsDescribed() {
        assertThat(jsonTypes("liveReceives")).isEqualTo(typeNames(LiveEvent.class));
    }

    @Test
    void theCandidateSocketsCloseCodesAreThoseOfDocsVoiceMd() throws Exception {
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d{4}) \\|").matcher(Files.readString(Path.of("docs/voice.md")));
        while (row.find()) {
            documented.add(row.group(1));
        }
        Set<String> described = new TreeSet<>();
        doc.path("channels").path("candidate").path("x-close-codes").properties().forEach(e -> described.add(e.getKey()));
        assertThat(described).isNotEmpty().isEqualTo(documented);
        assertThat(doc.path("channels").path("live").path("x-close-codes").has("4405")).isTrue();
    }

    /** The {@code type} names of the JSON messages of an operation, read from each payload's {@code type} const. */
    private static Set<String> jsonTypes(String operation) {
        Set<String> types = new TreeSet<>();
        doc.path("operations").path(operation).path("messages").forEach(ref -> {
            JsonNode type = resolve(ref).path("payload").path("properties").path("type").path("const");
            if (!type.isMissingNode()) {
                types.add(type.asText());
            }
        });
        return types;
    }

    private static long binaryMessages(String operation) {
        List<JsonNode> messages = new ArrayList<>();
        doc.path("operations").path(operation).path("messages").forEach(ref -> messages.add(resolve(ref)));
        return messages.stream().filter(m -> m.path("contentType").asText().equals("application/octet-stream")).count();
    }

    /** The JSON type names of a sealed message hierarchy; every permitted subtype must have one. */
    private static Set<String> typeNames(Class<?> sealed) {
        assertThat(sealed.isSealed()).isTrue();
        JsonSubTypes.Type[] named = sealed.getAnnotation(JsonSubTypes.class).value();
        Set<Class<?>> withName = new java.util.HashSet<>();
        Set<String> names = new TreeSet<>();
        for (JsonSubTypes.Type t : named) {
            withName.add(t.value());
            names.add(t.name());
        }
        assertThat(withName).as("subtypes of " + sealed.getSimpleName() + " with a JSON type name")
                .containsExactlyInAnyOrder(sealed.getPermittedSubclasses());
        return names;
    }

    /** Follows {@code $ref}s within the document, through channel messages to component messages. */
    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = doc.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }
}
