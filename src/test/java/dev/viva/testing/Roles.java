package dev.viva.testing;

import dev.viva.role.RoleTemplate;
import dev.viva.role.RoleTemplateParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The role templates Viva ships (src/main/resources/roles), parsed as the server parses them. */
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
}
