package dev.viva.assessment.rest;

import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.report.ReportBuilder;
import dev.viva.assessment.service.AssessmentEngine;
import dev.viva.assessment.service.ReportReview;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.role.Phase;
import dev.viva.role.QuestionKind;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.viva.assessment.rest.AssessmentViews.AnswerRequest;
import static dev.viva.assessment.rest.AssessmentViews.AnswerView;
import static dev.viva.assessment.rest.AssessmentViews.TranscriptAnswer;
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
        Optional<RoleTemplate.Question> bank = bankQuestion(role, request.question());
        List<String> dims = request.dimensions() != null && !request.dimensions().isEmpty() ? request.dimensions()
                : bank.map(RoleTemplate.Question::dimensions).orElse(List.of(heaviest(role)));
        for (String d : dims) {
            if (role.dimension(d).isEmpty()) {
                throw ApiProblem.badRequest("dimensions", "unknown dimension '" + d + "' for role " + role.id());
            }
        }
        QuestionSpec spec = new QuestionSpec(request.question(),
                request.kind() != null ? request.kind() : bank.map(RoleTemplate.Question::kind).orElse(QuestionKind.TECHNICAL),
                dims,
                request.keyPoints() != null ? request.keyPoints() : bank.map(RoleTemplate.Question::keyPoints).orElse(List.of()),
                request.misconceptions() != null ? request.misconceptions()
                        : bank.map(RoleTemplate.Question::misconceptions).orElse(List.of()),
                request.idealAnswer() != null ? request.idealAnswer() : bank.map(RoleTemplate.Question::idealAnswer).orElse(null));
        return AnswerView.of(engine.score(spec, request.answer()));
    }

    @POST
    @Path("/transcripts")
    @Produces({MediaType.APPLICATION_JSON, "text/markdown", MediaType.TEXT_HTML})
    public Response transcript(@NotNull(message = "a JSON body is required") @Valid TranscriptRequest request,
                               @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        RoleTemplate role = role(request.role());
        List<ReportBuilder.Entry> entries = new ArrayList<>();
        int seq = 1;
        for (TranscriptAnswer a : request.answers()) {
            Optional<RoleTemplate.Question> bank = bankQuestion(role, a.question());
            QuestionSpec spec = bank.map(QuestionSpec::of).orElseGet(() -> new QuestionSpec(a.question(),
                    QuestionKind.TECHNICAL, List.of(heaviest(role)), a.keyPoints(), List.of(), a.idealAnswer()));
            if (bank.isPresent() && (a.keyPoints() != null || a.idealAnswer() != null)) {
                spec = new QuestionSpec(spec.text(), spec.kind(), spec.dimensions(),
                        a.keyPoints() != null ? a.keyPoints() : spec.keyPoints(), spec.misconceptions(),
                        a.idealAnswer() != null ? a.idealAnswer() : spec.idealAnswer());
            }
            Phase phase = a.phase() != null ? a.phase() : bank.map(RoleTemplate.Question::phase).orElse(Phase.FOUNDATION);
            int difficulty = a.difficulty() != null ? a.difficulty() : bank.map(RoleTemplate.Question::difficulty).orElse(3);
            entries.add(new ReportBuilder.Entry(seq++, phase, difficulty, spec, bank.isPresent() ? "BANK" : "GENERATED",
                    bank.map(RoleTemplate.Question::id).orElse(null), a.answer(), "TEXT", true, null));
        }
        InterviewReport report = review.apply(engine.reports().build(new ReportBuilder.TranscriptInput(null, role,
                request.level(), request.candidateName(), "ASSESSED", null, null, entries), InterviewReport.Method.offline()));
        return ReportFormats.respond(report, format, accept);
    }

    private RoleTemplate role(String id) {
        return roles.find(id).orElseThrow(() -> ApiProblem.badRequest("role",
                "unknown role '" + id + "'; GET /api/v1/roles lists the roles"));
    }

    /** A question asked word for word from the bank is assessed with the bank's rubric. */
    private static Optional<RoleTemplate.Question> bankQuestion(RoleTemplate role, String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return role.questions().stream().filter(q -> q.text().strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    private static String heaviest(RoleTemplate role) {
        return role.dimensions().stream().max((a, b) -> a.weight() - b.weight()).orElseThrow().id();
    }
}
