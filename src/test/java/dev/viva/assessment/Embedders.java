package dev.viva.assessment;

import dev.viva.assessment.service.AnswerScorer;
import dev.viva.assessment.signal.Relevance;
import dev.viva.assessment.signal.SentenceEmbedder;

/** One pair of embedding models for all plain unit tests: loading them costs a second or two. */
public final class Embedders {

    public static final SentenceEmbedder SHARED = new SentenceEmbedder();
    public static final SentenceEmbedder E5 = new SentenceEmbedder(SentenceEmbedder.Model.E5_SMALL);

    private Embedders() {
    }

    public static AnswerScorer scorer() {
        return new AnswerScorer(SHARED, new Relevance(E5));
    }
}
