package dev.viva.tts;

/** One synthesis in progress. */
public interface Synthesis {

    /**
     * Stops synthesis as soon as possible; no listener call starts after this returns. Idempotent. A listener call in
     * progress on another thread is waited for; called from inside the listener, it returns at once.
     */
    void cancel();
}
