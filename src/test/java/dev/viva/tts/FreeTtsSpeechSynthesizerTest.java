package dev.viva.tts;

import dev.viva.testing.Configs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The application bean's states outside Quarkus: disabled, and a voice that cannot be loaded. */
class FreeTtsSpeechSynthesizerTest {

    @Test
    void disabledLoadsNothingAndAnswersEveryRequestWithAFailureAtOnce() {
        FreeTtsSpeechSynthesizer synthesizer = synthesizer(Map.of("viva.tts.enabled", "false"));
        synthesizer.onStart(null);
        assertThat(synthesizer.status()).isInstanceOf(SynthesizerStatus.Disabled.class);
        assertThat(synthesizer.isAvailable()).isFalse();
        RecordingListener recorder = new RecordingListener();
        synthesizer.synthesize("Hello.", recorder).cancel();
        assertThat(recorder.events).containsExactly("failure: text-to-speech is disabled");
        assertThat(health(synthesizer).getData().orElseThrow()).containsEntry("state", "DISABLED")
                .containsKey("effect");
    }

    @Test
    void aVoiceThatCannotBeLoadedLeavesTheServerUpWithSpeechDegraded() {
        FreeTtsSpeechSynthesizer synthesizer = synthesizer(Map.of("viva.tts.voice", "mbrola-us1"));
        assertThat(synthesizer.status()).isInstanceOf(SynthesizerStatus.Preparing.class);
        assertThat(health(synthesizer).getData().orElseThrow()).containsEntry("state", "PREPARING");
        synthesizer.load();
        assertThat(synthesizer.isAvailable()).isFalse();
        assertThat(synthesizer.status()).isInstanceOf(SynthesizerStatus.Unavailable.class);
        RecordingListener recorder = new RecordingListener();
        synthesizer.synthesize("Hello.", recorder);
        assertThat(recorder.events).singleElement().asString()
                .startsWith("failure: text-to-speech is unavailable").contains("mbrola-us1");
        HealthCheckResponse health = health(synthesizer);
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(health.getName()).isEqualTo("text-to-speech");
        assertThat(health.getData().orElseThrow()).containsEntry("state", "DEGRADED")
                .hasEntrySatisfying("reason", reason -> assertThat(reason.toString()).contains("kevin16"));
    }

    @Test
    void aBadSettingIsReportedAsTheReason() {
        FreeTtsSpeechSynthesizer synthesizer = synthesizer(Map.of("viva.tts.chunk-ms", "5"));
        synthesizer.load();
        assertThat(synthesizer.status()).isInstanceOf(SynthesizerStatus.Unavailable.class);
        assertThat(((SynthesizerStatus.Unavailable) synthesizer.status()).reason()).contains("chunk-ms");
    }

    private static FreeTtsSpeechSynthesizer synthesizer(Map<String, String> properties) {
        return new FreeTtsSpeechSynthesizer(Configs.mapping(TtsConfig.class, properties), new SimpleMeterRegistry());
    }

    private static HealthCheckResponse health(FreeTtsSpeechSynthesizer synthesizer) {
        return new SpeechSynthesisHealthCheck(synthesizer).call();
    }
}
