package dev.viva.interview.rest;

import dev.viva.interview.Interview;
import dev.viva.interview.InterviewStatus;
import dev.viva.interview.repository.InterviewRepository;
import dev.viva.interview.service.InterviewService;
import dev.viva.platform.audit.AuditLog;
import dev.viva.platform.config.ServerConfig;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.error.Instants;
import dev.viva.platform.error.Problem;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.role.RoleCatalog;
import dev.viva.role.RoleTemplate;
import dev.viva.stt.SpeechRecognizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.viva.interview.rest.InterviewViews.*;

@Path("/api/v1/interviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interviews")
public class InterviewResource {

    /** Beyond this page (at 200 a page, 200 million interviews) nothing can be listed; refused rather than overflowed. */
    static final int MAX_PAGE = 1_000_000;

    private final InterviewService service;
    private final RoleCatalog roles;
    private final ServerConfig server;
    private final AuditLog audit;
    private final SpeechRecognizer recognizer;

    public InterviewResource(InterviewService service, RoleCatalog roles, ServerConfig server, AuditLog audit,
                             SpeechRecognizer recognizer) {
        this.service = service;
        this.roles = roles;
        this.server = server;
        this.audit = audit;
        this.recognizer = recognizer;
    }

    @POST
    @RecruiterOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createInterview", summary = "Create an interview",
            description = "Schedules an interview of a candidate for a role at a level. The answer carries the "
                    + "candidate token and the join link, both shown only this once: send the link to the candidate.")
    @SecurityRequirement(name = "recruiterKey")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateInterviewRequest.class),
            examples = @ExampleObject(name = "create", value = """
                    {"candidateName": "Ada Lovelace", "candidateEmail": "ada@example.com",
                     "role": "backend-engineer", "level": "mid"}""")))
    @APIResponse(responseCode = "201", description = "Created; Location is the interview's URL",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedInterview.class),
                    examples = @ExampleObject(name = "created", value = """
                            {"id": "5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c", "candidateName": "Ada Lovelace",
                             "candidateEmail": "ada@example.com", "role": "backend-engineer", "level": "mid",
                             "status": "SCHEDULED", "createdAt": "2026-11-22T09:00:00Z",
                             "candidateToken": "vc_2b7e151628aed2a6abf7158809cf4f3c",
                             "joinUrl": "https://viva.example.com/interview/5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c#token=vc_2b7e151628aed2a6abf7158809cf4f3c"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreateInterviewRequest request) {
        InterviewService.Created created = service.create(request.candidateName(), request.candidateEmail(),
                request.role(), request.level());
        Interview i = created.interview();
        audit.record("interview.created", "interview", i.id.toString(), null,
                Map.of("candidateName", i.candidateName, "role", i.roleId, "level", i.level.name()));
        // the token travels in the fragment, which browsers never send to servers or proxies' logs
        String joinUrl = joinUrl(i.id, created.candidateToken());
        CreatedInterview body = new CreatedInterview(i.id, i.candidateName, i.candidateEmail, i.roleId, i.level,
                i.status, i.createdAt, created.candidateToken(), joinUrl);
        return Response.created(URI.create("/api/v1/interviews/" + i.id)).entity(body).build();
    }

    @GET
    @RecruiterOnly
    @Operation(operationId = "listInterviews", summary = "List interviews",
            description = "Newest first, filtered by status, role, creation time and candidate, a page at a time; "
                    + "each with its report's score and recommendation once the report exists.")
    @SecurityRequirement(name = "recruiterKey")
    @APIResponse(responseCode = "200", description = "A page of interviews")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public InterviewPage list(@Parameter(schema = @Schema(implementation = InterviewStatus.class))
                              @QueryParam("status") String status,
                              @Parameter(description = "role template id") @QueryParam("role") String role,
                              @Parameter(description = "a date (2026-11-01) or an instant (2026-11-01T09:00:00Z)")
                              @QueryParam("createdFrom") String createdFrom,
                              @Parameter(description = "a date (inclusive) or an instant")
                              @QueryParam("createdTo") String createdTo,
                              @Parameter(description = "part of the candidate's name or e-mail address, any case",
                                      example = "lovelace")
                              @QueryParam("candidate") @Size(max = 320) String candidate,
                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var filter = new InterviewRepository.Filter(parseStatus(status), role,
                parseInstant("createdFrom", createdFrom), parseInstant("createdTo", createdTo),
                candidate == null || candidate.isBlank() ? null : candidate);
        var slice = service.search(filter, page, size);
        Instant now = Instant.now();
        return new InterviewPage(slice.items().stream()
                .map(i -> InterviewView.of(i, now, slice.reports().get(i.id))).toList(), page, size, slice.total());
    }

    @GET
    @Path("/{id}")
    @RecruiterOnly
    @Operation(operationId = "getInterview", summary = "Get an interview",
            description = "Its status and timeline; `durationSeconds` counts up while it runs.")
    @SecurityRequirement(name = "recruiterKey")
    @APIResponse(responseCode = "200", description = "The interview")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public InterviewView get(@PathParam("id") UUID id) {
        return view(service.get(id));
    }

    @POST
    @Path("/{id}/cancel")
    @RecruiterOnly
    @Operation(operationId = "cancelInterview", summary = "Cancel an interview",
            description = "Cancels a scheduled or running interview: its candidate is disconnected and no report is "
                    + "produced. 409 once it has ended.")
    @SecurityRequirement(name = "recruiterKey")
    @APIResponse(responseCode = "200", description = "The cancelled interview")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public InterviewView cancel(@PathParam("id") UUID id) {
        Interview cancelled = service.cancel(id);
        audit.record("interview.cancelled", "interview", id.toString(), null, Map.of());
        return view(cancelled);
    }

    @POST
    @Path("/{id}/join-link")
    @RecruiterOnly
    @Operation(operationId = "reissueJoinLink", summary = "Issue a new join link",
            description = "Replaces the candidate token: the join link sent before stops working at once, the new one "
                    + "is returned (only this once). For a lost, leaked or mangled link. A candidate already connected "
                    + "stays connected. 409 once the interview has ended.")
    @SecurityRequirement(name = "recruiterKey")
    @APIResponse(responseCode = "200", description = "The new join link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JoinLink.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public JoinLink reissueJoinLink(@PathParam("id") UUID id) {
        InterviewService.Created reissued = service.reissueToken(id);
        // the token itself is a secret: the log says that a link was issued, never which
        audit.record("interview.link.reissued", "interview", id.toString(), null,
                Map.of("candidateName", reissued.interview().candidateName));
        return new JoinLink(id, reissued.candidateToken(), joinUrl(id, reissued.candidateToken()));
    }

    private String joinUrl(UUID id, String token) {
        return server.publicUrl() + "/interview/" + id + "#token=" + token;
    }

    private InterviewView view(Interview interview) {
        return InterviewView.of(interview, Instant.now(), service.reportSummary(interview.id));
    }

    @jakarta.ws.rs.DELETE
    @Path("/{id}")
    @RecruiterOnly
    // no body on success: a client that accepts only the error's media type is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "deleteInterview", summary = "Erase an interview",
            description = "Erases the interview with its turns, report and webhook messages. 409 while it runs: "
                    + "cancel it first.")
    @SecurityRequirement(name = "recruiterKey")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        audit.record("interview.deleted", "interview", id.toString(), null, Map.of());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/transcript")
    @RecruiterOnly
    @Operation(operationId = "getTranscript", summary = "Get the transcript",
            description = "Every turn so far: phase, difficulty, the question and where it came from, the answer, "
                    + "timings, input mode and speech-recognition confidence.")
    @SecurityRequirement(name = "recruiterKey")
    @APIResponse(responseCode = "200", description = "The transcript")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TranscriptView transcript(@PathParam("id") UUID id) {
        Interview interview = service.get(id);
        return new TranscriptView(id, interview.status,
                service.transcript(id).stream().map(TurnView::of).toList());
    }

    /** The candidate's own view of their interview; needs that interview's candidate token. */
    @GET
    @Path("/{id}/public")
    @Tag(name = "Candidate")
    @Operation(operationId = "getCandidateView", summary = "The candidate's view of their interview",
            description = "Name, role, interviewer, planned minutes and status: what the interview page shows; and "
                    + "whether answers can be spoken right now, so the page can say so before the interview starts.")
    @SecurityRequirement(name = "candidateToken")
    @APIResponse(responseCode = "200", description = "The candidate's view")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public CandidateView publicView(@PathParam("id") UUID id, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        Interview i = service.authenticateCandidate(id, auth);
        RoleTemplate role = roles.find(i.roleId).orElseThrow(() -> ApiProblem.unavailable(
                "the role template '" + i.roleId + "' of this interview is no longer installed"));
        return new CandidateView(i.id, i.candidateName, i.roleId, role.name(), i.level, i.status,
                role.persona().name(), role.totalMinutes(), i.durationSeconds(Instant.now()), recognizer.isAvailable());
    }

    private static InterviewStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return InterviewStatus.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("status", "unknown status '" + status + "' (expected one of "
                    + java.util.Arrays.toString(InterviewStatus.values()) + ")");
        }
    }

    private static Instant parseInstant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Instants.parse(field, value, true);
    }
}
