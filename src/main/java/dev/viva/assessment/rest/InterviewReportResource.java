package dev.viva.assessment.rest;

import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.service.ReportService;
import dev.viva.interview.StoredReport;
import dev.viva.interview.service.InterviewService;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.RecruiterOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The report of an interview as JSON (stored as is), Markdown or printable HTML; regenerated on demand. */
@Path("/api/v1/interviews/{id}/report")
@RecruiterOnly
@Tag(name = "Reports")
@SecurityRequirement(name = "recruiterKey")
public class InterviewReportResource {

    private final InterviewService interviews;
    private final ReportService reports;

    public InterviewReportResource(InterviewService interviews, ReportService reports) {
        this.interviews = interviews;
        this.reports = reports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/markdown", MediaType.TEXT_HTML, ReportFormats.PDF})
    @Operation(operationId = "getReport", summary = "Get the report of an interview",
            description = "The scored report, every score traceable to the candidate's own words; JSON unless "
                    + "`format` or the Accept header asks for Markdown, printable HTML or PDF (a few pages, the transcript as an "
                    + "appendix, fonts embedded). 409 until the interview has "
                    + "ended and its report exists (the `report.ready` webhook says when); 410 for a cancelled one.")
    @APIResponse(responseCode = "200", description = "The report; the JSON's schema version is in Viva-Report-Schema",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InterviewReport.class)),
                    @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ReportFormats.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Response get(@PathParam("id") UUID id,
                        @Parameter(description = "json (default), md, html or pdf; overrides Accept",
                                schema = @Schema(enumeration = {"json", "md", "html", "pdf"}))
                        @QueryParam("format") String format,
                        @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        StoredReport stored = interviews.report(id);
        String chosen = ReportFormats.choose(format, accept);
        if (chosen.equals("json")) {
            return Response.ok(stored.body, MediaType.APPLICATION_JSON).header("Viva-Report-Schema", stored.schemaVersion)
                    .build();
        }
        return ReportFormats.respond(reports.read(stored), chosen, null);
    }

    /** Rebuilds the report of an ended interview, for example after a role template's rubric was improved. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "regenerateReport", summary = "Rebuild the report of an ended interview",
            description = "Scores the interview again with the current role template and scoring, replacing the "
                    + "stored report (for example after a rubric was improved). 409 while the interview has not ended.")
    @APIResponse(responseCode = "200", description = "The new report")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public InterviewReport regenerate(@PathParam("id") UUID id) {
        if (!interviews.get(id).status.isFinal()) {
            throw ApiProblem.conflict("interview " + id + " has not ended; its report is produced when it does");
        }
        return reports.generate(id);
    }
}
