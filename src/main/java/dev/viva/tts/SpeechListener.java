package dev.viva.tts;

/** Receives one synthesis as it is produced. */
public interface SpeechListener {

    /** The next chunk, in order; never called after {@link Synthesis#cancel()} returned. */
    void onChunk(SpeechChunk chunk);

    /** After the last chunk; not called once cancelled. */
    void onComplete();

    /** Synthesis could not run or broke; no more calls follow. */
    void onFailure(String reason);
}
