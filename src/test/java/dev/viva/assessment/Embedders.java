package dev.viva.assessment;

import dev.viva.assessment.signal.SentenceEmbedder;

/** One embedding model for all plain unit tests: loading it costs about a second. */
public final class Embedders {

    public static final SentenceEmbedder SHARED = new SentenceEmbedder();

    private Embedders() {
    }
}
