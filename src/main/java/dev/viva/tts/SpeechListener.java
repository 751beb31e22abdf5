package dev.viva.tts;

/**
 * Receives one synthesis. Calls come one at a time on a synthesis worker, so they must return quickly (hand the audio
 * to the connection and return) and must not wait for a lock held by a thread that may call {@link Synthesis#cancel()}:
 * cancel waits for a call in progress.
 */
public interface SpeechListener {

    /** The {@link #onFailure} reason when every worker is busy and the queue is full: retry later or send text only. */
    String BUSY = "busy";

    /** In order; never after cancel() returned. */
    void onChunk(SpeechChunk chunk);

    /** After the last chunk; not called once cancelled. */
    void onComplete();

    /** Synthesis could not run or broke; no more calls after it. */
    void onFailure(String reason);
}
