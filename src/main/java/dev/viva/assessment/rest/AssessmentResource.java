package dev.viva.assessment.rest;

import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.signal.Criteria;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.service.AssessmentEngine;
import dev.viva.assessment.service.ReportReview;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.role.RoleCatalog;
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

import java.util.List;
import java.util.Optional;

import static dev.viva.assessment.rest.AssessmentViews.AnswerRequest;
import static dev.viva.assessment.rest.AssessmentViews.AnswerView;
import static dev.viva.assessment.rest.AssessmentViews.TranscriptRequest;

/** Stateless assessment: score an answer, or a whole transcript recorded elsewhere, without an interview. */
@Path("/api/v1/assessments")
@RecruiterOnly
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private final AssessmentEngine engine;
    private final ReportReview review;
    private final RoleCatalog roles;

    public AssessmentResource(AssessmentEngine engine, ReportReview review, RoleCatalog roles) {
        this.engine = engine;
        this.review = review;
        this.roles = roles;
    }

    @POST
    @Path("/answers")
    @Produces(MediaType.APPLICATION_JSON)
    public AnswerView answer(@NotNull(message = "a JSON body is required") @Valid AnswerRequest request) {
        RoleTemplate role = role(request.role());
        Optional<RoleTemplate.Question> bank = AssessmentEngine.bankQuestion(role, request.question());
        // without a bank question or dimensions, the question's own text says what it is about
        QuestionSpec profiled = bank.isPresent() ? QuestionSpec.of(bank.get())
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
    @Produces({MediaType.APPLICATION_JSON, "text/markdown", MediaType.TEXT_HTML})
    public Response transcript(@NotNull(message = "a JSON body is required") @Valid TranscriptRequest request,
                               @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        RoleTemplate role = role(request.role());
        InterviewReport report = review.report(engine, engine.transcriptInput(role, request.level(), request.candidateName(),
                request.answers().stream().map(a -> new AssessmentEngine.TranscriptAnswer(a.question(), a.answer(),
                        a.keyPoints(), a.idealAnswer(), a.phase(), a.difficulty())).toList()));
        return ReportFormats.respond(report, format, accept);
    }

    private RoleTemplate role(String id) {
        return roles.find(id).orElseThrow(() -> ApiProblem.badRequest("role",
                "unknown role '" + id + "'; GET /api/v1/roles lists the roles"));
    }
}
