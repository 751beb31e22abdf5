package dev.viva.testing;

import dev.viva.role.RoleTemplate;
import dev.viva.role.RoleTemplateParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The role templates Viva ships (src/main/resources/roles), parsed as the server parses them, and the smallest valid
 * template (the test fixture {@code tiny-role}) as YAML for authoring tests.
 */
public final class Roles {

    private Roles() {
    }

    public static RoleTemplate shipped(String id) {
        String resource = "roles/" + id + ".yaml";
        try (InputStream in = Roles.class.getClassLoader().getResourceAsStream(resource)) {
            return RoleTemplateParser.parse(resource, id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML of the {@code tiny-role} fixture with another id. */
    public static String tinyYaml(String id) {
        try (InputStream in = Roles.class.getResourceAsStream("/role-fixtures/tiny-role.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("id: tiny-role", "id: " + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based number of the first line of {@code yaml} containing {@code text}. */
    public static int lineOf(String yaml, String text) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in the document");
    }
}
