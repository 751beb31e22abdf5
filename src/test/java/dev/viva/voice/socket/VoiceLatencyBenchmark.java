package dev.viva.voice.socket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestApi.Joined;
import dev.viva.TestSocket;
import dev.viva.stt.RandomWhisperModel;
import dev.viva.stt.WhisperSpeechRecognizer;
import dev.viva.testing.Wav;
import dev.viva.voice.Pcm;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

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

    /** One turn as the client saw it, with the server's breakdown from {@code audio.start}. */
    private record Turn(long clientMs, JsonNode server) {
    }

    @Test
    void turnLatency() throws Exception {
        await().atMost(Duration.ofMinutes(2)).until(whisper::isAvailable);
        System.out.printf("%n== voice turn latency, decoding %s, %d cores, stt %s workers x %s threads ==%n",
                decoding().name().toLowerCase(java.util.Locale.ROOT), Runtime.getRuntime().availableProcessors(),
                System.getProperty("viva.bench.stt-workers", "cores"),
                System.getProperty("viva.bench.stt-threads", "1"));
        interview(2, CLIPS); // warm-up: JIT, embeddings, FreeTTS, whisper buffers
        List<Turn> turns = interview(Integer.getInteger("viva.bench.turns", 12), CLIPS);
        report("1 interview", turns);
        int longTurns = Integer.getInteger("viva.bench.long-turns", 3);
        if (longTurns > 0) {
            report("1 interview, 37.7 s answers", interview(longTurns, new short[][]{VERY_LONG}));
        }

        for (String level : System.getProperty("viva.bench.sessions", "2,3,4").split(",")) {
            if (level.isBlank()) {
                continue;
            }
            int sessions = Integer.parseInt(level.strip());
            long heapBefore = heapAfterGc();
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            List<Future<List<Turn>>> running = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                running.add(pool.submit(() -> interview(5, CLIPS)));
                Thread.sleep(1_300); // staggered, as real candidates are
            }
            List<Turn> all = new ArrayList<>();
            for (Future<List<Turn>> f : running) {
                all.addAll(f.get(15, TimeUnit.MINUTES));
            }
            pool.shutdown();
            report(sessions + " interviews at once", all);
            System.out.printf("   heap after GC: %d MB before, %d MB after the run%n", heapBefore >> 20,
                    heapAfterGc() >> 20);
        }
        memoryPerIdleSession();
    }

    /** Runs {@code answers} spoken turns of one new interview, taking the clips in turn; returns their latencies. */
    private List<Turn> interview(int answers, short[][] clips) throws Exception {
        Joined joined = join("Bench Candidate", "backend-engineer", "mid");
        TestSocket client = TestSocket.connect(base, "/ws/interviews/" + joined.id(), joined.token());
        client.send("{\"type\":\"start\",\"audio\":{\"encoding\":\"s16le\",\"sampleRate\":16000,\"channels\":1}}");
        List<Turn> turns = new ArrayList<>();
        JsonNode said = client.next("utterance", PATIENCE);
        for (int i = 0; i < answers && !said.get("done").asBoolean(); i++) {
            client.next("audio.end", PATIENCE);
            client.send("{\"type\":\"playback\",\"state\":\"ended\",\"audioId\":" + said.get("audioId").asInt()
                    + "}");
            short[] clip = clips[i % clips.length];
            long lastVoicedSentAt = streamRealTime(client, Wav.concat(Wav.silence(400), clip),
                    400 + lastVoicedMs(clip));
            // keep the microphone open, as a browser does, until the reply starts
            AtomicBoolean replying = new AtomicBoolean();
            CompletableFuture<Void> silence = CompletableFuture.runAsync(() -> streamSilenceUntil(client, replying));
            said = client.next("utterance", PATIENCE);
            JsonNode start = client.next("audio.start", PATIENCE);
            replying.set(true);
            long firstAudioAt = client.firstBinaryAfter(client.arrivedAt(start), PATIENCE);
            silence.join();
            turns.add(new Turn((firstAudioAt - lastVoicedSentAt) / 1_000_000, start.get("latency")));
        }
        client.close();
        return turns;
    }

    private static void report(String what, List<Turn> turns) {
        List<Long> client = new ArrayList<>(turns.stream().map(Turn::clientMs).toList());
        System.out.printf("%s: %d turns, last voiced sample -> first reply audio received: p50 %d ms, p95 %d ms, "
                + "max %d ms%n", what, turns.size(), percentile(client, 50), percentile(client, 95),
                Collections.max(client));
        for (String stage : new String[]{"endOfTurnMs", "sttMs", "interviewerMs", "ttsFirstChunkMs", "totalMs"}) {
            List<Long> values = new ArrayList<>(turns.stream().filter(t -> t.server() != null)
                    .map(t -> t.server().get(stage).asLong()).toList());
            if (!values.isEmpty()) {
                System.out.printf("   server %-16s p50 %5d ms  p95 %5d ms%n", stage, percentile(values, 50),
                        percentile(values, 95));
            }
        }
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
                streamRealTime(c, Wav.concat(Wav.silence(200), SHORT), 0);
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

    static long lastVoicedMs(short[] clip) {
        for (int end = clip.length; end >= 320; end -= 320) {
            if (Pcm.dbfs(Pcm.rms(clip, end - 320, end)) > -45) {
                return end / 16;
            }
        }
        return 0;
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Streams audio in 20 ms frames on a real-time schedule; returns when the frame with {@code markMs} was sent. */
    static long streamRealTime(TestSocket socket, short[] audio, long markMs) {
        long start = System.nanoTime();
        long markedAt = start;
        for (int frame = 0; frame * 320 < audio.length; frame++) {
            LockSupport.parkNanos(start + frame * 20_000_000L - System.nanoTime());
            int from = frame * 320;
            socket.sendBinary(Pcm.encodeS16le(Arrays.copyOfRange(audio, from, Math.min(audio.length, from + 320))));
            if (frame * 20L <= markMs) {
                markedAt = System.nanoTime();
            }
        }
        return markedAt;
    }

    /** Streams silence in real time, as an open microphone does, until {@code stop} is set (at most 30 s). */
    private static void streamSilenceUntil(TestSocket socket, AtomicBoolean stop) {
        byte[] silence = new byte[640];
        long start = System.nanoTime();
        for (int frame = 0; !stop.get() && frame < 1_500; frame++) {
            LockSupport.parkNanos(start + frame * 20_000_000L - System.nanoTime());
            socket.sendBinary(silence);
        }
    }
}
