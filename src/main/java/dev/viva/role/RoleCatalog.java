package dev.viva.role;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every role template the server knows, loaded and validated once at start-up. */
@Startup
@ApplicationScoped
@RegisterForReflection(targets = {RoleTemplate.class, RoleTemplate.Persona.class, RoleTemplate.LevelSpec.class,
        RoleTemplate.PhaseSpec.class, RoleTemplate.Dimension.class, RoleTemplate.Question.class})
public class RoleCatalog {

    private static final Logger LOG = Logger.getLogger(RoleCatalog.class);

    private final Map<String, RoleTemplate> templates;

    public RoleCatalog(RolesConfig config) {
        Map<String, RoleTemplate> loaded = new LinkedHashMap<>();
        for (String id : config.builtin()) {
            String resource = "roles/" + id + ".yaml";
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new InvalidRoleTemplateException(resource, "", "listed in viva.roles.builtin but not found");
                }
                loaded.put(id, RoleTemplateParser.parse(resource, id, in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        config.directory().map(Path::of).ifPresent(dir -> loadDirectory(dir, loaded));
        this.templates = Collections.unmodifiableMap(loaded);
        LOG.infof("Loaded %d role templates: %s", templates.size(), templates.keySet());
    }

    private static void loadDirectory(Path dir, Map<String, RoleTemplate> into) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidRoleTemplateException(dir.toString(), "viva.roles.directory", "is not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - ".yaml".length());
                try (InputStream in = Files.newInputStream(file)) {
                    into.put(id, RoleTemplateParser.parse(file.toString(), id, in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Collection<RoleTemplate> all() {
        return templates.values();
    }

    public Optional<RoleTemplate> find(String id) {
        return Optional.ofNullable(id).map(templates::get);
    }
}
