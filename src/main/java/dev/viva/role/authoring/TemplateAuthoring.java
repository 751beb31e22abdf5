package dev.viva.role.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.viva.platform.audit.AuditLog;
import dev.viva.platform.audit.CurrentActor;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.Tokens;
import dev.viva.role.RoleTemplateLinter;
import dev.viva.role.RoleTemplates;
import dev.viva.role.TemplateValidation;
import dev.viva.role.repository.StoredRoleTemplate;
import dev.viva.role.repository.StoredRoleTemplateVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Authoring role templates: a new template or a new version is always a draft, checked by the parser (it must be
 * usable) and the linter; publishing makes a version the one new interviews get, and is refused while it has errors.
 * Versions are never changed once written, so an interview pinned to one keeps it whatever is published later.
 * Installed files are read-only here: they change with the file, and can be copied into an editable template.
 */
@ApplicationScoped
public class TemplateAuthoring {

    /** How a version was written. */
    public enum Source {
        UPLOAD, FORM, COPY, DRAFT;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A version written, with what the parser and linter say of it. */
    public record Saved(StoredRoleTemplate template, StoredRoleTemplateVersion version, TemplateValidation validation) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOP_LEVEL_ID = Pattern.compile("(?m)^id:[^\\n]*$");
    private static final Pattern TOP_LEVEL_NAME = Pattern.compile("(?m)^name:[^\\n]*$");

    private final EntityManager em;
    private final RoleTemplates templates;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock = Clock.systemUTC();

    TemplateAuthoring(EntityManager em, RoleTemplates templates, AuditLog audit, CurrentActor actor) {
        this.em = em;
        this.templates = templates;
        this.audit = audit;
        this.actor = actor;
    }

