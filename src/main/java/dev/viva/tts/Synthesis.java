package dev.viva.tts;

/** A synthesis under way. */
public interface Synthesis {

    /** Stops synthesis as soon as possible; no listener call starts after this returns. Idempotent. */
    void cancel();
}
