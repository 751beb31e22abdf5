package dev.viva.assessment.service;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.viva.assessment.llm.AssessmentLlmConfig;
import dev.viva.assessment.llm.LlmAssessment;
import dev.viva.assessment.llm.LlmGrader;
import dev.viva.assessment.llm.LlmReportReviewer;
import dev.viva.assessment.llm.LlmRubrics;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.report.ReportBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;

/**
 * Builds reports with the optional LLM (rubrics for questions without one, bounded grades, the review); without it
 * (the default) reports are exactly what the offline assessment makes, and no model is ever called.
 */
@ApplicationScoped
public class ReportReview {

    private static final Logger LOG = Logger.getLogger(ReportReview.class);

    private final LlmAssessment llm;

    public ReportReview(AssessmentLlmConfig config, DataSource dataSource) {
        if (!config.enabled()) {
            this.llm = null;
            return;
        }
        String baseUrl = config.baseUrl().orElseThrow(() -> new IllegalStateException(
                "viva.assessment.llm.enabled=true needs viva.assessment.llm.base-url (e.g. http://localhost:11434/v1)"));
        LOG.infof("Reports assessed with model %s at %s (rubrics %s, grading %s bounded to %d points, review bounded to"
                        + " %d points, timeout %s per call)", config.model(), baseUrl, config.rubrics() ? "on" : "off",
                config.grading() ? "on" : "off", config.gradeMaxAdjustment(), config.maxAdjustment(), config.timeout());
        var model = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(config.apiKey()).modelName(config.model())
                .temperature(0.0).timeout(config.timeout()).maxRetries(0).build();
        this.llm = new LlmAssessment(
                config.rubrics() ? new LlmRubrics(model, config.model(), config.timeout(), dataSource,
                        config.rubricRetryAfter()) : null,
                config.grading() ? new LlmGrader(model, config.timeout(), config.gradeMaxAdjustment()) : null,
                new LlmReportReviewer(model, config.model(), config.timeout(), config.maxAdjustment()),
                config.model(), config.concurrency());
    }

    /** The report of a transcript: offline, or with the LLM's bounded and verified help when it is configured. */
    public InterviewReport report(AssessmentEngine engine, ReportBuilder.TranscriptInput in) {
        return llm == null ? engine.reports().build(in, InterviewReport.Method.offline()) : llm.report(engine, in);
    }
}
