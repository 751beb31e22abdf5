package dev.viva.platform.audit.rest;

import dev.viva.platform.audit.AuditEvent;
import dev.viva.platform.audit.AuditLog;
import dev.viva.platform.error.Instants;
import dev.viva.platform.security.RecruiterOnly;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RecruiterOnly
@Tag(name = "Audit")
@SecurityRequirement(name = "recruiterKey")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class AuditResource {

    private final AuditLog auditLog;

    public AuditResource(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GET
    @Operation(operationId = "listAuditEvents", summary = "The audit log",
            description = "Who changed what, when and why, newest first. Page backwards by passing the `at` of the "
                    + "last entry as `before`.")
    @APIResponse(responseCode = "200", description = "The entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class),
                    examples = @ExampleObject(name = "cancelled", value = """
                            [{"id": "0b6f1c2e-8d4a-4f3b-9e21-7a5c3d2b1f00", "at": "2026-11-22T10:15:00Z",
                              "actor": {"kind": "key", "id": "3e8a5b1c-2d4f-4a6e-8b9c-0d1e2f3a4b5c", "name": "ATS sync"},
                              "action": "interview.cancelled",
                              "target": {"type": "interview", "id": "5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c"},
                              "reason": null, "details": {}}]""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<AuditEntry> list(
            @Parameter(description = "what kind of thing was changed, e.g. `interview`") @QueryParam("targetType") String targetType,
            @Parameter(description = "the id of the thing changed") @QueryParam("targetId") String targetId,
            @Parameter(description = "the actor's id") @QueryParam("actor") String actor,
            @Parameter(description = "e.g. `interview.cancelled`") @QueryParam("action") String action,
            @Parameter(description = "only entries older than this ISO-8601 instant") @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Instant beforeInstant = before == null ? null : Instants.parse("before", before, false);
        return auditLog.find(new AuditLog.Filter(targetType, targetId, actor, action, beforeInstant), limit).stream()
                .map(e -> AuditEntry.of(e, auditLog.details(e))).toList();
    }

    /** One entry of the audit log. */
    @Schema(name = "AuditEntry")
    public record AuditEntry(UUID id, Instant at, ActorView actor, String action, Target target,
                             @Schema(description = "why, when the actor gave a reason") String reason,
                             @Schema(description = "what changed, by action") Map<String, Object> details) {

        static AuditEntry of(AuditEvent e, Map<String, Object> details) {
            return new AuditEntry(e.id, e.at, new ActorView(e.actorKind, e.actorId, e.actorName), e.action,
                    new Target(e.targetType, e.targetId), e.reason, details);
        }
    }

    /** Who acted. */
    @Schema(name = "AuditActor")
    public record ActorView(@Schema(enumeration = {"key", "user", "candidate", "system"}) String kind, String id,
                            String name) {
    }

    /** What was acted on. */
    @Schema(name = "AuditTarget")
    public record Target(String type, String id) {
    }
}
