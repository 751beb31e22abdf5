package dev.viva.voice.socket;

import dev.viva.TestApi.Joined;
import dev.viva.TestSocket;
import dev.viva.stt.RandomWhisperModel;
import dev.viva.stt.WhisperSpeechRecognizer;
import dev.viva.testing.Wav;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.viva.TestApi.join;
import static org.awaitility.Awaitility.await;

/**
 * Turn latency over a real WebSocket with real-time audio: from the last voiced sample of a spoken answer (the moment
 * the client sent it) to the first byte of the interviewer's reply audio received, with the server's breakdown by
 * stage, for one interview and for several at once. Speech-to-text is whisper.cpp on a tiny.en-shaped model with
 * random weights, so its compute is real: {@code -Dviva.bench.decoding=spoken-length} (default) decodes 24 tokens per
 * transcription, about what 8 s of speech needs; {@code random} decodes to the token limit (an upper bound),
 * {@code immediate-end} stops at once (a lower bound). {@code -Dviva.bench.turns} (12), {@code -Dviva.bench.long-turns}
 * (3 answers of 37.7 s) and {@code -Dviva.bench.sessions} (2,3,4 interviews at once) size the runs. No LLM. Prints figures, asserts nothing:
 * {@code ./mvnw -B test -Pbench -Dtest=VoiceLatencyBenchmark}.
 */
@QuarkusTest
@TestProfile(VoiceLatencyBenchmark.RandomWhisper.class)
class VoiceLatencyBenchmark {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final short[] LONG = Wav.fixture("long-answer-with-pauses.wav");
    private static final short[] SHORT = Arrays.copyOf(LONG, 16 * 3_400);
    private static final short[] MEDIUM = Arrays.copyOf(LONG, 16 * 7_700);
    /** 37.7 s: three long answers joined by pauses of 450 ms, the length of a thorough interview answer. */
    private static final short[] VERY_LONG = Wav.concat(LONG, Wav.silence(450), LONG, Wav.silence(450), LONG);
    private static final short[][] CLIPS = {SHORT, MEDIUM, LONG};

    /** The application with the random-weights model and every core for speech-to-text. */
    public static class RandomWhisper implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Path model;
            try {
                model = RandomWhisperModel.benchModel(decoding());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int cores = Runtime.getRuntime().availableProcessors();
            return Map.of("viva.stt.model", model.toString(),
                    "viva.stt.workers", System.getProperty("viva.bench.stt-workers", String.valueOf(cores)),
                    "viva.stt.threads-per-transcription", System.getProperty("viva.bench.stt-threads", "1"),
                    // the reply's audio arrives at once, so turns need not wait out each utterance in real time
                    "viva.voice.playback-lead", "PT2M",
                    "quarkus.test.hang-detection-timeout", "PT2H",
                    "quarkus.log.category.\"dev.viva\".level", "INFO");
        }
    }

    @TestHTTPResource("/")
    URL base;

    private static RandomWhisperModel.Decoding decoding() {
        return RandomWhisperModel.Decoding.valueOf(System.getProperty("viva.bench.decoding", "spoken-length")
                .toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    @Inject
    WhisperSpeechRecognizer whisper;

    @Test
    void turnLatency() throws Exception {
        await().atMost(Duration.ofMinutes(2)).until(whisper::isAvailable);
        System.out.printf("%n== voice turn latency, decoding %s, %d cores, stt %s workers x %s threads ==%n",
                decoding().name().toLowerCase(java.util.Locale.ROOT), Runtime.getRuntime().availableProcessors(),
                System.getProperty("viva.bench.stt-workers", "cores"),
                System.getProperty("viva.bench.stt-threads", "1"));
        interview(2, CLIPS); // warm-up: JIT, embeddings, FreeTTS, whisper buffers
        List<SpokenTurns.Turn> turns = interview(Integer.getInteger("viva.bench.turns", 12), CLIPS);
        SpokenTurns.report("1 interview", turns);
        int longTurns = Integer.getInteger("viva.bench.long-turns", 3);
        if (longTurns > 0) {
            SpokenTurns.report("1 interview, 37.7 s answers", interview(longTurns, new short[][]{VERY_LONG}));
        }

        for (String level : System.getProperty("viva.bench.sessions", "2,3,4").split(",")) {
            if (level.isBlank()) {
                continue;
            }
            int sessions = Integer.parseInt(level.strip());
            long heapBefore = heapAfterGc();
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            List<Future<List<SpokenTurns.Turn>>> running = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                running.add(pool.submit(() -> interview(5, CLIPS)));
                Thread.sleep(1_300); // staggered, as real candidates are
            }
            List<SpokenTurns.Turn> all = new ArrayList<>();
            for (Future<List<SpokenTurns.Turn>> f : running) {
                all.addAll(f.get(15, TimeUnit.MINUTES));
            }
            pool.shutdown();
            SpokenTurns.report(sessions + " interviews at once", all);
            System.out.printf("   heap after GC: %d MB before, %d MB after the run%n", heapBefore >> 20,
                    heapAfterGc() >> 20);
        }
        memoryPerIdleSession();
    }

    /** Runs {@code answers} spoken turns of one new interview, taking the clips in turn; returns their latencies. */
    private List<SpokenTurns.Turn> interview(int answers, short[][] clips) throws Exception {
        Joined joined = join("Bench Candidate", "backend-engineer", "mid");
        return SpokenTurns.interview(base, joined.id(), joined.token(), answers, clips, PATIENCE);
    }

    /** Heap held by sessions that have each heard one answer and wait for the next (the answer is still buffered). */
    private void memoryPerIdleSession() throws Exception {
        int n = 10;
        long before = heapAfterGc();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<TestSocket>> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int number = i;
            opened.add(pool.submit(() -> {
                Joined joined = join("Idle " + number, "backend-engineer", "mid");
                TestSocket c = TestSocket.connect(base, "/ws/interviews/" + joined.id(), joined.token());
                c.send("{\"type\":\"start\",\"audio\":{\"encoding\":\"s16le\",\"sampleRate\":16000,\"channels\":1}}");
                int audioId = c.next("utterance", PATIENCE).get("audioId").asInt();
                c.next("audio.end", PATIENCE);
                c.send("{\"type\":\"playback\",\"state\":\"ended\",\"audioId\":" + audioId + "}");
                SpokenTurns.streamRealTime(c, Wav.concat(Wav.silence(200), SHORT), 0);
                return c;
            }));
        }
        List<TestSocket> clients = new ArrayList<>();
        for (Future<TestSocket> f : opened) {
            clients.add(f.get(10, TimeUnit.MINUTES));
        }
        pool.shutdown();
        long after = heapAfterGc();
        System.out.printf("memory: %d connected sessions add %d MB of heap after GC, %.0f KB each%n",
                n, (after - before) >> 20, (after - before) / 1024.0 / n);
        for (TestSocket c : clients) {
            c.close();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
