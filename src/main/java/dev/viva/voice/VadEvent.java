package dev.viva.voice;

/** What the voice activity detector noticed. Times are milliseconds of audio since the detector started. */
public sealed interface VadEvent {

    /** Speech confirmed (at least the minimum speech length); {@code atMs} is when its first voiced window began. */
    record SpeechStarted(long atMs) implements VadEvent {
    }

    /**
     * The end-of-turn silence elapsed after speech.
     *
     * @param speechStartMs start of the first voiced window of the turn
     * @param lastVoicedMs  end of the last voiced window: the answer's real end, from which latency is measured
     * @param detectedAtMs  when the silence threshold was reached
     */
    record TurnEnded(long speechStartMs, long lastVoicedMs, long detectedAtMs) implements VadEvent {

        /** Length of the turn from first to last voiced sample. */
        public long speechMs() {
            return lastVoicedMs - speechStartMs;
        }
    }
}
