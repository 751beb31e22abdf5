package dev.viva.tts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine with the real kevin16 voice: one worker and a queue of one, so the tests can fill it. Each test speaks
 * its own sentences, so the shared cache only hits where a test means it to.
 */
class FreeTtsEngineTest {

    private static final MeterRegistry REGISTRY = new SimpleMeterRegistry();
    private static FreeTtsEngine engine;

    @BeforeAll
    static void load() throws IOException {
        engine = FreeTtsEngine.load(new FreeTtsEngine.Settings("kevin16", 1, 1, 64 << 20, 100, 150, 150, 100),
                REGISTRY);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void streamsSpeechInOrderedChunksLabelledWithTheirSegments() throws Exception {
        String text = "Hi Ada, I'm Sophia, and I'll be your interviewer today. How would you design a rate limiter "
                + "for a public API? Take your time.";
        RecordingListener recorder = new RecordingListener();
        engine.synthesize(text, recorder);
        recorder.awaitEnd();

        assertThat(recorder.events.getLast()).isEqualTo("complete");
        assertThat(recorder.events).filteredOn("complete"::equals).hasSize(1);
        assertThat(recorder.threads).allSatisfy(name -> assertThat(name).startsWith("viva-tts-"));
        List<String> expected = Segmenter.split(text, 150);
        assertThat(expected).hasSize(3);
        for (int segment = 0; segment < expected.size(); segment++) {
            String segmentText = expected.get(segment);
            List<SpeechChunk> chunks = recorder.segment(segment);
            assertThat(chunks).allSatisfy(c -> assertThat(c.text()).isEqualTo(segmentText));
            assertThat(chunks.getLast().lastOfSegment()).isTrue();
            assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> {
                assertThat(c.lastOfSegment()).isFalse();
                assertThat(c.samples()).hasSize(1600);
            });
            assertThat(chunks.getLast().samples().length).isBetween(1, 1600);
            int words = segmentText.split("\\s+").length;
            double msPerWord = chunks.stream().mapToInt(c -> c.samples().length).sum() / 16.0 / words;
            assertThat(msPerWord).as("segment %d: plausible speaking rate", segment).isBetween(200.0, 700.0);
        }
        assertThat(recorder.chunks).extracting(SpeechChunk::segment).isSorted();
        assertThat(FreeTtsVoiceTest.rmsDbfs(recorder.samples())).isGreaterThan(-30);
        assertThat(SpeechAudioTest.peak(recorder.samples())).isBetween(16_000, 23_300);
    }

    @Test
    void theFirstChunkArrivesBeforeLaterSegmentsAreSynthesised() throws Exception {
        double before = misses();
        List<Double> missesAtEachChunk = new ArrayList<>();
        RecordingListener recorder = new RecordingListener() {
            @Override
            public void onChunk(SpeechChunk chunk) {
                missesAtEachChunk.add(misses() - before);
                super.onChunk(chunk);
            }
        };
        engine.synthesize("First we look at the schema. Then we add an index. Finally we measure again.", recorder);
        recorder.awaitEnd();
        assertThat(missesAtEachChunk.getFirst()).as("only the first segment synthesised so far").isEqualTo(1.0);
        assertThat(misses() - before).isEqualTo(3.0);
        assertThat(REGISTRY.get("viva.tts.synthesis").timer().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRepeatedSegmentComesFromTheCacheAsTheSameChunks() throws Exception {
        String text = "Tell me about a time you disagreed with a teammate. What did you do?";
        RecordingListener first = new RecordingListener();
        engine.synthesize(text, first);
        first.awaitEnd();
        double hits = hits();
        double misses = misses();
        RecordingListener second = new RecordingListener();
        engine.synthesize(text, second);
        second.awaitEnd();

        assertThat(hits() - hits).isEqualTo(2.0);
        assertThat(misses() - misses).isZero();
        assertThat(second.events).isEqualTo(first.events);
        assertThat(second.samples()).containsExactly(first.samples());
        assertThat(second.chunks).extracting(SpeechChunk::text).isEqualTo(first.chunks.stream().map(SpeechChunk::text)
                .toList());
        assertThat(REGISTRY.get("viva.tts.cache.bytes").gauge().value()).isPositive();
    }

    @Test
    void cancellingFromInsideTheListenerStopsAtOnce() throws Exception {
        RecordingListener recorder = new RecordingListener();
        recorder.onFirstChunk = () -> {
            await().until(() -> recorder.synthesis != null);
            recorder.synthesis.cancel();
        };
        recorder.synthesis = engine.synthesize("One, two, three, four, five. Six, seven, eight. Nine and ten.",
                recorder);
        waitUntilTheWorkerIsFree();
        assertThat(recorder.events).containsExactly("chunk");
    }

    @Test
    void cancelWaitsForTheChunkInFlightAndNothingStartsAfterIt() throws Exception {
        CountDownLatch inFirstChunk = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingListener recorder = holdingItsFirstChunk(inFirstChunk, release);
        Synthesis synthesis = engine.synthesize("The cache sits in front of the database. Writes go through it. "
                + "Reads hit it first.", recorder);
        awaitLatch(inFirstChunk);
        Thread canceller = Thread.ofPlatform().start(synthesis::cancel);
        await().atMost(Duration.ofSeconds(10)).until(() -> canceller.getState() == Thread.State.BLOCKED);
        release.countDown();
        canceller.join();
        waitUntilTheWorkerIsFree();
        assertThat(recorder.events).containsExactly("chunk");
        synthesis.cancel(); // idempotent
    }

    @Test
    void whenTheWorkerAndTheQueueAreFullNewRequestsAreRefusedAsBusyAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingListener running = occupyTheWorker("Let's move on to system design.", release);
        RecordingListener queued = new RecordingListener();
        engine.synthesize("Imagine a service with ten million users.", queued);
        double busyBefore = REGISTRY.get("viva.tts.failures").tag("reason", "busy").counter().count();

        RecordingListener refused = new RecordingListener();
        Synthesis none = engine.synthesize("This one has to wait.", refused);
        assertThat(refused.events).as("refused before synthesize returned").containsExactly("failure: busy");
        assertThat(refused.threads).containsExactly(Thread.currentThread().getName());
        assertThat(REGISTRY.get("viva.tts.failures").tag("reason", "busy").counter().count() - busyBefore)
                .isEqualTo(1.0);
        none.cancel();

        release.countDown();
        running.awaitEnd();
        queued.awaitEnd();
        assertThat(running.events.getLast()).isEqualTo("complete");
        assertThat(queued.events.getLast()).isEqualTo("complete");
    }

    @Test
    void aQueuedSynthesisCancelledBeforeItStartsFreesItsPlaceAndIsNeverHeardFrom() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingListener running = occupyTheWorker("Good question.", release);
        RecordingListener cancelled = new RecordingListener();
        engine.synthesize("You will never hear this.", cancelled).cancel();
        RecordingListener next = new RecordingListener();
        engine.synthesize("But you will hear this.", next);
        assertThat(next.events).as("the cancelled one's place in the queue was freed").isEmpty();
        release.countDown();
        next.awaitEnd();
        assertThat(next.events.getLast()).isEqualTo("complete");
        assertThat(cancelled.events).isEmpty();
    }

