package dev.viva.interviewer.service;

import dev.viva.interviewer.InterviewerConfig;
import dev.viva.interviewer.generation.InterviewerModel;
import dev.viva.interviewer.generation.LlmReplyGenerator;
import dev.viva.interviewer.generation.OfflineReplyGenerator;
import dev.viva.interviewer.generation.ReplyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The generator the configuration asks for; the LLM one always wraps the offline one as its fallback. The model is
 * looked up only when it is asked for, so a server worded offline (the default) never creates the OpenAI client and
 * needs no API key.
 */
@ApplicationScoped
public class GeneratorProducer {

    private static final Logger LOG = Logger.getLogger(GeneratorProducer.class);

    @Produces
    @ApplicationScoped
    ReplyGenerator generator(InterviewerConfig config, Instance<InterviewerModel> model,
                             @ConfigProperty(name = "quarkus.langchain4j.openai.base-url") String baseUrl,
                             @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.model-name") String name,
                             @ConfigProperty(name = "quarkus.langchain4j.openai.api-key") String apiKey) {
        OfflineReplyGenerator offline = new OfflineReplyGenerator();
        if (config.generator() == InterviewerConfig.GeneratorKind.OFFLINE) {
            return offline;
        }
        InterviewerConfig.Llm llm = config.llm();
        if ("none".equals(apiKey) && baseUrl.contains("api.openai.com")) {
            // not fatal: every follow-up then falls back to the offline wording, with the reason on the turn
            LOG.warn("viva.interviewer.generator=llm talks to OpenAI without quarkus.langchain4j.openai.api-key: set "
                    + "the key, or quarkus.langchain4j.openai.base-url for a local server (Ollama, vLLM, llama.cpp)");
        }
        LOG.infof("Interviewer follow-ups worded by model %s at %s (%s; offline fallback)", name, baseUrl,
                llm.stream() ? "streamed into speech, first sentence within " + llm.firstSentenceWithin()
                        + ", stall after " + llm.stallAfter() : "whole replies");
        return new LlmReplyGenerator(model.get(), offline, llm);
    }
}
