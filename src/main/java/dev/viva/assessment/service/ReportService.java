package dev.viva.assessment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.TurnDetails;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.report.ReportBuilder;
import dev.viva.interview.Interview;
import dev.viva.interview.InterviewEvent;
import dev.viva.interview.QuestionSource;
import dev.viva.interview.StoredReport;
import dev.viva.interview.Turn;
import dev.viva.interview.service.InterviewService;
import dev.viva.platform.error.ApiProblem;
import dev.viva.role.Phase;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplates;
import dev.viva.role.RoleTemplate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finalises reports: when an interview completes (or is abandoned part-way) its report is built from the committed
 * turns and stored, and {@link InterviewEvent.ReportReady} is fired in the same transaction, so the webhook announcing
 * it commits with it. Also regenerates on demand.
 */
@ApplicationScoped
public class ReportService {

    private static final Logger LOG = Logger.getLogger(ReportService.class);

    /** Turns whose answer is not a judgement of skill: silence, the candidate's own questions, asking to repeat. */
    private static final Set<String> UNSCORED_INTENTS = Set.of("EMPTY", "ROLE_QUESTION", "REPEAT", "CLARIFY",
            "NOTHING_MORE");

    private final AssessmentEngine engine;
    private final ReportReview review;
    private final InterviewService interviews;
    private final RoleTemplates roles;
    private final Instance<TurnDetails> turnDetails;
    private final Event<InterviewEvent> events;
    private final ObjectMapper json;
    private final ManagedExecutor executor;

    public ReportService(AssessmentEngine engine, ReportReview review, InterviewService interviews, RoleTemplates roles,
                         Instance<TurnDetails> turnDetails, Event<InterviewEvent> events, ObjectMapper json,
                         ManagedExecutor executor) {
        this.engine = engine;
        this.review = review;
        this.interviews = interviews;
        this.roles = roles;
        this.turnDetails = turnDetails;
        this.events = events;
        this.json = json;
        this.executor = executor;
    }

    // Reports of ended interviews are produced by ReportFinaliser from the durable report_job rows (exactly once,
    // surviving a crash); generate() below is what it and on-demand regeneration call.

    /** Builds, stores and announces the report of an interview; returns it. */
    public InterviewReport generate(UUID interviewId) {
        // read, then assess outside any transaction: with the LLM configured, assessing takes several model calls,
        // longer than a transaction may stay open or a pooled connection should sit idle
        ReportBuilder.TranscriptInput in = QuarkusTransaction.requiringNew().call(() -> {
            Interview interview = interviews.get(interviewId);
            RoleTemplate role = roles.pinned(interview.roleId, interview.roleVersion);
            return input(interview, role, interviews.transcript(interviewId));
        });
        InterviewReport report = review.report(engine, in);
        return QuarkusTransaction.requiringNew().call(() -> {
            // still there: an interview deleted meanwhile is a 404, as it would have been a moment earlier
            interviews.get(interviewId);
            StoredReport stored = StoredReport.findById(interviewId, LockModeType.PESSIMISTIC_WRITE);
            InterviewReport kept = report;
            if (stored == null) {
                stored = new StoredReport();
                stored.interviewId = interviewId;
            } else if (stored.schemaVersion == InterviewReport.SCHEMA_VERSION) {
                // a recruiter's overrides are their judgement, not the scorer's: a rebuilt report keeps them
                kept = report.withOverrides(ReportOverrides.carriedOver(read(stored), report));
            }
            stored.schemaVersion = InterviewReport.SCHEMA_VERSION;
            stored.body = write(kept);
            stored.generatedAt = kept.generatedAt();
            stored.persist();
            events.fire(new InterviewEvent.ReportReady(interviewId, Instant.now()));
            return kept;
        });
    }

