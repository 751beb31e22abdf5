package dev.viva.interviewer.service;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.viva.interviewer.InterviewerConfig;
import dev.viva.interviewer.generation.LlmReplyGenerator;
import dev.viva.interviewer.generation.OfflineReplyGenerator;
import dev.viva.interviewer.generation.ReplyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** The generator the configuration asks for; the LLM one always wraps the offline one as its fallback. */
@ApplicationScoped
public class GeneratorProducer {

    private static final Logger LOG = Logger.getLogger(GeneratorProducer.class);

    @Produces
    @ApplicationScoped
    ReplyGenerator generator(InterviewerConfig config) {
        OfflineReplyGenerator offline = new OfflineReplyGenerator();
        if (config.generator() == InterviewerConfig.GeneratorKind.OFFLINE) {
            return offline;
        }
        InterviewerConfig.Llm llm = config.llm();
        String baseUrl = llm.baseUrl().orElseThrow(() -> new IllegalStateException(
                "viva.interviewer.generator=llm needs viva.interviewer.llm.base-url (e.g. http://localhost:11434/v1)"));
        LOG.infof("Interviewer follow-ups worded by model %s at %s (timeout %s, offline fallback)", llm.model(),
                baseUrl, llm.timeout());
        return new LlmReplyGenerator(model(llm, baseUrl), offline, llm.timeout());
    }

    /** An OpenAI-compatible chat model; retries are off because the latency budget has no room for them. */
    public static OpenAiChatModel model(InterviewerConfig.Llm llm, String baseUrl) {
        return OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(llm.apiKey())
                .modelName(llm.model())
                .temperature(llm.temperature())
                .maxTokens(llm.maxTokens())
                .timeout(llm.timeout())
                .maxRetries(0)
                .build();
    }
}
