package dev.viva.stt;

import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Runs the application with the deterministic speech-to-text double instead of Whisper, which cannot recognise
 * anything here (no weights): tests inject {@link Recognizer} and teach it clips or script the next answers. The
 * interviewer's audio is sent as fast as it is synthesised (a playback lead of two minutes), so a test client that
 * reports "played" can answer without waiting out each utterance in real time.
 */
public class ScriptedSpeechProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(Recognizer.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("viva.voice.playback-lead", "PT2M");
    }

    /** The double as the application's {@link SpeechRecognizer}; enabled only by this profile. */
    @Alternative
    @ApplicationScoped
    public static class Recognizer implements SpeechRecognizer {

        private final ScriptedSpeechRecognizer scripted = new ScriptedSpeechRecognizer();

        public ScriptedSpeechRecognizer scripted() {
            return scripted;
        }

        @Override
        public boolean isAvailable() {
            return scripted.isAvailable();
        }

        @Override
        public CompletionStage<Transcription> transcribe(short[] samples, Priority priority, String context) {
            return scripted.transcribe(samples, priority, context);
        }
    }
}