    private ReportBuilder.TranscriptInput input(Interview interview, RoleTemplate role, List<Turn> turns) {
        Map<UUID, TurnDetails.Detail> details = turnDetails.isResolvable()
                ? turnDetails.get().forInterview(interview.id) : Map.of();
        List<ReportBuilder.Entry> entries = new ArrayList<>();
        List<String> forRecruiter = new ArrayList<>();
        List<String> lastBankDimensions = null;
        // a follow-up probes the bank question before it: a story's follow-up is judged as part of a story
        QuestionKind lastBankKind = QuestionKind.TECHNICAL;
        for (Turn t : turns) {
            TurnDetails.Detail d = details.get(t.id);
            if (d != null && d.forRecruiter() && t.answerText != null) {
                forRecruiter.add(t.answerText);
            }
            boolean roleAnswer = d != null && "role-answer".equals(d.kind());
            QuestionSpec spec = t.questionSource == QuestionSource.BANK && t.questionId != null
                    ? role.question(t.questionId).map(q -> QuestionSpec.of(role, q)).orElse(null) : null;
            if (spec == null) {
                List<String> keyPoints = d == null || d.keyPoints() == null ? List.of() : d.keyPoints();
                // a follow-up probes the bank question before it, so it informs the same dimensions
                List<String> dims = lastBankDimensions != null ? lastBankDimensions : dimensionsOf(t, role);
                // after the interviewer answered the candidate's question, or anywhere in the wrap-up, the reply is
                // the candidate's turn ("no, that's all from me"), not an answer to an exam question
                boolean candidatesTurn = t.phase == Phase.WRAP_UP || roleAnswer;
                spec = new QuestionSpec(t.questionText, candidatesTurn ? QuestionKind.CONVERSATIONAL : lastBankKind, dims,
                        keyPoints, List.of(), null);
            } else {
                lastBankDimensions = spec.dimensions();
                lastBankKind = spec.kind() == QuestionKind.CONVERSATIONAL ? QuestionKind.TECHNICAL : spec.kind();
            }
            if (!spec.text().equals(t.questionText)) {
                // the interviewer may phrase a bank question in the persona's words; the rubric stays the bank's
                spec = new QuestionSpec(t.questionText, spec.kind(), spec.dimensions(), spec.keyPoints(),
                        spec.criteria(), spec.misconceptions(), spec.idealAnswer(), spec.domain(), spec.rivals());
            }
            boolean scored = t.answerText != null && (d == null || d.intent() == null
                    || !UNSCORED_INTENTS.contains(d.intent())) && !roleAnswer;
            entries.add(new ReportBuilder.Entry(t.seq, t.phase, t.difficulty, spec, t.questionSource.name(),
                    t.questionId, t.answerText, t.inputMode == null ? null : t.inputMode.name(), scored,
                    d == null ? null : d.ability()));
        }
        return new ReportBuilder.TranscriptInput(interview.id, role, interview.level, interview.candidateName,
                interview.status.name(), interview.startedAt, interview.endedAt, entries,
                interview.endReason == null ? null : interview.endReason.name(), forRecruiter, interview.roleVersion);
    }

    /** A generated question informs what the bank questions of its phase inform, or the heaviest dimension. */
    private static List<String> dimensionsOf(Turn t, RoleTemplate role) {
        List<String> dims = role.questions().stream().filter(q -> q.phase() == t.phase)
                .flatMap(q -> q.dimensions().stream()).distinct().toList();
        if (!dims.isEmpty()) {
            return dims.subList(0, Math.min(2, dims.size()));
        }
        return role.dimensions().stream().max((a, b) -> a.weight() - b.weight())
                .map(d -> List.of(d.id())).orElse(List.of());
    }

    /** A stored report as the current schema; 409 for one of an older schema, which a regeneration brings up to date. */
    public InterviewReport read(StoredReport stored) {
        if (stored.schemaVersion != InterviewReport.SCHEMA_VERSION) {
            throw ApiProblem.conflict("the stored report has schema v" + stored.schemaVersion + "; a POST to "
                    + "/api/v1/interviews/" + stored.interviewId + "/report regenerates it as v"
                    + InterviewReport.SCHEMA_VERSION);
        }
        try {
            return json.readValue(stored.body, InterviewReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report of " + stored.interviewId + " is unreadable", e);
        }
    }

    private String write(InterviewReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is plain records and always serialises", e);
        }
    }
}
