package dev.viva.assessment.service;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.AnswerAssessor;
import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.ScoredAnswer;
import dev.viva.assessment.report.ReportBuilder;
import dev.viva.assessment.signal.SentenceEmbedder;
import dev.viva.role.Level;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The offline assessment as a bean: one embedding model for the whole server, loaded at start-up so the first
 * candidate does not wait for it.
 */
@Startup
@ApplicationScoped
public class AssessmentEngine implements AnswerAssessor {

    private final AnswerScorer scorer;
    private final ReportBuilder reports;

    public AssessmentEngine() {
        this.scorer = new AnswerScorer(new SentenceEmbedder());
        this.reports = new ReportBuilder(scorer);
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
}
