package dev.viva.tts;

import dev.viva.role.RoleTemplate;
import dev.viva.role.RoleTemplateParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Text-to-speech benchmark (not a test): voice loading time and memory, time to first chunk for interviewer utterances
 * of 20-40 words uncached and cached, real-time factor, throughput with one worker and with one per core, and the
 * cache a whole question bank needs. Run with {@code ./mvnw -B test -Pbench -Dtest=SpeechSynthesisBenchmark}; it
 * prints its figures.
 */
class SpeechSynthesisBenchmark {

    private static final List<String> ROLES = List.of("backend-engineer", "frontend-engineer", "ml-engineer",
            "site-reliability-engineer");
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** What one utterance cost, in nanoseconds, and how much audio it made. */
    record Run(long firstChunkNanos, long totalNanos, long samples) {
    }

    @Test
    void textToSpeech() throws Exception {
        System.out.printf(Locale.ROOT, "Viva text-to-speech benchmark - %s, %d cores, Java %s%n",
                java.time.LocalDate.now(), CORES, Runtime.version());
        List<RoleTemplate.Question> bank = bank();
        List<String> utterances = utterances(bank);
        System.out.printf(Locale.ROOT, "%d utterances of 20-40 words (bank questions, with their clarification when "
                + "the question alone is shorter)%n", utterances.size());

        voices();
        try (FreeTtsEngine engine = engine(1, 64L << 20)) {
            Run coldest = speak(engine, utterances.getFirst());
            System.out.printf(Locale.ROOT, "%nFirst synthesis in a fresh JVM: first chunk %.1f ms, whole %.1f ms for "
                    + "%.1f s of audio%n", ms(coldest.firstChunkNanos()), ms(coldest.totalNanos()),
                    coldest.samples() / 16_000.0);
            bank.stream().map(RoleTemplate.Question::hint).filter(Objects::nonNull).limit(30)
                    .forEach(hint -> speak(engine, hint)); // JIT warm-up on text not measured below
            List<Run> uncached = utterances.subList(1, utterances.size()).stream().map(u -> speak(engine, u)).toList();
            List<Run> cached = utterances.subList(1, utterances.size()).stream().map(u -> speak(engine, u)).toList();
            report("uncached (synthesised), warm JVM", uncached);
            report("cached (repeated), warm JVM", cached);
            double synthesis = uncached.stream().mapToLong(Run::totalNanos).sum() / 1e9;
            double audio = uncached.stream().mapToLong(Run::samples).sum() / 16_000.0;
            System.out.printf(Locale.ROOT, "Real-time factor, one worker: %.4f (%.1f s of synthesis for %.0f s of "
                    + "audio; %.0fx faster than real time)%n", synthesis / audio, synthesis, audio, audio / synthesis);
        }
        throughput(utterances, 1);
        if (CORES > 1) {
            throughput(utterances, CORES);
        }
        cacheFootprint(bank);
    }

