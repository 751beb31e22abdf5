package dev.viva.assessment.service;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.AnswerAssessor;
import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.ScoredAnswer;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.report.ReportBuilder;
import dev.viva.assessment.signal.Criteria;
import dev.viva.assessment.signal.Relevance;
import dev.viva.assessment.signal.SentenceEmbedder;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import dev.viva.role.RoleTemplate;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The offline assessment as a bean: one embedding model for the whole server, loaded at start-up so the first
 * candidate does not wait for it.
 */
@Startup
@ApplicationScoped
public class AssessmentEngine implements AnswerAssessor {

    /**
     * One answer of a transcript recorded elsewhere; the rubric, phase and difficulty are optional, and a question
     * asked word for word from the role's bank takes the bank's.
     */
    public record TranscriptAnswer(String question, String answer, List<String> keyPoints, String idealAnswer,
                                   Phase phase, Integer difficulty) {
    }

    private final AnswerScorer scorer;
    private final ReportBuilder reports;
    private final QuestionProfiler profiler;

    public AssessmentEngine() {
        this(new SentenceEmbedder(), new SentenceEmbedder(SentenceEmbedder.Model.E5_SMALL));
    }

    /**
     * @param embedder symmetric sentence model (MiniLM): alignment, misconceptions, profiles
     * @param e5       question-to-passage model: relevance
     */
    public AssessmentEngine(SentenceEmbedder embedder, SentenceEmbedder e5) {
        this.scorer = new AnswerScorer(embedder, new Relevance(e5));
        this.reports = new ReportBuilder(scorer);
        this.profiler = new QuestionProfiler(embedder);
    }

    @Override
    public AnswerAssessment assess(String roleId, Level level, QuestionSpec question, String answer) {
        return scorer.score(question, answer).assessment();
    }

    public ScoredAnswer score(QuestionSpec question, String answer) {
        return scorer.score(question, answer);
    }

    public ReportBuilder reports() {
        return reports;
    }

    /** The spec of a question from outside the bank: its kind and dimensions inferred from its text. */
    public QuestionSpec profile(RoleTemplate role, String question, List<String> keyPoints, String idealAnswer) {
        return profiler.profile(role, question, keyPoints, idealAnswer);
    }

    /** The report of a transcript assessed after the fact: no interview, no timing, every answer scored. */
    public InterviewReport assessTranscript(RoleTemplate role, Level level, String candidateName,
                                            List<TranscriptAnswer> answers) {
        return assessTranscript(role, level, candidateName, answers, null, null);
    }

    /** As above, for a transcript whose interview times are known (the report then gives its date and length). */
    public InterviewReport assessTranscript(RoleTemplate role, Level level, String candidateName,
                                            List<TranscriptAnswer> answers, Instant startedAt, Instant endedAt) {
        return reports.build(transcriptInput(role, level, candidateName, answers, startedAt, endedAt),
                InterviewReport.Method.offline());
    }

    /**
     * What the report of a transcript is built from: each question with the bank's rubric, the caller's, or its
     * offline profile (the LLM, when configured, may then write rubrics for those left without one).
     */
    public ReportBuilder.TranscriptInput transcriptInput(RoleTemplate role, Level level, String candidateName,
                                                         List<TranscriptAnswer> answers) {
        return transcriptInput(role, level, candidateName, answers, null, null);
    }

    private ReportBuilder.TranscriptInput transcriptInput(RoleTemplate role, Level level, String candidateName,
                                                          List<TranscriptAnswer> answers, Instant startedAt,
                                                          Instant endedAt) {
        List<ReportBuilder.Entry> entries = new ArrayList<>();
        int seq = 1;
        for (TranscriptAnswer a : answers) {
            Optional<RoleTemplate.Question> bank = bankQuestion(role, a.question());
            QuestionSpec spec = bank.map(q -> QuestionSpec.of(role, q))
                    .orElseGet(() -> profile(role, a.question(), a.keyPoints(), a.idealAnswer()));
            if (bank.isPresent() && (a.keyPoints() != null || a.idealAnswer() != null)) {
                List<List<String>> sent = a.keyPoints() == null ? null : Criteria.split(a.keyPoints());
                spec = new QuestionSpec(spec.text(), spec.kind(), spec.dimensions(),
                        sent != null ? sent.get(0) : spec.keyPoints(), sent != null ? sent.get(1) : spec.criteria(),
                        spec.misconceptions(), a.idealAnswer() != null ? a.idealAnswer() : spec.idealAnswer(),
                        spec.domain(), spec.rivals());
            }
            Phase phase = a.phase() != null ? a.phase() : bank.map(RoleTemplate.Question::phase).orElse(Phase.FOUNDATION);
            int difficulty = a.difficulty() != null ? a.difficulty() : bank.map(RoleTemplate.Question::difficulty).orElse(3);
            entries.add(new ReportBuilder.Entry(seq++, phase, difficulty, spec, bank.isPresent() ? "BANK" : "GENERATED",
                    bank.map(RoleTemplate.Question::id).orElse(null), a.answer(), "TEXT", true, null));
        }
        return new ReportBuilder.TranscriptInput(null, role, level, candidateName, "ASSESSED", startedAt, endedAt,
                entries);
    }

    /** A question asked word for word from the bank is assessed with the bank's rubric. */
    public static Optional<RoleTemplate.Question> bankQuestion(RoleTemplate role, String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return role.questions().stream().filter(q -> q.text().strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