    /** The YAML a form editor's JSON stands for; a body that is not a JSON object is a 400. */
    public static String yamlOf(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw ApiProblem.badRequest("body", "a role template as a JSON object is required");
            }
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("body", "not JSON: " + e.getOriginalMessage());
        }
    }

    public static TemplateValidation validate(String yaml, String expectedId) {
        return TemplateValidation.of(expectedId == null ? "upload" : expectedId, expectedId, yaml);
    }

    @Transactional
    public Saved create(String yaml, Source source, Map<String, Object> auditDetails) {
        TemplateValidation v = usable(yaml, null);
        String id = v.template().id();
        if (em.find(StoredRoleTemplate.class, id) != null) {
            throw ApiProblem.conflict("a role template '" + id + "' exists; POST /api/v1/role-templates/" + id
                    + "/versions adds a version to it, or choose another id");
        }
        Instant now = clock.instant();
        StoredRoleTemplate t = new StoredRoleTemplate();
        t.id = id;
        t.origin = StoredRoleTemplate.CUSTOM;
        t.createdAt = now;
        t.updatedAt = now;
        em.persist(t);
        StoredRoleTemplateVersion version = write(t, 1, yaml, v, source, now);
        Map<String, Object> details = new LinkedHashMap<>(auditDetails);
        details.put("version", 1);
        details.put("source", source.id());
        audit.record("role-template.created", "role-template", id, null, details);
        return new Saved(t, version, v);
    }

    @Transactional
    public Saved addVersion(String id, String yaml, Source source) {
        StoredRoleTemplate t = editable(id);
        TemplateValidation v = usable(yaml, id);
        int next = templates.latest(id).map(l -> l.version + 1).orElse(1);
        Instant now = clock.instant();
        StoredRoleTemplateVersion version = write(t, next, yaml, v, source, now);
        t.updatedAt = now;
        audit.record("role-template.version.created", "role-template", id, null,
                Map.of("version", next, "source", source.id()));
        return new Saved(t, version, v);
    }

    @Transactional
    public StoredRoleTemplate publish(String id, int number) {
        StoredRoleTemplate t = editable(id);
        StoredRoleTemplateVersion version = version(id, number);
        if (Integer.valueOf(number).equals(t.currentVersion)) {
            throw ApiProblem.conflict("version " + number + " of '" + id + "' is already the current version");
        }
        TemplateValidation v = validate(version.yaml, id);
        if (!v.publishable()) {
            throw ApiProblem.conflict("version " + number + " of '" + id + "' has errors and cannot be published: "
                    + v.issues().stream().filter(i -> i.severity() == RoleTemplateLinter.Severity.ERROR)
                    .map(TemplateAuthoring::describe).collect(Collectors.joining("; ")));
        }
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", number);
        details.put("previousVersion", t.currentVersion);
        details.put("warnings", v.issues().size());
        if (version.publishedAt == null) {
            version.publishedAt = now;
        }
        t.currentVersion = number;
        t.updatedAt = now;
        audit.record("role-template.published", "role-template", id, null, details);
        return t;
    }

    @Transactional
    public StoredRoleTemplate retire(String id, String reason) {
        StoredRoleTemplate t = locked(id);
        if (t.retiredAt != null) {
            throw ApiProblem.conflict("'" + id + "' was retired at " + t.retiredAt);
        }
        t.retiredAt = clock.instant();
        t.updatedAt = t.retiredAt;
        audit.record("role-template.retired", "role-template", id, reason, Map.of());
        return t;
    }

    @Transactional
    public StoredRoleTemplate restore(String id) {
        StoredRoleTemplate t = locked(id);
        if (t.retiredAt == null) {
            throw ApiProblem.conflict("'" + id + "' is not retired");
        }
        t.retiredAt = null;
        t.updatedAt = clock.instant();
        audit.record("role-template.restored", "role-template", id, null, Map.of());
        return t;
    }

    /** A new editable template from a version of another (its current one, or its newest draft if none). */
    @Transactional
    public Saved copy(String fromId, Integer fromVersion, String newId, String newName) {
        StoredRoleTemplate from = Optional.ofNullable(em.find(StoredRoleTemplate.class, fromId))
                .orElseThrow(() -> notFound(fromId));
        int number = fromVersion != null ? fromVersion
                : from.currentVersion != null ? from.currentVersion
                : templates.latest(fromId).orElseThrow(() -> notFound(fromId)).version;
        String yaml = withIdentity(version(fromId, number).yaml, newId, newName);
        return create(yaml, Source.COPY, Map.of("copiedFrom", fromId, "copiedVersion", number));
    }

    @Transactional
    public List<StoredRoleTemplate> list() {
        return em.createQuery("from StoredRoleTemplate order by id", StoredRoleTemplate.class).getResultList();
    }

    @Transactional
    public StoredRoleTemplate get(String id) {
        return Optional.ofNullable(em.find(StoredRoleTemplate.class, id)).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public List<StoredRoleTemplateVersion> versions(String id) {
        get(id);
        return em.createQuery("from StoredRoleTemplateVersion where roleId = ?1 order by version desc",
                StoredRoleTemplateVersion.class).setParameter(1, id).getResultList();
    }

    @Transactional
    public StoredRoleTemplateVersion version(String id, int number) {
        get(id);
        return Optional.ofNullable(em.find(StoredRoleTemplateVersion.class, RoleTemplates.versionKey(id, number)))
                .orElseThrow(() -> ApiProblem.notFound("'" + id + "' has no version " + number
                        + "; GET /api/v1/role-templates/" + id + " lists its versions"));
    }

    /** A document with its id and name replaced, comments and layout kept where the fields are plain lines. */
    static String withIdentity(String yaml, String id, String name) {
        Matcher idLine = TOP_LEVEL_ID.matcher(yaml);
        Matcher nameLine = TOP_LEVEL_NAME.matcher(yaml);
        if (idLine.find() && nameLine.find()) {
            String quotedName = "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            return TOP_LEVEL_NAME.matcher(TOP_LEVEL_ID.matcher(yaml).replaceFirst(Matcher.quoteReplacement("id: " + id)))
                    .replaceFirst(Matcher.quoteReplacement("name: " + quotedName));
        }
        try {
            ObjectNode tree = (ObjectNode) YAML.readTree(yaml);
            tree.put("id", id);
            tree.put("name", name);
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException | ClassCastException e) {
            throw ApiProblem.conflict("the template to copy cannot be read: " + e.getMessage());
        }
    }

    static String describe(TemplateValidation.Issue i) {
        return (i.path().isEmpty() ? "" : i.path()) + (i.line() == null ? "" : " (line " + i.line() + ")")
                + (i.path().isEmpty() && i.line() == null ? "" : ": ") + i.message();
    }

    private TemplateValidation usable(String yaml, String expectedId) {
        if (yaml == null || yaml.isBlank()) {
            throw ApiProblem.badRequest("body", "a role template is required (YAML, or JSON from the form editor)");
        }
        TemplateValidation v = validate(yaml, expectedId);
        if (v.template() == null) {
            TemplateValidation.Issue issue = v.issues().getFirst();
            throw ApiProblem.badRequest(issue.path().isEmpty() ? "body" : issue.path(),
                    "the template cannot be used: " + describe(issue)
                            + " (POST /api/v1/role-templates/validate shows every issue)");
        }
        return v;
    }

    private StoredRoleTemplateVersion write(StoredRoleTemplate t, int number, String yaml, TemplateValidation v,
                                            Source source, Instant now) {
        StoredRoleTemplateVersion version = new StoredRoleTemplateVersion();
        version.roleId = t.id;
        version.version = number;
        version.name = v.template().name();
        version.yaml = yaml;
        version.sha256 = Tokens.hash(yaml);
        version.source = source.id();
        version.createdAt = now;
        version.createdBy = actor.get().name();
        em.persist(version);
        return version;
    }

    private StoredRoleTemplate locked(String id) {
        StoredRoleTemplate t = em.find(StoredRoleTemplate.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            throw notFound(id);
        }
        return t;
    }

    private StoredRoleTemplate editable(String id) {
        StoredRoleTemplate t = locked(id);
        if (!t.editable()) {
            throw ApiProblem.conflict("'" + id + "' is installed from a file (" + t.origin + ") and is read-only here;"
                    + " POST /api/v1/role-templates/" + id + "/copy makes an editable copy");
        }
        return t;
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("no role template '" + id + "'; GET /api/v1/role-templates lists them");
    }
}
