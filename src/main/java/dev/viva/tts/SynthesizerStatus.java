package dev.viva.tts;

/** Whether the interviewer can speak. */
public sealed interface SynthesizerStatus {

    /** Turned off by {@code viva.tts.enabled=false}. */
    record Disabled() implements SynthesizerStatus {
    }

    /** Start-up is still loading the voice. */
    record Preparing(String activity) implements SynthesizerStatus {
    }

    /** The voice is loaded and speaking. */
    record Ready(String voice, int workers) implements SynthesizerStatus {
    }

    /** The voice could not be loaded; {@code reason} says why. Clients get the interviewer's text only. */
    record Unavailable(String reason) implements SynthesizerStatus {
    }
}
