package dev.viva.interview.rest;

import dev.viva.interview.Interview;
import dev.viva.interview.InterviewStatus;
import dev.viva.interview.repository.InterviewRepository;
import dev.viva.interview.service.InterviewService;
import dev.viva.platform.config.ServerConfig;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.error.Instants;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.role.RoleCatalog;
import dev.viva.role.RoleTemplate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import static dev.viva.interview.rest.InterviewViews.*;

@Path("/api/v1/interviews")
@Produces(MediaType.APPLICATION_JSON)
public class InterviewResource {

    /** Beyond this page (at 200 a page, 200 million interviews) nothing can be listed; refused rather than overflowed. */
    static final int MAX_PAGE = 1_000_000;

    private final InterviewService service;
    private final RoleCatalog roles;
    private final ServerConfig server;

    public InterviewResource(InterviewService service, RoleCatalog roles, ServerConfig server) {
        this.service = service;
        this.roles = roles;
        this.server = server;
    }

    @POST
    @RecruiterOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreateInterviewRequest request) {
        InterviewService.Created created = service.create(request.candidateName(), request.candidateEmail(),
                request.role(), request.level());
        Interview i = created.interview();
        // the token travels in the fragment, which browsers never send to servers or proxies' logs
        String joinUrl = server.publicUrl() + "/interview/" + i.id + "#token=" + created.candidateToken();
        CreatedInterview body = new CreatedInterview(i.id, i.candidateName, i.candidateEmail, i.roleId, i.level,
                i.status, i.createdAt, created.candidateToken(), joinUrl);
        return Response.created(URI.create("/api/v1/interviews/" + i.id)).entity(body).build();
    }

    @GET
    @RecruiterOnly
    public InterviewPage list(@QueryParam("status") String status,
                              @QueryParam("role") String role,
                              @QueryParam("createdFrom") String createdFrom,
                              @QueryParam("createdTo") String createdTo,
                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var filter = new InterviewRepository.Filter(parseStatus(status), role,
                parseInstant("createdFrom", createdFrom), parseInstant("createdTo", createdTo));
        var slice = service.search(filter, page, size);
        Instant now = Instant.now();
        return new InterviewPage(slice.items().stream().map(i -> InterviewView.of(i, now)).toList(), page, size,
                slice.total());
    }

    @GET
    @Path("/{id}")
    @RecruiterOnly
    public InterviewView get(@PathParam("id") UUID id) {
        return InterviewView.of(service.get(id), Instant.now());
    }

    @POST
    @Path("/{id}/cancel")
    @RecruiterOnly
    public InterviewView cancel(@PathParam("id") UUID id) {
        return InterviewView.of(service.cancel(id), Instant.now());
    }

    @jakarta.ws.rs.DELETE
    @Path("/{id}")
    @RecruiterOnly
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/transcript")
    @RecruiterOnly
    public TranscriptView transcript(@PathParam("id") UUID id) {
        Interview interview = service.get(id);
        return new TranscriptView(id, interview.status,
                service.transcript(id).stream().map(TurnView::of).toList());
    }

    /** The candidate's own view of their interview; needs that interview's candidate token. */
    @GET
    @Path("/{id}/public")
    public CandidateView publicView(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        Interview i = service.authenticateCandidate(id, auth);
        RoleTemplate role = roles.find(i.roleId).orElseThrow(() -> ApiProblem.unavailable(
                "the role template '" + i.roleId + "' of this interview is no longer installed"));
        return new CandidateView(i.id, i.candidateName, i.roleId, role.name(), i.level, i.status,
                role.persona().name(), role.totalMinutes(), i.durationSeconds(Instant.now()));
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
