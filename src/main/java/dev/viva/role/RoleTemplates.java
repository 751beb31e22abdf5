package dev.viva.role;

import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.Tokens;
import dev.viva.role.repository.StoredRoleTemplate;
import dev.viva.role.repository.StoredRoleTemplateVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * The role templates interviews use, read from PostgreSQL so that every replica sees a version as soon as it is
 * published. Versions are immutable, so a parsed version is cached by (id, version) for good; which version is
 * current is asked of the database each time (new interviews and the role list only).
 *
 * <p>At start-up the installed files ({@link RoleCatalog}) are stored as read-only templates: a file whose content
 * changed since the last start becomes a new published version, and running interviews keep the one they began on.
 */
@ApplicationScoped
public class RoleTemplates {

    private static final Logger LOG = Logger.getLogger(RoleTemplates.class);

    /** A template and the version it is. */
    public record Pinned(RoleTemplate template, int version) {
    }

    private record Key(String id, int version) {
    }

    private final EntityManager em;
    private final RoleCatalog files;
    private final ConcurrentMap<Key, RoleTemplate> parsed = new ConcurrentHashMap<>();

    public RoleTemplates(EntityManager em, RoleCatalog files) {
        this.em = em;
        this.files = files;
    }

    void storeFiles(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            // replicas starting together store each changed file once
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext('viva.role_template.files'))")
                    .getSingleResult();
            for (RoleCatalog.FileTemplate file : files.files()) {
                storeFile(file);
            }
        });
    }

    private void storeFile(RoleCatalog.FileTemplate file) {
        String id = file.template().id();
        String origin = file.builtin() ? StoredRoleTemplate.BUILTIN : StoredRoleTemplate.DIRECTORY;
        Instant now = Instant.now();
        StoredRoleTemplate t = em.find(StoredRoleTemplate.class, id);
        if (t == null) {
            t = new StoredRoleTemplate();
            t.id = id;
            t.origin = origin;
            t.createdAt = now;
            t.updatedAt = now;
            em.persist(t);
        } else if (t.editable()) {
            LOG.errorf("The installed role template file '%s' is ignored: a template authored in the console has"
                    + " that id. Rename the file to install it.", id);
            return;
        }
        t.origin = origin;
        String sha = Tokens.hash(file.yaml());
        StoredRoleTemplateVersion latest = latest(id).orElse(null);
        if (latest != null && latest.sha256.equals(sha)) {
            return;
        }
        StoredRoleTemplateVersion v = new StoredRoleTemplateVersion();
        v.roleId = id;
        v.version = latest == null ? 1 : latest.version + 1;
        v.name = file.template().name();
        v.yaml = file.yaml();
        v.sha256 = sha;
        v.source = "file";
        v.createdAt = now;
        v.createdBy = "server start";
        v.publishedAt = now;
        em.persist(v);
        t.currentVersion = v.version;
        t.updatedAt = now;
        LOG.infof("Role template %s stored as version %d from its installed file", id, v.version);
    }

    /** The newest version of a template, draft or published. */
    public Optional<StoredRoleTemplateVersion> latest(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createQuery(
                        "from StoredRoleTemplateVersion where roleId = ?1 order by version desc",
                        StoredRoleTemplateVersion.class)
                .setParameter(1, id).setMaxResults(1).getResultStream().findFirst());
    }

    /**
     * The version a new interview of this role gets: the current published one of a template that is not retired.
     * A file template whose file this server no longer has is not offered either.
     */
    public Optional<Pinned> current(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(em.find(StoredRoleTemplate.class, id))
                .filter(this::offered)
                .map(t -> new Pinned(version(t.id, t.currentVersion).orElseThrow(), t.currentVersion)));
    }

    /** Every role a new interview may be created for, in the order files were installed, then custom ones by id. */
    public List<Pinned> available() {
        Set<String> installed = files.files().stream().map(f -> f.template().id())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<StoredRoleTemplate> all = QuarkusTransaction.joiningExisting().call(() -> em.createQuery(
                "from StoredRoleTemplate where currentVersion is not null and retiredAt is null order by id",
                StoredRoleTemplate.class).getResultList());
        List<String> order = new ArrayList<>(installed);
        all.stream().map(t -> t.id).filter(id -> !installed.contains(id)).forEach(order::add);
        return order.stream().flatMap(id -> all.stream().filter(t -> t.id.equals(id)).findFirst().stream())
                .filter(this::offered)
                .map(t -> new Pinned(version(t.id, t.currentVersion).orElseThrow(), t.currentVersion))
                .toList();
    }

    private boolean offered(StoredRoleTemplate t) {
        return t.currentVersion != null && t.retiredAt == null
                && (t.editable() || files.find(t.id).isPresent());
    }

    /** A stored version, whatever its state: what an interview pinned to it runs on and is reported against. */
    public Optional<RoleTemplate> version(String id, int version) {
        Key key = new Key(id, version);
        RoleTemplate cached = parsed.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(
                        em.find(StoredRoleTemplateVersion.class, versionKey(id, version))))
                .map(v -> parsed.computeIfAbsent(key, k -> parse(v)));
    }

    /** The version an interview was created with; 503 in the unlikely case it is gone (its template deleted). */
    public RoleTemplate pinned(String id, int version) {
        return version(id, version).orElseThrow(() -> ApiProblem.unavailable(
                "the role template '" + id + "' version " + version + " of this interview is no longer stored"));
    }

    private static RoleTemplate parse(StoredRoleTemplateVersion v) {
        return RoleTemplateParser.parse(v.roleId + " version " + v.version, v.roleId,
                new ByteArrayInputStream(v.yaml.getBytes(StandardCharsets.UTF_8)));
    }

    public static StoredRoleTemplateVersion.Key versionKey(String id, int version) {
        StoredRoleTemplateVersion.Key key = new StoredRoleTemplateVersion.Key();
        key.roleId = id;
        key.version = version;
        return key;
    }
}
