package dev.viva.privacy.rest;

import dev.viva.platform.config.PrivacyConfig;
import dev.viva.platform.config.RetentionConfig;
import dev.viva.platform.error.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;

/**
 * The installation's privacy notice for candidates. Public: a candidate whose link does not work still needs to
 * know whom to ask, and nothing in it is secret.
 */
@Path("/api/v1/privacy-notice")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Candidate")
public class PrivacyNoticeResource {

    /** What the candidate room shows before consent; absent fields are worded for the candidate by the room. */
    @RegisterForReflection
    @Schema(requiredProperties = {"companyName"})
    public record PrivacyNotice(@Schema(examples = "Acme Ltd") String companyName,
                                @Schema(examples = "privacy@acme.example") String contactEmail,
                                @Schema(description = "whom to ask for an adjustment; the contact e-mail when absent",
                                        examples = "accessibility@acme.example") String accommodationContact,
                                @Schema(description = "days a finished interview and its report are kept; absent when "
                                        + "they are kept until the company deletes them", examples = "180")
                                Long keptForDays,
                                @Schema(description = "the installation's own words, added at the end")
                                String extraText) {
    }

    private final PrivacyConfig privacy;
    private final RetentionConfig retention;

    public PrivacyNoticeResource(PrivacyConfig privacy, RetentionConfig retention) {
        this.privacy = privacy;
        this.retention = retention;
    }

    @GET
    @Operation(operationId = "getPrivacyNotice", summary = "The privacy notice for candidates",
            description = "Who sees a candidate's answers, how long they are kept (the installation's retention "
                    + "period), and whom to ask about deletion or an adjustment. Needs no credentials.")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The notice")
    @APIResponse(responseCode = "406", description = "The client accepts no JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PrivacyNotice get() {
        return new PrivacyNotice(privacy.companyName(), privacy.contactEmail().orElse(null),
                privacy.accommodationContact().or(privacy::contactEmail).orElse(null),
                retention.finishedInterviews().map(PrivacyNoticeResource::days).orElse(null),
                privacy.extraText().orElse(null));
    }

    /** Whole days, rounded up: a candidate told "1 day" for twelve hours is not misled about the data being gone. */
    private static long days(Duration period) {
        long days = period.toDays();
        return period.equals(Duration.ofDays(days)) ? days : days + 1;
    }
}
