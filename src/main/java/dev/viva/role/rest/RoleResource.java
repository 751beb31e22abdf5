package dev.viva.role.rest;

import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.ApiKeys;
import dev.viva.platform.security.Tokens;
import dev.viva.role.Level;
import dev.viva.role.RoleTemplate;
import dev.viva.role.RoleTemplates;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Role templates. Anyone may read what a role is about; the question bank is shown only to recruiters, so a
 * candidate cannot read the questions and key points ahead of the interview.
 */
@Path("/api/v1/roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles")
public class RoleResource {

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "version", "name", "levels", "interviewer", "plannedMinutes", "dimensions"})
    public record RoleSummary(@Schema(examples = "backend-engineer") String id,
                              @Schema(description = "the template version new interviews get", examples = "1")
                              int version,
                              @Schema(examples = "Backend engineer") String name,
                              @Schema(examples = "Services, data and APIs") String description, List<Level> levels,
                              @Schema(examples = "Sophia") String interviewer,
                              @Schema(examples = "40") int plannedMinutes, List<DimensionView> dimensions) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "name", "weight"})
    public record DimensionView(@Schema(examples = "api-design") String id, @Schema(examples = "API design") String name,
                                @Schema(examples = "3") int weight, String description) {
    }

    /** {@code questions} is null unless the caller is a recruiter. */
    @RegisterForReflection
    @Schema(requiredProperties = {"id", "version", "name", "persona", "levels", "phases", "dimensions"})
    public record RoleDetail(@Schema(examples = "backend-engineer") String id,
                             @Schema(description = "the template version new interviews get", examples = "1")
                             int version, String name, String description, RoleTemplate.Persona persona,
                             Map<Level, RoleTemplate.LevelSpec> levels, List<RoleTemplate.PhaseSpec> phases,
                             List<DimensionView> dimensions, List<RoleTemplate.Question> questions) {
    }

    private final RoleTemplates templates;
    private final ApiKeys apiKeys;

    public RoleResource(RoleTemplates templates, ApiKeys apiKeys) {
        this.templates = templates;
        this.apiKeys = apiKeys;
    }

    @GET
    @Operation(operationId = "listRoles", summary = "List the roles",
            description = "Every role a new interview may be created for (published, not retired), at the version "
                    + "new interviews get: levels, interviewer, planned length and the dimensions its reports score. "
                    + "Needs no key.")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The roles")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<RoleSummary> list() {
        return templates.available().stream().map(p -> {
            RoleTemplate t = p.template();
            return new RoleSummary(t.id(), p.version(), t.name(), t.description(), Arrays.asList(Level.values()),
                    t.persona().name(), t.totalMinutes(), dimensions(t));
        }).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRole", summary = "Get a role",
            description = "Persona, levels, phases with their time budgets and dimensions; with a recruiter key also "
                    + "the question bank (`questions`), which candidates must not see.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "recruiterKey"))
    @APIResponse(responseCode = "200", description = "The role")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RoleDetail get(@PathParam("id") String id,
                          @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        RoleTemplates.Pinned p = templates.current(id).orElseThrow(() -> ApiProblem.notFound(
                "no role '" + id + "' takes new interviews; GET /api/v1/roles lists the roles"));
        RoleTemplate t = p.template();
        boolean recruiter = Tokens.bearer(auth).flatMap(apiKeys::authenticate).isPresent();
        return new RoleDetail(t.id(), p.version(), t.name(), t.description(), t.persona(), t.levels(), t.phases(), dimensions(t),
                recruiter ? t.questions() : null);
    }

    private static List<DimensionView> dimensions(RoleTemplate t) {
        return t.dimensions().stream().map(d -> new DimensionView(d.id(), d.name(), d.weight(), d.description()))
                .toList();
    }
}
