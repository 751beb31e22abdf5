package dev.viva.voice.session;

import dev.viva.voice.AudioFormat;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A JSON message from the candidate's client. One shape for every {@code type}; each type reads the fields it needs
 * (docs/voice.md lists them).
 */
@RegisterForReflection(targets = {ClientMessage.class, AudioFormat.class})
public record ClientMessage(String type, String text, Integer seq, AudioFormat audio, Boolean speech, Boolean consent,
                            Boolean muted, String state, Integer audioId, Long playedMs) {

    /**
     * The message types a client may send, by their name on the wire: what {@link VoiceSession} dispatches on, and
     * what the AsyncAPI document must describe (its test reads this list).
     */
    public enum Type {
        START("start"), ANSWER("answer"), REPEAT("repeat"), CLARIFY("clarify"), DONT_KNOW("dont-know"),
        SILENCE("silence"), END("end"), MUTE("mute"), PLAYBACK("playback"), PING("ping");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Type> of(String wire) {
            return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
        }

        /** "start, answer, ... or ping", for error messages. */
        static String listed() {
            String all = Arrays.stream(values()).map(Type::wire).collect(Collectors.joining(", "));
            int last = all.lastIndexOf(", ");
            return all.substring(0, last) + " or " + all.substring(last + 2);
        }
    }
}
