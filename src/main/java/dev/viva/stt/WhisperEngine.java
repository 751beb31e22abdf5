package dev.viva.stt;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The only class that touches whisper-jni. One model context is loaded without state and shared by every session;
 * decoding states (whisper.cpp's per-run buffers, tens of MB each) are pooled and reused across sessions, at most one
 * per worker. Transcriptions run on a fixed pool of worker threads with a bounded queue, so a burst of speakers makes
 * callers wait a measured time or be refused at once, never grows memory without bound, and never blocks the caller.
 */
public final class WhisperEngine implements SpeechRecognizer, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WhisperEngine.class);
    private static final int SAMPLE_RATE = 16_000;
    /** whisper.cpp skips input shorter than one second, so short answers ("yes") are padded with silence. */
    private static final int MIN_SAMPLES = SAMPLE_RATE + SAMPLE_RATE / 10;
    /** Whisper's encoder frames: one per 20 ms; its window is 1500 (30 s). */
    private static final int SAMPLES_PER_FRAME = 320;
    private static final int FULL_CONTEXT = 1500;
    /** Frames beyond the audio when the context is fitted: with less, the decoder tends to repeat itself. */
    private static final int CONTEXT_MARGIN = 128;
    /** Whisper's annotations for non-speech: [BLANK_AUDIO], (music), *laughs*. */
    private static final Pattern NON_SPEECH = Pattern.compile("\\[[^\\]]*]|\\([^)]*\\)|\\*[^*]*\\*");
    private static final Pattern SPOKEN = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Object LIBRARY_LOCK = new Object();
    private static WhisperJNI jni;

    /**
     * How the engine uses the CPU.
     *
     * @param fitAudioContext encode only as much of Whisper's 30 s window as the audio fills, plus a margin
     */
    public record Settings(int workers, int threadsPerTranscription, int queueCapacity, String language,
                           boolean fitAudioContext) {

        public Settings {
            if (workers < 1 || threadsPerTranscription < 1 || queueCapacity < 0) {
                throw new IllegalArgumentException("workers and threads must be at least 1, queue at least 0");
            }
        }
    }

    private final WhisperContext context;
    private final GgmlModelValidator.ModelInfo model;
    private final Settings settings;
    private final ThreadPoolExecutor executor;
    private final ConcurrentLinkedQueue<WhisperState> idleStates = new ConcurrentLinkedQueue<>();
    private final AtomicInteger statesCreated = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean closed;

    private WhisperEngine(WhisperContext context, GgmlModelValidator.ModelInfo model, Settings settings) {
        this.context = context;
        this.model = model;
        this.settings = settings;
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                settings.queueCapacity() == 0 ? new SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(settings.queueCapacity()),
                task -> {
                    Thread thread = new Thread(task, "viva-stt-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Validates the file, then loads it into whisper.cpp. The validation comes first because whisper.cpp trusts the
     * sizes in the file and a bad one can abort the whole JVM.
     *
     * @throws InvalidModelException when the file is not a complete whisper.cpp model
     * @throws IOException           when the native library or whisper.cpp fails to load it
     */
    public static WhisperEngine load(Path modelFile, Settings settings) throws InvalidModelException, IOException {
        GgmlModelValidator.ModelInfo info = GgmlModelValidator.validate(modelFile);
        WhisperJNI whisper = library();
        long started = System.nanoTime();
        WhisperContext context = whisper.initNoState(modelFile);
        LOG.infof("Loaded Whisper %s model %s (%d tensors, %d MB) in %d ms; %d workers x %d threads, queue %d, "
                        + "audio context %s", info.hyperParameters().sizeName(), modelFile, info.tensors(),
                info.bytes() >> 20, (System.nanoTime() - started) / 1_000_000, settings.workers(),
                settings.threadsPerTranscription(), settings.queueCapacity(),
                settings.fitAudioContext() ? "fitted to the audio" : "full");
        return new WhisperEngine(context, info, settings);
    }

    private static WhisperJNI library() throws IOException {
        synchronized (LIBRARY_LOCK) {
            if (jni == null) {
                WhisperJNI.loadLibrary(message -> LOG.debug(message));
                WhisperJNI.setLibraryLogger(message -> LOG.debug(message.strip()));
                jni = new WhisperJNI();
                LOG.debugf("whisper.cpp system info: %s", jni.getSystemInfo());
            }
            return jni;
        }
    }

    @Override
    public boolean isAvailable() {
        return !closed;
    }

    @Override
    public boolean transcribesInPieces() {
        return true;
    }

    @Override
    public CompletionStage<Transcription> transcribe(short[] samples, Priority priority, String earlier) {
        if (closed) {
            return CompletableFuture.completedFuture(
                    new Transcription.Failed(Transcription.Reason.UNAVAILABLE, "speech recognition has shut down"));
        }
        // whisper.cpp cannot stop a run once started, so work that may be wasted only takes a worker nobody waits for,
        // and a caption always leaves one worker free for the final transcript of whoever stops speaking next
        int idleNeeded = switch (priority) {
            case FINAL -> 0;
            case SPECULATIVE -> 1;
            case PARTIAL -> 2;
        };
        if (idleNeeded > 0 && settings.workers() - pending.get() < idleNeeded) {
            return CompletableFuture.completedFuture(busy());
        }
        CompletableFuture<Transcription> result = new CompletableFuture<>();
        long enqueued = System.nanoTime();
        pending.incrementAndGet();
        try {
            executor.execute(() -> {
                Transcription outcome;
                try {
                    outcome = run(samples, earlier, enqueued);
                } catch (RuntimeException | Error e) {
                    LOG.error("Transcription failed", e);
                    outcome = new Transcription.Failed(Transcription.Reason.ENGINE_ERROR, String.valueOf(e));
                }
                pending.decrementAndGet(); // before completing, so a caller reacting to the result sees a free worker
                result.complete(outcome);
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            result.complete(busy());
        }
        return result;
    }

    private Transcription busy() {
        return new Transcription.Failed(Transcription.Reason.BUSY, "speech recognition is at capacity ("
                + settings.workers() + " running, " + settings.queueCapacity() + " waiting)");
    }

    private Transcription run(short[] samples, String earlier, long enqueuedNanos) {
        long started = System.nanoTime();
        long queueMs = (started - enqueuedNanos) / 1_000_000;
        long audioMs = samples.length * 1000L / SAMPLE_RATE;
        WhisperState state = idleStates.poll();
        if (state == null) {
            state = jni.initState(context);
            statesCreated.incrementAndGet();
        }
        try {
            float[] audio = toFloat(samples, MIN_SAMPLES);
            int rc = jni.fullWithState(context, state, params(audio.length, earlier), audio, audio.length);
            if (rc != 0) {
                return new Transcription.Failed(Transcription.Reason.ENGINE_ERROR, "whisper.cpp returned " + rc);
            }
            StringBuilder text = new StringBuilder();
            int segments = jni.fullNSegmentsFromState(state);
            for (int i = 0; i < segments; i++) {
                text.append(jni.fullGetSegmentTextFromState(state, i));
            }
            long computeMs = (System.nanoTime() - started) / 1_000_000;
            String spoken = clean(text.toString());
            return spoken.isEmpty()
                    ? new Transcription.NotUnderstood(audioMs, queueMs, computeMs)
                    : new Transcription.Heard(spoken, audioMs, queueMs, computeMs);
        } finally {
            idleStates.add(state);
        }
    }

    private WhisperFullParams params(int samples, String earlier) {
        WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.audioCtx = settings.fitAudioContext() ? audioContext(samples) : 0;
        params.nThreads = settings.threadsPerTranscription();
        params.language = settings.language();
        params.translate = false;
        // the state's own memory of earlier text would leak one answer (or a stale caption) into the next; what came
        // before in this answer is passed explicitly instead
        params.noContext = true;
        if (!earlier.isBlank()) {
            params.initialPrompt = earlier;
        }
        params.noTimestamps = true;
        params.printProgress = false;
        params.printRealtime = false;
        params.printSpecial = false;
        params.printTimestamps = false;
        params.suppressBlank = true;
        params.suppressNonSpeechTokens = true;
        params.temperature = 0f;
        // no temperature fallback: each retry re-decodes the whole window, multiplying latency in a live turn
        params.temperatureInc = 0f;
        return params;
    }

    /** Encoder frames for {@code samples} of audio with the margin, at most the whole window. */
    static int audioContext(int samples) {
        return Math.min(FULL_CONTEXT, (samples + SAMPLES_PER_FRAME - 1) / SAMPLES_PER_FRAME + CONTEXT_MARGIN);
    }

    /** Scales 16-bit samples to whisper.cpp's [-1, 1) floats, padding with silence up to {@code minLength}. */
    static float[] toFloat(short[] samples, int minLength) {
        float[] out = new float[Math.max(samples.length, minLength)];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i] / 32768f;
        }
        return out;
    }

    /** Text with Whisper's non-speech annotations removed; empty when nothing was said. */
    static String clean(String text) {
        String spoken = NON_SPEECH.matcher(text).replaceAll(" ").strip().replaceAll("\\s+", " ");
        return SPOKEN.matcher(spoken).find() ? spoken : "";
    }

    /** The loaded model's description. */
    public GgmlModelValidator.ModelInfo model() {
        return model;
    }

    /** Decoding states created so far; stays at most the worker count however many sessions come and go. */
    public int statesCreated() {
        return statesCreated.get();
    }

    /** Transcriptions queued or running right now. */
    public int pending() {
        return pending.get();
    }

    /** Waits for running transcriptions, then frees the native memory. */
    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Transcriptions still running after 30 s; leaking whisper.cpp memory rather than freeing it "
                        + "under them");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        WhisperState state;
        while ((state = idleStates.poll()) != null) {
            state.close();
        }
        context.close();
    }
}
