package dev.viva.assessment.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.report.ReportRenderer;
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

import java.util.UUID;

/** The report of an interview as JSON (stored as is), Markdown or printable HTML; regenerated on demand. */
@Path("/api/v1/interviews/{id}/report")
@RecruiterOnly
public class InterviewReportResource {

    private final InterviewService interviews;
    private final ReportService reports;
    private final ObjectMapper json;

    public InterviewReportResource(InterviewService interviews, ReportService reports, ObjectMapper json) {
        this.interviews = interviews;
        this.reports = reports;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/markdown", MediaType.TEXT_HTML})
    public Response get(@PathParam("id") UUID id, @QueryParam("format") String format,
                        @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        StoredReport stored = interviews.report(id);
        String chosen = ReportFormats.choose(format, accept);
        if (chosen.equals("json")) {
            return Response.ok(stored.body, MediaType.APPLICATION_JSON).header("Viva-Report-Schema", stored.schemaVersion)
                    .build();
        }
        InterviewReport report = read(stored);
        return chosen.equals("md")
                ? Response.ok(ReportRenderer.markdown(report), "text/markdown; charset=utf-8").build()
                : Response.ok(ReportRenderer.html(report), MediaType.TEXT_HTML + "; charset=utf-8").build();
    }

    /** Rebuilds the report of an ended interview, for example after a role template's rubric was improved. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public InterviewReport regenerate(@PathParam("id") UUID id) {
        if (!interviews.get(id).status.isFinal()) {
            throw ApiProblem.conflict("interview " + id + " has not ended; its report is produced when it does");
        }
        return reports.generate(id);
    }

    private InterviewReport read(StoredReport stored) {
        if (stored.schemaVersion != InterviewReport.SCHEMA_VERSION) {
            throw ApiProblem.conflict("the stored report has schema v" + stored.schemaVersion + "; POST to this URL "
                    + "regenerates it as v" + InterviewReport.SCHEMA_VERSION);
        }
        try {
            return json.readValue(stored.body, InterviewReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report of " + stored.interviewId + " is unreadable", e);
        }
    }
}
