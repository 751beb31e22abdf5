package dev.viva.assessment.service;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.viva.assessment.llm.AssessmentLlmConfig;
import dev.viva.assessment.llm.LlmReportReviewer;
import dev.viva.assessment.report.InterviewReport;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Applies the optional LLM review to reports; without it (the default) reports stay as the offline assessment made them. */
@ApplicationScoped
public class ReportReview {

    private static final Logger LOG = Logger.getLogger(ReportReview.class);

    private final LlmReportReviewer reviewer;

    public ReportReview(AssessmentLlmConfig config) {
        if (!config.enabled()) {
            this.reviewer = null;
            return;
        }
        String baseUrl = config.baseUrl().orElseThrow(() -> new IllegalStateException(
                "viva.assessment.llm.enabled=true needs viva.assessment.llm.base-url (e.g. http://localhost:11434/v1)"));
        LOG.infof("Reports reviewed by model %s at %s (timeout %s, bounded to %d points)", config.model(), baseUrl,
                config.timeout(), config.maxAdjustment());
        var model = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(config.apiKey()).modelName(config.model())
                .temperature(0.0).timeout(config.timeout()).maxRetries(0).build();
        this.reviewer = new LlmReportReviewer(model, config.model(), config.timeout(), config.maxAdjustment());
    }

    public InterviewReport apply(InterviewReport report) {
        return reviewer == null ? report : reviewer.review(report);
    }
}
