package dev.viva.tts;

/** Text to speech, 16 kHz mono 16-bit. Implementations never block the caller. */
public interface SpeechSynthesizer {

    int SAMPLE_RATE = 16_000;

    /** Whether speech can be synthesised now (false: the client gets text only). */
    boolean isAvailable();

    /**
     * Starts synthesising text; chunks reach the listener in order on a synthesis thread. A request that cannot run
     * at all (unavailable, {@link SpeechListener#BUSY busy}) gets {@link SpeechListener#onFailure} on the caller's
     * thread before this returns.
     */
    Synthesis synthesize(String text, SpeechListener listener);
}
