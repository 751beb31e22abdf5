package dev.viva.assessment.rest;

import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.signal.Criteria;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.service.AssessmentEngine;
import dev.viva.assessment.service.ReportReview;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.role.RoleTemplates;
import dev.viva.role.RoleTemplate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

import static dev.viva.assessment.rest.AssessmentViews.AnswerRequest;
import static dev.viva.assessment.rest.AssessmentViews.AnswerView;
import static dev.viva.assessment.rest.AssessmentViews.TranscriptRequest;

/** Stateless assessment: score an answer, or a whole transcript recorded elsewhere, without an interview. */
@Path("/api/v1/assessments")
@RecruiterOnly
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
@SecurityRequirement(name = "recruiterKey")
public class AssessmentResource {

    private final AssessmentEngine engine;
    private final ReportReview review;
    private final RoleTemplates roles;

    public AssessmentResource(AssessmentEngine engine, ReportReview review, RoleTemplates roles) {
        this.engine = engine;
        this.review = review;
        this.roles = roles;
    }

    @POST
    @Path("/answers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assessAnswer", summary = "Score one answer",
            description = "Scores an answer to a question for a role and level, 0-100, with the strengths, weaknesses "
                    + "and flags found and the candidate's own words as evidence. A question from the role's bank "
                    + "brings its key points; send `keyPoints` to score against your own.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnswerRequest.class),
            examples = @ExampleObject(name = "answer", value = """
                    {"role": "backend-engineer", "level": "mid",
                     "question": "How would you make a payment endpoint idempotent?",
                     "answer": "The client sends an idempotency key; we store it with the result in the same transaction and return the stored result on a retry."}""")))
    @APIResponse(responseCode = "200", description = "The assessment")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public AnswerView answer(@NotNull(message = "a JSON body is required") @Valid AnswerRequest request) {
        RoleTemplate role = role(request.role());
        Optional<RoleTemplate.Question> bank = AssessmentEngine.bankQuestion(role, request.question());
        // without a bank question or dimensions, the question's own text says what it is about
        QuestionSpec profiled = bank.isPresent() ? QuestionSpec.of(role, bank.get())
                : engine.profile(role, request.question(), List.of(), null);
        List<String> dims = request.dimensions() != null && !request.dimensions().isEmpty() ? request.dimensions()
                : profiled.dimensions();
        for (String d : dims) {
            if (role.dimension(d).isEmpty()) {
                throw ApiProblem.badRequest("dimensions", "unknown dimension '" + d + "' for role " + role.id());
            }
        }
        // key points the caller sends are told apart into facts and criteria; without them the bank's (or, for a
        // question outside the bank, what the profile borrowed from the bank) stand
        List<List<String>> sent = request.keyPoints() == null ? null : Criteria.split(request.keyPoints());
        QuestionSpec spec = new QuestionSpec(request.question(),
                request.kind() != null ? request.kind() : profiled.kind(),
                dims,
                sent != null ? sent.get(0) : profiled.keyPoints(),
                sent != null ? sent.get(1) : profiled.criteria(),
                request.misconceptions() != null ? request.misconceptions() : profiled.misconceptions(),
                request.idealAnswer() != null ? request.idealAnswer() : profiled.idealAnswer(),
                profiled.domain());
        return AnswerView.of(engine.score(spec, request.answer()));
    }

    @POST
    @Path("/transcripts")
    @Produces({MediaType.APPLICATION_JSON, "text/markdown", MediaType.TEXT_HTML, ReportFormats.PDF})
    @Operation(operationId = "assessTranscript", summary = "Report on a transcript recorded elsewhere",
            description = "Scores every answer of a transcript and returns the whole report, as for an interview "
                    + "taken in Viva; JSON unless `format` or the Accept header asks for Markdown, HTML or PDF.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TranscriptRequest.class),
            examples = @ExampleObject(name = "transcript", value = """
                    {"role": "backend-engineer", "level": "mid", "candidateName": "Ada Lovelace",
                     "answers": [{"question": "How would you make a payment endpoint idempotent?",
                                  "answer": "The client sends an idempotency key; we store it with the result."}]}""")))
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InterviewReport.class)),
            @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ReportFormats.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response transcript(@NotNull(message = "a JSON body is required") @Valid TranscriptRequest request,
                               @Parameter(description = "json (default), md, html or pdf; overrides Accept",
                                       schema = @Schema(enumeration = {"json", "md", "html", "pdf"}))
                               @QueryParam("format") String format,
                               @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        RoleTemplate role = role(request.role());
        InterviewReport report = review.report(engine, engine.transcriptInput(role, request.level(), request.candidateName(),
                request.answers().stream().map(a -> new AssessmentEngine.TranscriptAnswer(a.question(), a.answer(),
                        a.keyPoints(), a.idealAnswer(), a.phase(), a.difficulty())).toList()));
        return ReportFormats.respond(report, format, accept);
    }

    private RoleTemplate role(String id) {
        return roles.current(id).map(RoleTemplates.Pinned::template).orElseThrow(() -> ApiProblem.badRequest("role",
                "unknown role '" + id + "'; GET /api/v1/roles lists the roles"));
    }
}
