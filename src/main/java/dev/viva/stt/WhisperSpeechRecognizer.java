package dev.viva.stt;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The application's speech recognizer. The model is provisioned (found, downloaded, validated, loaded) on a
 * background thread at start-up so the server accepts connections at once; until it is ready, or if it never
 * becomes usable, {@link #isAvailable()} is false and the voice pipeline asks candidates to type.
 */
@ApplicationScoped
public class WhisperSpeechRecognizer implements SpeechRecognizer {

    private static final Logger LOG = Logger.getLogger(WhisperSpeechRecognizer.class);

    private final SttConfig config;
    private final MeterRegistry registry;
    private volatile ModelStatus status = new ModelStatus.Preparing("waiting for start-up");
    private volatile WhisperEngine engine;

    WhisperSpeechRecognizer(SttConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        Thread.ofPlatform().name("viva-stt-provisioning").daemon().start(this::prepare);
    }

    void onStop(@Observes ShutdownEvent event) {
        WhisperEngine current = engine;
        engine = null;
        if (current != null) {
            current.close();
        }
    }

    private void prepare() {
        status = new ModelStatus.Preparing("locating model " + config.model());
        ModelStatus provisioned = new ModelProvisioner(config).provision();
        if (provisioned instanceof ModelStatus.Ready ready) {
            try {
                engine = WhisperEngine.load(ready.file(), settings());
            } catch (InvalidModelException | IOException | RuntimeException e) {
                provisioned = new ModelStatus.Unavailable("whisper.cpp could not load " + ready.file() + ": "
                        + e.getMessage());
            }
        }
        if (provisioned instanceof ModelStatus.Unavailable unavailable) {
            LOG.warnf("Speech recognition DEGRADED, candidates will be asked to type: %s", unavailable.reason());
        }
        status = provisioned;
    }

    WhisperEngine.Settings settings() {
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = config.workers().orElse(cores);
        int threads = config.threadsPerTranscription().orElse(Math.max(1, cores / Math.max(1, workers)));
        return new WhisperEngine.Settings(workers, threads, config.queueCapacity(), config.language(),
                config.audioContext() == SttConfig.AudioContext.FIT);
    }

    /** Where model provisioning stands, for the health check. */
    public ModelStatus status() {
        return status;
    }

    @Override
    public boolean isAvailable() {
        WhisperEngine current = engine;
        return current != null && current.isAvailable();
    }

    @Override
    public boolean transcribesInPieces() {
        return true;
    }

    @Override
    public CompletionStage<Transcription> transcribe(short[] samples, Priority priority, String context) {
        WhisperEngine current = engine;
        if (current == null) {
            return CompletableFuture.completedFuture(new Transcription.Failed(Transcription.Reason.UNAVAILABLE,
                    "speech recognition is unavailable; please type your answer"));
        }
        String kind = priority.name().toLowerCase();
        return current.transcribe(samples, priority, context).thenApply(result -> {
            switch (result) {
                case Transcription.Heard heard -> record(kind, "heard", heard.queueMs(), heard.computeMs());
                case Transcription.NotUnderstood none -> record(kind, "not-understood", none.queueMs(),
                        none.computeMs());
                case Transcription.Failed failed -> registry.counter("viva.stt.failures", "priority", kind,
                        "reason", failed.reason().name().toLowerCase()).increment();
            }
            return result;
        });
    }

    private void record(String kind, String outcome, long queueMs, long computeMs) {
        Timer.builder("viva.stt.queue").description("Wait for a transcription worker").tag("priority", kind)
                .register(registry).record(queueMs, TimeUnit.MILLISECONDS);
        Timer.builder("viva.stt.compute").description("Whisper transcription time").tag("priority", kind)
                .tag("outcome", outcome).register(registry).record(computeMs, TimeUnit.MILLISECONDS);
    }
}
