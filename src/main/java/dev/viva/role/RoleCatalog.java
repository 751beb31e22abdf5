package dev.viva.role;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The role templates installed as files (shipped in the server, or in {@code viva.roles.directory}), loaded and
 * validated once at start-up. {@link RoleTemplates} stores each as a read-only, versioned template in PostgreSQL;
 * interviews use those stored versions, never these directly.
 */
@Startup
@ApplicationScoped
@RegisterForReflection(targets = {RoleTemplate.class, RoleTemplate.Persona.class, RoleTemplate.LevelSpec.class,
        RoleTemplate.PhaseSpec.class, RoleTemplate.Dimension.class, RoleTemplate.Question.class})
public class RoleCatalog {

    private static final Logger LOG = Logger.getLogger(RoleCatalog.class);

    /**
     * One installed file.
     *
     * @param builtin shipped inside the server (rather than read from {@code viva.roles.directory})
     */
    public record FileTemplate(RoleTemplate template, String yaml, boolean builtin) {
    }

    private final Map<String, FileTemplate> templates;

    public RoleCatalog(RolesConfig config) {
        Map<String, FileTemplate> loaded = new LinkedHashMap<>();
        for (String id : config.builtin()) {
            String resource = "roles/" + id + ".yaml";
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new InvalidRoleTemplateException(resource, "", "listed in viva.roles.builtin but not found");
                }
                loaded.put(id, read(resource, id, in.readAllBytes(), true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        config.directory().map(Path::of).ifPresent(dir -> loadDirectory(dir, loaded));
        this.templates = Collections.unmodifiableMap(loaded);
        LOG.infof("Loaded %d role templates: %s", templates.size(), templates.keySet());
    }

    private static FileTemplate read(String source, String id, byte[] bytes, boolean builtin) {
        return new FileTemplate(RoleTemplateParser.parse(source, id, new ByteArrayInputStream(bytes)),
                new String(bytes, StandardCharsets.UTF_8), builtin);
    }

    private static void loadDirectory(Path dir, Map<String, FileTemplate> into) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidRoleTemplateException(dir.toString(), "viva.roles.directory", "is not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - ".yaml".length());
                into.put(id, read(file.toString(), id, Files.readAllBytes(file), false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Collection<FileTemplate> files() {
        return templates.values();
    }

    public Optional<RoleTemplate> find(String id) {
        return Optional.ofNullable(id).map(templates::get).map(FileTemplate::template);
    }
}
