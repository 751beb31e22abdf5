package dev.viva.voice.session;

import dev.viva.voice.AudioFormat;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A JSON message from the candidate's client. One shape for every {@code type}; each type reads the fields it needs
 * (docs/voice.md lists them).
 */
@RegisterForReflection(targets = {ClientMessage.class, AudioFormat.class})
public record ClientMessage(String type, String text, Integer seq, AudioFormat audio, Boolean speech, Boolean consent,
                            Boolean muted, String state, Integer audioId, Long playedMs) {
}
