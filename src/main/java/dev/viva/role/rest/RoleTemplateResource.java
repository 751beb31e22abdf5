package dev.viva.role.rest;

import dev.viva.platform.error.Problem;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.role.RoleTemplate;
import dev.viva.role.TemplateValidation;
import dev.viva.role.authoring.TemplateAuthoring;
import dev.viva.role.authoring.TemplateDrafter;
import dev.viva.role.repository.StoredRoleTemplate;
import dev.viva.role.repository.StoredRoleTemplateVersion;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Authoring role templates without a rebuild: upload or edit (each save is a new draft version), validate, publish,
 * retire. Every write is recorded in the audit log.
 */
@Path("/api/v1/role-templates")
@Produces(MediaType.APPLICATION_JSON)
@RecruiterOnly
@SecurityRequirement(name = "recruiterKey")
@Tag(name = "Role templates")
public class RoleTemplateResource {

    static final String YAML = "application/yaml";
    private static final String DOCUMENT = """
            The template as YAML (`application/yaml`, the format of the shipped templates), or as the same structure \
            in JSON (`application/json`, what the console's form editor sends).""";

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "name", "origin", "editable", "status", "latestVersion", "updatedAt"})
    public record TemplateSummary(@Schema(examples = "data-engineer") String id,
                                  @Schema(description = "the name of the current version, else of the newest",
                                          examples = "Data engineer") String name,
                                  @Schema(enumeration = {"builtin", "directory", "custom"},
                                          description = "builtin and directory templates are installed files: "
                                                  + "read-only here, copy them to edit") String origin,
                                  boolean editable,
                                  @Schema(enumeration = {"active", "draft", "retired"}, description = "active: new "
                                          + "interviews use its current version; draft: never published; retired: "
                                          + "no new interviews, running ones finish") String status,
                                  @Schema(description = "the version new interviews get; absent until one is "
                                          + "published", examples = "2") Integer currentVersion,
                                  @Schema(examples = "3") int latestVersion, Instant updatedAt, Instant retiredAt) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"version", "state", "name", "source", "createdAt", "createdBy"})
    public record VersionSummary(@Schema(examples = "3") int version,
                                 @Schema(enumeration = {"current", "published", "draft"}, description = "current: "
                                         + "what new interviews get; published: was current once, interviews may "
                                         + "still run on it; draft: never published") String state,
                                 String name,
                                 @Schema(enumeration = {"file", "upload", "form", "copy", "draft"}) String source,
                                 Instant createdAt, @Schema(examples = "API key \"ats\"") String createdBy,
                                 Instant publishedAt) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "template", "versions"})
    public record TemplateDetail(@Schema(examples = "data-engineer") String id, TemplateSummary template,
                                 @Schema(description = "newest first") List<VersionSummary> versions) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "version", "yaml", "publishable", "issues"})
    public record VersionDetail(@Schema(examples = "data-engineer") String id, VersionSummary version, String yaml,
                                @Schema(description = "the parsed template; absent if it no longer parses")
                                RoleTemplate template, boolean publishable, List<TemplateValidation.Issue> issues) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"publishable", "issues", "yaml"})
    public record ValidationReport(@Schema(description = "no errors: the parser accepts it and the linter found "
            + "nothing that would harm a candidate; warnings do not block publishing", examples = "true")
                                   boolean publishable,
                                   @Schema(description = "the parser's error (it stops at the first), or the "
                                           + "linter's findings, errors first") List<TemplateValidation.Issue> issues,
                                   @Schema(description = "the document checked: as sent, or the YAML of a JSON body")
                                   String yaml) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "version", "publishable", "issues"})
    public record SavedVersion(@Schema(examples = "data-engineer") String id, VersionSummary version, boolean publishable,
                               List<TemplateValidation.Issue> issues) {
    }

    @RegisterForReflection
    public record CopyRequest(
            @Schema(examples = "senior-backend-engineer") @NotBlank @Size(max = 100)
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'") String id,
            @Schema(examples = "Senior backend engineer") @NotBlank @Size(max = 200) String name,
            @Schema(description = "the version to copy; the current one when absent") Integer version) {
    }

    @RegisterForReflection
    public record DraftRequest(
            @Schema(description = "the job description, as posted; treated as data, never as instructions")
            @NotBlank @Size(max = 20_000) String jobDescription,
            @Schema(description = "the new template's id; named after the role when absent",
                    examples = "data-engineer") @Size(max = 100)
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'") String id) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "version", "publishable", "issues", "repairs"})
    public record DraftedTemplate(@Schema(examples = "data-engineer") String id, VersionSummary version, boolean publishable,
                                  List<TemplateValidation.Issue> issues,
                                  @Schema(description = "what was fixed in the model's answer before it was checked")
                                  List<String> repairs) {
    }

    @RegisterForReflection
    public record RetireRequest(@Schema(examples = "position filled") @Size(max = 500) String reason) {
    }

    private final TemplateAuthoring authoring;
    private final TemplateDrafter drafter;

    public RoleTemplateResource(TemplateAuthoring authoring, TemplateDrafter drafter) {
        this.authoring = authoring;
        this.drafter = drafter;
    }

    @GET
    @Operation(operationId = "listRoleTemplates", summary = "List role templates",
            description = "Every template: installed files (read-only) and authored ones, with their status and "
                    + "versions.")
    @APIResponse(responseCode = "200", description = "The templates")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<TemplateSummary> list() {
        return authoring.list().stream().map(t -> summary(t, authoring.versions(t.id))).toList();
    }

    @POST
    @Consumes({YAML, MediaType.APPLICATION_JSON})
    @Operation(operationId = "createRoleTemplate", summary = "Create a role template",
            description = "Stores a new template as an unpublished draft (version 1). The parser must accept it; "
                    + "the answer lists the linter's findings. Publish it to offer it for new interviews.")
    @RequestBody(required = true, description = DOCUMENT, content = {
            @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoleTemplate.class))})
    @APIResponse(responseCode = "201", description = "Created as a draft", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedVersion.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           String body) {
        boolean json = isJson(contentType);
        TemplateAuthoring.Saved saved = authoring.create(document(json, body),
                json ? TemplateAuthoring.Source.FORM : TemplateAuthoring.Source.UPLOAD, Map.of());
        return created(saved);
    }

    @POST
    @Path("/validate")
    @Consumes({YAML, MediaType.APPLICATION_JSON})
    @Operation(operationId = "validateRoleTemplate", summary = "Validate a role template",
            description = "Checks a document without storing it: the parser's error, or the linter's findings, each "
                    + "with its path and its line in the YAML.")
    @RequestBody(required = true, description = DOCUMENT, content = {
            @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoleTemplate.class))})
    @APIResponse(responseCode = "200", description = "The issues; `publishable` says whether it could be published")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ValidationReport validate(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                     String body) {
        String yaml = document(isJson(contentType), body);
        TemplateValidation v = TemplateAuthoring.validate(yaml, null);
        return new ValidationReport(v.publishable(), v.issues(), yaml);
    }

    @POST
    @Path("/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "draftRoleTemplate", summary = "Draft a role template from a job description",
            description = "A language model (`viva.roles.drafting.*`) proposes a template: phases, questions with key "
                    + "points, probes, misconceptions and hints, and answers to candidates' usual questions. It is "
                    + "repaired where the fix is mechanical, checked like an upload and saved as an unpublished "
                    + "draft: review it, then publish it. Without a model configured: 503.")
    @APIResponse(responseCode = "201", description = "Saved as a draft, with the linter's findings", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftedTemplate.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "502", description = "The model's answer cannot be used, or the model cannot be "
            + "reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    @APIResponse(responseCode = "504", description = "The model did not answer in time (`viva.roles.drafting.timeout`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response draft(@NotNull(message = "a JSON body is required") @Valid DraftRequest request) {
        TemplateDrafter.Drafted drafted = drafter.draft(request.jobDescription(), request.id());
        TemplateAuthoring.Saved saved = drafted.saved();
        DraftedTemplate body = new DraftedTemplate(saved.template().id, version(saved.template(), saved.version()),
                saved.validation().publishable(), saved.validation().issues(), drafted.repairs());
        return Response.created(URI.create("/api/v1/role-templates/" + saved.template().id + "/versions/"
                + saved.version().version)).entity(body).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRoleTemplate", summary = "Get a role template", description = "Its status and "
            + "every version, newest first.")
    @APIResponse(responseCode = "200", description = "The template")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TemplateDetail get(@PathParam("id") String id) {
        StoredRoleTemplate t = authoring.get(id);
        List<StoredRoleTemplateVersion> versions = authoring.versions(id);
        return new TemplateDetail(t.id, summary(t, versions), versions.stream().map(v -> version(t, v)).toList());
    }

    @POST
    @Path("/{id}/versions")
    @Consumes({YAML, MediaType.APPLICATION_JSON})
    @Operation(operationId = "createRoleTemplateVersion", summary = "Edit a role template",
            description = "Saves the document as a new draft version; nothing changes for interviews until it is "
                    + "published, and interviews already created keep the version they began on. Its `id` must be "
                    + "the template's. Installed files are read-only (409): copy them first.")
    @RequestBody(required = true, description = DOCUMENT, content = {
            @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoleTemplate.class))})
    @APIResponse(responseCode = "201", description = "Saved as a draft version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedVersion.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response addVersion(@PathParam("id") String id,
                               @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               String body) {
        boolean json = isJson(contentType);
        return created(authoring.addVersion(id, document(json, body),
                json ? TemplateAuthoring.Source.FORM : TemplateAuthoring.Source.UPLOAD));
    }

    @GET
    @Path("/{id}/versions/{version}")
    @Produces({MediaType.APPLICATION_JSON, YAML})
    @Operation(operationId = "getRoleTemplateVersion", summary = "Get a version of a role template",
            description = "Its YAML, the parsed template and what the parser and linter say of it; with "
                    + "`Accept: application/yaml`, the YAML alone as it was saved, for editing offline.")
    @APIResponse(responseCode = "200", description = "The version", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDetail.class)),
            @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response version(@PathParam("id") String id, @PathParam("version") int number,
                            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        StoredRoleTemplate t = authoring.get(id);
        StoredRoleTemplateVersion v = authoring.version(id, number);
        if (accept != null && accept.contains(YAML) && !accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(v.yaml, YAML + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + id + "-v" + number + ".yaml\"").build();
        }
        TemplateValidation check = TemplateAuthoring.validate(v.yaml, id);
        return Response.ok(new VersionDetail(id, version(t, v), v.yaml, check.template(), check.publishable(),
                check.issues()), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{id}/versions/{version}/publish")
    @Operation(operationId = "publishRoleTemplateVersion", summary = "Publish a version",
            description = "Makes the version the one new interviews get (an earlier version may be published again "
                    + "to roll back). Refused (409) while it has errors; warnings do not block. Interviews already "
                    + "created keep the version they began on, and so do their reports.")
    @APIResponse(responseCode = "200", description = "Published")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TemplateSummary publish(@PathParam("id") String id, @PathParam("version") int number) {
        StoredRoleTemplate t = authoring.publish(id, number);
        return summary(t, authoring.versions(id));
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "retireRoleTemplate", summary = "Retire a role template",
            description = "No new interviews for the role; interviews already created finish on their version. "
                    + "Installed templates may be retired too.")
    @APIResponse(responseCode = "200", description = "Retired")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TemplateSummary retire(@PathParam("id") String id, @Valid RetireRequest request) {
        StoredRoleTemplate t = authoring.retire(id, request == null ? null : request.reason());
        return summary(t, authoring.versions(id));
    }

    @POST
    @Path("/{id}/restore")
    @Operation(operationId = "restoreRoleTemplate", summary = "Restore a retired role template",
            description = "New interviews may use it again, at its current version.")
    @APIResponse(responseCode = "200", description = "Restored")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TemplateSummary restore(@PathParam("id") String id) {
        StoredRoleTemplate t = authoring.restore(id);
        return summary(t, authoring.versions(id));
    }

    @POST
    @Path("/{id}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "copyRoleTemplate", summary = "Copy a role template",
            description = "A new editable template (a draft) from a version of this one, with a new id and name: "
                    + "how an installed template is tailored.")
    @APIResponse(responseCode = "201", description = "Copied as a draft", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedVersion.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response copy(@PathParam("id") String id,
                         @NotNull(message = "a JSON body is required") @Valid CopyRequest request) {
        return created(authoring.copy(id, request.version(), request.id(), request.name().strip()));
    }

    static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_JSON);
    }

    static String document(boolean json, String body) {
        return json && body != null && !body.isBlank() ? TemplateAuthoring.yamlOf(body) : body;
    }

    static Response created(TemplateAuthoring.Saved saved) {
        SavedVersion body = new SavedVersion(saved.template().id, version(saved.template(), saved.version()),
                saved.validation().publishable(), saved.validation().issues());
        return Response.created(URI.create("/api/v1/role-templates/" + saved.template().id + "/versions/"
                + saved.version().version)).entity(body).build();
    }

    static TemplateSummary summary(StoredRoleTemplate t, List<StoredRoleTemplateVersion> newestFirst) {
        StoredRoleTemplateVersion named = newestFirst.stream()
                .filter(v -> t.currentVersion != null && v.version == t.currentVersion).findFirst()
                .orElse(newestFirst.getFirst());
        String status = t.retiredAt != null ? "retired" : t.currentVersion == null ? "draft" : "active";
        return new TemplateSummary(t.id, named.name, t.origin, t.editable(), status, t.currentVersion,
                newestFirst.getFirst().version, t.updatedAt, t.retiredAt);
    }

    static VersionSummary version(StoredRoleTemplate t, StoredRoleTemplateVersion v) {
        String state = t.currentVersion != null && v.version == t.currentVersion ? "current"
                : v.publishedAt != null ? "published" : "draft";
        return new VersionSummary(v.version, state, v.name, v.source, v.createdAt, v.createdBy, v.publishedAt);
    }
}
