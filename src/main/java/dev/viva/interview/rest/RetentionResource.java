package dev.viva.interview.rest;

import dev.viva.interview.InterviewStatus;
import dev.viva.interview.service.Retention;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The retention period and its dry run: which finished interviews the scheduled erasure removes, and when. */
@Path("/api/v1/retention")
@Produces(MediaType.APPLICATION_JSON)
@RecruiterOnly
@Tag(name = "Retention")
@SecurityRequirement(name = "recruiterKey")
public class RetentionResource {

    private final Retention retention;

    public RetentionResource(Retention retention) {
        this.retention = retention;
    }

    @GET
    @Operation(operationId = "getRetention", summary = "The retention period and what it will erase",
            description = "A dry run: erases nothing. Lists finished interviews (completed, abandoned, cancelled) in "
                    + "the order the scheduled erasure removes them, each with when; `due` ones go in its next run "
                    + "(every 10 minutes). Without `viva.retention.finished-interviews` nothing is erased and the list "
                    + "is empty. Each erasure is audited as `interview.erased` by the `retention` job.")
    @APIResponse(responseCode = "200", description = "The period and the plan")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public RetentionPlan plan(@Parameter(description = "how many interviews to list, the soonest erased first")
                              @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Instant now = Instant.now();
        List<PlannedErasure> list = retention.plan(now, limit).stream().map(p -> new PlannedErasure(p.interviewId(),
                p.candidateName(), p.status(), p.finishedAt(), p.eraseAt(), !p.eraseAt().isAfter(now))).toList();
        return new RetentionPlan(retention.period().map(Duration::toString).orElse(null),
                retention.period().map(RetentionResource::forPeople).orElse("kept until a recruiter deletes them"),
                retention.dueCount(now), list);
    }

    /** "30 days", "36 hours", "90 minutes". */
    static String forPeople(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(1, d.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    @Schema(name = "RetentionPlan")
    public record RetentionPlan(
            @Schema(description = "viva.retention.finished-interviews as ISO-8601; null when interviews are kept until "
                    + "deleted", examples = "P365D") String period,
            @Schema(description = "the period for people", examples = "365 days") String periodText,
            @Schema(description = "finished interviews the next run erases") long dueNow,
            List<PlannedErasure> interviews) {
    }

    /** A finished interview and when retention erases it. */
    @Schema(name = "RetentionEntry")
    public record PlannedErasure(UUID interviewId, String candidateName, InterviewStatus status, Instant finishedAt,
                            Instant eraseAt, @Schema(description = "erased by the next run") boolean due) {
    }
}