    /** Allocation time and retained heap of each voice, one after another as the engine allocates them. */
    private static void voices() throws IOException {
        System.out.printf(Locale.ROOT, "%nVoice loading (kevin16)%n");
        List<FreeTtsVoice> voices = new ArrayList<>();
        long before = heapAfterGc();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            voices.add(FreeTtsVoice.allocate("kevin16", 150, 100));
            long took = System.nanoTime() - started;
            long after = heapAfterGc();
            System.out.printf(Locale.ROOT, "  voice %d: %.0f ms, +%.1f MB heap%n", i + 1, ms(took),
                    (after - before) / 1e6);
            before = after;
        }
        voices.forEach(FreeTtsVoice::close);
    }

    private static void report(String label, List<Run> runs) {
        double[] first = runs.stream().mapToDouble(r -> ms(r.firstChunkNanos())).sorted().toArray();
        double[] whole = runs.stream().mapToDouble(r -> ms(r.totalNanos())).sorted().toArray();
        System.out.printf(Locale.ROOT, "%nTime to first chunk, %s, %d utterances: p50 %.2f ms, p95 %.2f ms, max %.2f "
                + "ms; whole utterance p50 %.1f ms%n", label, runs.size(), percentile(first, 50),
                percentile(first, 95), first[first.length - 1], percentile(whole, 50));
    }

    /** All utterances submitted at once (twice over) to an engine without cache; audio produced per wall second. */
    private static void throughput(List<String> utterances, int workers) throws Exception {
        List<String> work = Stream.concat(utterances.stream(), utterances.stream()).toList();
        try (FreeTtsEngine engine = engine(workers, 0)) {
            utterances.subList(0, 20).forEach(u -> speak(engine, u)); // warm every worker's code paths
            CountDownLatch done = new CountDownLatch(work.size());
            AtomicLong samples = new AtomicLong();
            long started = System.nanoTime();
            for (String text : work) {
                engine.synthesize(text, new Counting(done, samples, new AtomicLong()));
            }
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("throughput run did not finish");
            }
            double wall = (System.nanoTime() - started) / 1e9;
            double audio = samples.get() / 16_000.0;
            System.out.printf(Locale.ROOT, "%nThroughput, %d worker(s), %d utterances at once: %.2f s wall for %.0f s "
                    + "of audio = %.0f s of speech per second, %.1f utterances/s%n", workers, work.size(), wall, audio,
                    audio / wall, work.size() / wall);
        }
    }

    /** Bytes the cache holds after every bank question, hint and clarification of the shipped roles was spoken. */
    private static void cacheFootprint(List<RoleTemplate.Question> bank) throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (FreeTtsEngine engine = engine(1, 1L << 30, registry)) {
            for (RoleTemplate.Question question : bank) {
                Stream.of(question.text(), question.hint(), question.clarification()).filter(Objects::nonNull)
                        .forEach(text -> speak(engine, text));
            }
            double bytes = registry.get("viva.tts.cache.bytes").gauge().value();
            System.out.printf(Locale.ROOT, "%nCache after speaking all %d bank questions with their hints and "
                    + "clarifications: %.1f MiB (%.1f minutes of audio)%n", bank.size(), bytes / (1 << 20),
                    bytes / 2 / 16_000 / 60);
        }
    }

    private static FreeTtsEngine engine(int workers, long cacheBytes) throws IOException {
        return engine(workers, cacheBytes, new SimpleMeterRegistry());
    }

    private static FreeTtsEngine engine(int workers, long cacheBytes, SimpleMeterRegistry registry)
            throws IOException {
        return FreeTtsEngine.load(new FreeTtsEngine.Settings("kevin16", workers, 1024, cacheBytes, 100, 150, 150, 100),
                registry);
    }

    /** Adds up the samples, notes when the first chunk came, and counts down at the end. */
    private record Counting(CountDownLatch done, AtomicLong samples, AtomicLong firstChunkAt)
            implements SpeechListener {
        @Override
        public void onChunk(SpeechChunk chunk) {
            firstChunkAt.compareAndSet(0, System.nanoTime());
            samples.addAndGet(chunk.samples().length);
        }

        @Override
        public void onComplete() {
            done.countDown();
        }

        @Override
        public void onFailure(String reason) {
            throw new IllegalStateException(reason);
        }
    }

    /** Synthesises one text to its end, timing the first chunk and the whole. */
    private static Run speak(FreeTtsEngine engine, String text) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong first = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        long started = System.nanoTime();
        engine.synthesize(text, new Counting(done, samples, first));
        try {
            if (!done.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("synthesis did not finish: " + text);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return new Run(first.get() - started, System.nanoTime() - started, samples.get());
    }

    private static List<RoleTemplate.Question> bank() throws IOException {
        List<RoleTemplate.Question> questions = new ArrayList<>();
        for (String role : ROLES) {
            try (InputStream in = SpeechSynthesisBenchmark.class.getClassLoader()
                    .getResourceAsStream("roles/" + role + ".yaml")) {
                questions.addAll(RoleTemplateParser.parse(role + ".yaml", role, in).questions());
            }
        }
        return questions;
    }

    private static List<String> utterances(List<RoleTemplate.Question> bank) {
        return bank.stream()
                .map(q -> words(q.text()) >= 20 || q.clarification() == null ? q.text()
                        : q.text() + " " + q.clarification())
                .filter(text -> words(text) >= 20 && words(text) <= 40)
                .toList();
    }

    private static int words(String text) {
        return text.split("\\s+").length;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
