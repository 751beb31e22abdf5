package dev.viva.tts;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;

/**
 * The application's speech synthesizer. The voices are loaded on a background thread at start-up so the server
 * accepts connections at once; until they are ready, or if they never load, {@link #isAvailable()} is false and
 * clients get the interviewer's text only.
 */
@ApplicationScoped
public class FreeTtsSpeechSynthesizer implements SpeechSynthesizer {

    private static final Logger LOG = Logger.getLogger(FreeTtsSpeechSynthesizer.class);

    private final TtsConfig config;
    private final MeterRegistry registry;
    private volatile SynthesizerStatus status;
    private volatile FreeTtsEngine engine;

    FreeTtsSpeechSynthesizer(TtsConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.status = config.enabled() ? new SynthesizerStatus.Preparing("waiting for start-up")
                : new SynthesizerStatus.Disabled();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            Thread.ofPlatform().name("viva-tts-loading").daemon().start(this::load);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        FreeTtsEngine current = engine;
        engine = null;
        if (current != null) {
            current.close();
        }
    }

    /** Loads the voices on the calling thread; start-up runs it in the background. */
    void load() {
        status = new SynthesizerStatus.Preparing("loading FreeTTS voice " + config.voice());
        try {
            FreeTtsEngine.Settings settings = FreeTtsEngine.Settings.of(config);
            engine = FreeTtsEngine.load(settings, registry);
            status = new SynthesizerStatus.Ready(settings.voice(), settings.workers());
        } catch (IOException | RuntimeException | LinkageError e) { // LinkageError: FreeTTS classes missing
            LOG.warnf("Text-to-speech DEGRADED, the interviewer's questions go out as text only: %s", e.getMessage());
            status = new SynthesizerStatus.Unavailable(String.valueOf(e.getMessage()));
        }
    }

    /** Where loading stands, for the health check. */
    public SynthesizerStatus status() {
        return status;
    }

    @Override
    public boolean isAvailable() {
        FreeTtsEngine current = engine;
        return current != null && current.isAvailable();
    }

    @Override
    public Synthesis synthesize(String text, SpeechListener listener) {
        FreeTtsEngine current = engine;
        if (current != null) {
            return current.synthesize(text, listener);
        }
        listener.onFailure(switch (status) {
            case SynthesizerStatus.Disabled disabled -> "text-to-speech is disabled";
            case SynthesizerStatus.Preparing preparing -> "text-to-speech is still loading";
            case SynthesizerStatus.Unavailable unavailable -> "text-to-speech is unavailable: " + unavailable.reason();
            case SynthesizerStatus.Ready ready -> "text-to-speech has shut down";
        });
        return FreeTtsEngine.REFUSED;
    }
}
