package dev.viva.assessment.rest;

import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.service.ReportOverrides;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.RecruiterOnly;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.UUID;

/**
 * A recruiter's review of a report: a dimension score or the recommendation replaced, always with a reason. The
 * report keeps the assessment's figures and shows the override beside them; the audit log keeps every change.
 */
@Path("/api/v1/interviews/{id}/report/overrides")
@RecruiterOnly
@Tag(name = "Reports")
@SecurityRequirement(name = "recruiterKey")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "409", ref = "Conflict")
@APIResponse(responseCode = "410", ref = "Gone")
public class ReportOverrideResource {

    private final ReportOverrides overrides;

    public ReportOverrideResource(ReportOverrides overrides) {
        this.overrides = overrides;
    }

    @PUT
    @Path("/recommendation")
    @Operation(operationId = "overrideRecommendation", summary = "Override the recommendation of a report",
            description = "Replaces the recommendation with the recruiter's, with a required reason. The report "
                    + "(every format) then shows both, with who, when and why; the change is audited "
                    + "(`report.recommendation.overridden`) and announced by the `report.updated` webhook. Overriding "
                    + "again replaces the override; the audit log keeps each one. 409 while the report does not exist "
                    + "yet, 410 for a cancelled interview (it has none).")
    @APIResponse(responseCode = "200", description = "The report with the override")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public InterviewReport recommendation(@PathParam("id") UUID id,
                                          @NotNull(message = "a JSON body is required") @Valid RecommendationOverride body) {
        InterviewReport.Recommendation value = InterviewReport.recommendationOf(body.recommendation());
        if (value == null) {
            throw ApiProblem.badRequest("recommendation", "recommendation must be one of: " + String.join(", ",
                    Arrays.stream(InterviewReport.Recommendation.values()).map(InterviewReport.Recommendation::label)
                            .toList()));
        }
        return overrides.overrideRecommendation(id, value, body.reason().strip());
    }

    @PUT
    @Path("/dimensions/{dimension}")
    @Operation(operationId = "overrideDimensionScore", summary = "Override the score of one dimension",
            description = "Replaces a dimension's score (0-5, one decimal) with the recruiter's, with a required reason; "
                    + "audited (`report.dimension.overridden`) and announced by `report.updated`. The overall score and "
                    + "the assessment's own dimension score stay as they were, shown beside the override. 404 for a "
                    + "dimension the report does not have.")
    @APIResponse(responseCode = "200", description = "The report with the override")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public InterviewReport dimension(@PathParam("id") UUID id, @PathParam("dimension") String dimension,
                                     @NotNull(message = "a JSON body is required") @Valid ScoreOverride body) {
        return overrides.overrideDimension(id, dimension, body.score(), body.reason().strip());
    }

    /** A dimension's new score and why. */
    @Schema(name = "ScoreOverride")
    public record ScoreOverride(
            @Schema(examples = "3.5", minimum = "0", maximum = "5")
            @NotNull(message = "a score from 0 to 5 is required") @DecimalMin(value = "0", message = "must be at least 0")
            @DecimalMax(value = "5", message = "must be at most 5") Double score,
            @Schema(examples = "The system design answer was stronger in the follow-up call than the transcript shows.")
            @NotBlank(message = "a reason is required") @Size(max = ReportOverrides.REASON_MAX) String reason) {
    }

    /** The recruiter's recommendation and why. */
    @Schema(name = "RecommendationOverride")
    public record RecommendationOverride(
            @Schema(examples = "hire", enumeration = {"strong hire", "hire", "lean hire", "lean no hire", "no hire"})
            @NotBlank(message = "a recommendation is required") String recommendation,
            @Schema(examples = "Strong references and a take-home exercise outweigh the weak caching answers.")
            @NotBlank(message = "a reason is required") @Size(max = ReportOverrides.REASON_MAX) String reason) {
    }
}