    @Test
    void aListenerThatThrowsStopsOnlyItsOwnSynthesis() throws Exception {
        RecordingListener throwing = new RecordingListener();
        throwing.onFirstChunk = () -> {
            throw new IllegalStateException("socket closed");
        };
        engine.synthesize("Are you still there? Hello?", throwing);
        waitUntilTheWorkerIsFree();
        assertThat(throwing.events).containsExactly("chunk");
    }

    @Test
    void blankTextCompletesAtOnceWithoutAudio() {
        RecordingListener recorder = new RecordingListener();
        engine.synthesize("  \n ", recorder);
        assertThat(recorder.events).containsExactly("complete");
    }

    @Test
    void aClosedEngineRefuses() throws IOException {
        FreeTtsEngine closed = FreeTtsEngine.load(new FreeTtsEngine.Settings("kevin16", 1, 0, 0, 100, 150, 150, 100),
                new SimpleMeterRegistry());
        closed.close();
        assertThat(closed.isAvailable()).isFalse();
        RecordingListener recorder = new RecordingListener();
        closed.synthesize("Hello.", recorder);
        assertThat(recorder.events).containsExactly("failure: text-to-speech has shut down");
    }

    /** A listener that, inside its first chunk, signals {@code arrived} and keeps the worker until {@code release}. */
    private static RecordingListener holdingItsFirstChunk(CountDownLatch arrived, CountDownLatch release) {
        RecordingListener recorder = new RecordingListener();
        recorder.onFirstChunk = () -> {
            arrived.countDown();
            awaitLatch(release);
        };
        return recorder;
    }

    /** Starts a synthesis whose first chunk keeps the single worker busy until {@code release}. */
    private static RecordingListener occupyTheWorker(String text, CountDownLatch release) {
        CountDownLatch started = new CountDownLatch(1);
        RecordingListener running = holdingItsFirstChunk(started, release);
        engine.synthesize(text, running);
        awaitLatch(started);
        return running;
    }

    /** Runs one more synthesis to its end: with a single worker, everything submitted before has then returned. */
    private static void waitUntilTheWorkerIsFree() throws InterruptedException {
        AtomicReference<RecordingListener> marker = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            marker.set(new RecordingListener());
            engine.synthesize("Next.", marker.get());
            return !marker.get().events.contains("failure: busy");
        });
        marker.get().awaitEnd();
    }

    private static double misses() {
        return REGISTRY.get("viva.tts.cache").tag("result", "miss").counter().count();
    }

    private static double hits() {
        return REGISTRY.get("viva.tts.cache").tag("result", "hit").counter().count();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
