package dev.viva.tts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Synthesis on a fixed pool of workers, each owning one FreeTTS voice, with a bounded queue: a burst of speakers
 * waits a bounded time or is refused at once as {@link SpeechListener#BUSY}, and never grows memory without bound.
 * An utterance is split into segments that are synthesised one after the other on its worker, each streamed as soon as
 * it is ready; segments heard before come from the cache and stream the same way.
 */
final class FreeTtsEngine implements SpeechSynthesizer, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FreeTtsEngine.class);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** What a refused request gets back: there is nothing to cancel. */
    static final Synthesis REFUSED = () -> {
    };

    /** How the engine uses CPU and memory, and how it cuts audio; see {@link TtsConfig} for each default's reason. */
    record Settings(String voice, int workers, int queueCapacity, long cacheBytes, int chunkMs, int maxSegmentChars,
                    float rateWpm, float pitchHz) {

        Settings {
            if (workers < 1 || queueCapacity < 0 || cacheBytes < 0) {
                throw new IllegalArgumentException("viva.tts: workers must be at least 1, queue-capacity and "
                        + "cache-bytes at least 0");
            }
            if (chunkMs < 10 || chunkMs > 1000 || maxSegmentChars < 20) {
                throw new IllegalArgumentException("viva.tts: chunk-ms must be 10-1000, max-segment-chars at least 20");
            }
        }

        static Settings of(TtsConfig config) {
            int workers = Math.max(1, config.workers().orElse(Runtime.getRuntime().availableProcessors()));
            return new Settings(config.voice(), workers, config.queueCapacity(), config.cacheBytes(), config.chunkMs(),
                    config.maxSegmentChars(), config.rateWpm(), config.pitchHz());
        }
    }

    private final Settings settings;
    private final BlockingQueue<FreeTtsVoice> idleVoices;
    private final ThreadPoolExecutor executor;
    private final SegmentCache cache;
    private final Counter hits;
    private final Counter misses;
    private final Counter busy;
    private final Counter errors;
    private final Timer synthesisTime;
    private volatile boolean closed;

    private FreeTtsEngine(Settings settings, List<FreeTtsVoice> voices, MeterRegistry registry) {
        this.settings = settings;
        this.idleVoices = new ArrayBlockingQueue<>(voices.size(), false, voices);
        this.cache = new SegmentCache(settings.cacheBytes());
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                settings.queueCapacity() == 0 ? new SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(settings.queueCapacity()),
                task -> Thread.ofPlatform().name("viva-tts-" + threadNumber.incrementAndGet()).daemon().unstarted(task),
                new ThreadPoolExecutor.AbortPolicy());
        this.hits = cacheCounter(registry, "hit");
        this.misses = cacheCounter(registry, "miss");
        this.busy = failureCounter(registry, "busy");
        this.errors = failureCounter(registry, "error");
        this.synthesisTime = Timer.builder("viva.tts.synthesis").description("FreeTTS synthesis of one segment")
                .register(registry);
        Gauge.builder("viva.tts.cache.bytes", cache, SegmentCache::bytes).description("Synthesised audio cached")
                .baseUnit("bytes").register(registry);
    }

    private static Counter cacheCounter(MeterRegistry registry, String result) {
        return Counter.builder("viva.tts.cache").description("Segments served from the cache (hit) or synthesised")
                .tag("result", result).register(registry);
    }

    private static Counter failureCounter(MeterRegistry registry, String reason) {
        return Counter.builder("viva.tts.failures").description("Syntheses refused or broken")
                .tag("reason", reason).register(registry);
    }

    /**
     * Allocates one voice per worker, one after the other (FreeTTS's loading is not thread-safe).
     *
     * @throws IOException when the voice cannot be loaded
     */
    static FreeTtsEngine load(Settings settings, MeterRegistry registry) throws IOException {
        long started = System.nanoTime();
        List<FreeTtsVoice> voices = new ArrayList<>();
        try {
            for (int i = 0; i < settings.workers(); i++) {
                voices.add(FreeTtsVoice.allocate(settings.voice(), settings.rateWpm(), settings.pitchHz()));
            }
        } catch (IOException e) {
            voices.forEach(FreeTtsVoice::close);
            throw e;
        }
        LOG.infof("Loaded FreeTTS voice %s in %d ms; %d workers, queue %d, cache %d MiB", settings.voice(),
                (System.nanoTime() - started) / 1_000_000, settings.workers(), settings.queueCapacity(),
                settings.cacheBytes() >> 20);
        return new FreeTtsEngine(settings, voices, registry);
    }

    @Override
    public boolean isAvailable() {
        return !closed;
    }

    @Override
    public Synthesis synthesize(String text, SpeechListener listener) {
        Objects.requireNonNull(listener, "listener");
        List<String> segments = Segmenter.split(Objects.requireNonNull(text, "text"), settings.maxSegmentChars());
        if (closed) {
            listener.onFailure("text-to-speech has shut down");
            return REFUSED;
        }
        if (segments.isEmpty()) {
            listener.onComplete();
            return REFUSED;
        }
        Job job = new Job(segments, listener);
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            busy.increment();
            listener.onFailure(SpeechListener.BUSY);
            return REFUSED;
        }
        return job;
    }

    /** Stops taking work, lets queued and running syntheses finish, then frees the voices. */
    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Syntheses still running after 10 s; not freeing their voices under them");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        idleVoices.forEach(FreeTtsVoice::close);
    }

    /** One utterance: its segments in order, and the gate that keeps listener calls from racing cancel(). */
    private final class Job implements Runnable, Synthesis {
        private final List<String> segments;
        private final SpeechListener listener;
        /** Read without the lock by FreeTTS's progress checks, so a stop is seen within one block of audio. */
        private volatile boolean cancelled;
        /** Guarded by this: completed, failed, or its listener threw. */
        private boolean finished;

        Job(List<String> segments, SpeechListener listener) {
            this.segments = segments;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            cancelled = true;
            executor.remove(this); // a job still queued frees its place at once
            synchronized (this) {
                // nothing to do inside: taking the lock waits for a listener call in progress, and every later call
                // checks the flag under the same lock, so none can start after this returns
            }
        }

        @Override
        public void run() {
            if (cancelled) {
                return;
            }
            FreeTtsVoice voice = idleVoices.poll(); // never empty: at most one running job per voice
            try {
                for (int i = 0; i < segments.size(); i++) {
                    short[] audio = audio(segments.get(i), voice);
                    if (audio == null || !stream(i, segments.get(i), audio)) {
                        return;
                    }
                }
                finish(SpeechListener::onComplete);
            } catch (FreeTtsVoice.SynthesisException | RuntimeException e) {
                errors.increment();
                LOG.warnf(e, "Speech synthesis failed");
                finish(l -> l.onFailure("speech synthesis failed: " + e.getMessage()));
            } finally {
                idleVoices.add(voice);
            }
        }

        /** The segment's shaped samples from the cache or FreeTTS; null when cancelled meanwhile. */
        private short[] audio(String segment, FreeTtsVoice voice) throws FreeTtsVoice.SynthesisException {
            String spoken = WHITESPACE.matcher(segment).replaceAll(" ");
            short[] cached = cache.get(spoken);
            if (cached != null) {
                hits.increment();
                return cached;
            }
            misses.increment();
            long started = System.nanoTime();
            short[] audio = voice.speak(spoken, () -> cancelled);
            if (audio == null) {
                return null;
            }
            SpeechAudio.shape(audio);
            synthesisTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            cache.put(spoken, audio);
            return audio;
        }

        /** Hands the segment to the listener in chunks; false when the job stopped meanwhile. */
        private boolean stream(int index, String text, short[] audio) {
            int chunkSamples = settings.chunkMs() * SAMPLE_RATE / 1000;
            int from = 0;
            while (true) {
                int to = Math.min(audio.length, from + chunkSamples);
                boolean last = to == audio.length;
                SpeechChunk chunk = new SpeechChunk(index, text, Arrays.copyOfRange(audio, from, to), last);
                if (!deliver(l -> l.onChunk(chunk))) {
                    return false;
                }
                if (last) {
                    return true;
                }
                from = to;
            }
        }

        private synchronized void finish(Consumer<SpeechListener> call) {
            deliver(call);
            finished = true;
        }

        /** Calls the listener unless the job was cancelled or has finished. */
        private synchronized boolean deliver(Consumer<SpeechListener> call) {
            if (cancelled || finished) {
                return false;
            }
            try {
                call.accept(listener);
                return true;
            } catch (RuntimeException e) {
                LOG.warn("A speech listener threw; stopping its synthesis", e);
                finished = true;
                return false;
            }
        }
    }
}
