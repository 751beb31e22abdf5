package dev.viva.stt;

/** The outcome of transcribing one stretch of audio. */
public sealed interface Transcription {

    /** Words were recognised. Times in milliseconds: length of the audio, wait for a worker, recognition itself. */
    record Heard(String text, long audioMs, long queueMs, long computeMs) implements Transcription {
    }

    /**
     * Recognition ran but produced no words (noise, mumbling, or a model without weights): the candidate should be
     * told "sorry, I didn't catch that", never shown an empty answer.
     */
    record NotUnderstood(long audioMs, long queueMs, long computeMs) implements Transcription {
    }

    /** Recognition did not run. */
    record Failed(Reason reason, String message) implements Transcription {
    }

    /** Why recognition did not run. */
    enum Reason {
        /** No usable model: the candidate should type. */
        UNAVAILABLE,
        /** Every worker busy and the queue full: try again shortly (or type). */
        BUSY,
        /** whisper.cpp reported an error for this audio. */
        ENGINE_ERROR
    }
}
