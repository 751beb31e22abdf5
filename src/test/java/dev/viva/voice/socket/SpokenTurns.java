package dev.viva.voice.socket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestSocket;
import dev.viva.testing.Wav;
import dev.viva.voice.Pcm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A candidate speaking over the real socket, as the benchmarks measure it: spoken answers streamed as 20 ms frames in
 * real time, the microphone kept open (silence) until the reply starts, and the turn latency taken from the frame
 * holding the last voiced sample to the first byte of reply audio received.
 */
final class SpokenTurns {

    /**
     * One turn as the client saw it, with the server's breakdown from {@code audio.start}.
     *
     * @param clientMs   the client's last voiced frame sent -> the reply's first audio received
     * @param sendLagMs  how late that frame left against the real-time schedule (a starved client)
     * @param uplinkMs   client sent -> server received (client and server share this machine's clock)
     * @param downlinkMs server sent the first audio -> client received it
     */
    record Turn(long clientMs, long sendLagMs, long uplinkMs, long downlinkMs, JsonNode server) {
    }

    /** Epoch milliseconds of a {@link System#nanoTime()} reading, to compare with the server's epoch instants. */
    private static final long EPOCH_OFFSET_MS = System.currentTimeMillis() - System.nanoTime() / 1_000_000;

    private SpokenTurns() {
    }

    /** Runs {@code answers} spoken turns of the interview on the server at {@code base}, taking the clips in turn. */
    static List<Turn> interview(Object base, String id, String token, int answers, short[][] clips, Duration patience)
            throws Exception {
        TestSocket client = TestSocket.connect(base, "/ws/interviews/" + id, token);
        client.send("{\"type\":\"start\",\"audio\":{\"encoding\":\"s16le\",\"sampleRate\":16000,\"channels\":1}}");
        List<Turn> turns = new ArrayList<>();
        JsonNode said = client.next("utterance", patience);
        for (int i = 0; i < answers && !said.get("done").asBoolean(); i++) {
            client.next("audio.end", patience);
            client.send("{\"type\":\"playback\",\"state\":\"ended\",\"audioId\":" + said.get("audioId").asInt()
                    + "}");
            short[] clip = clips[i % clips.length];
            long[] sent = new long[2];
            streamRealTime(client, Wav.concat(Wav.silence(400), clip), 400 + lastVoicedMs(clip), sent);
            // keep the microphone open, as a browser does, until the reply starts: on a thread of its own, since a
            // shared pool (the common pool has one thread on two cores) would hold one session's silence behind
            // another's, and the server would wait for the end of a turn whose silence was never sent
            AtomicBoolean replying = new AtomicBoolean();
            Thread silence = Thread.ofPlatform().daemon().start(() -> streamSilenceUntil(client, replying));
            said = client.next("utterance", patience);
            JsonNode start = client.next("audio.start", patience);
            replying.set(true);
            long firstAudioAt = client.firstBinaryAfter(client.arrivedAt(start), patience);
            silence.join();
            JsonNode latency = start.get("latency");
            long sentEpoch = sent[0] / 1_000_000 + EPOCH_OFFSET_MS;
            long receivedEpoch = firstAudioAt / 1_000_000 + EPOCH_OFFSET_MS;
            turns.add(new Turn((firstAudioAt - sent[0]) / 1_000_000, sent[1] / 1_000_000,
                    latency == null ? 0 : latency.get("receivedAt").asLong() - sentEpoch,
                    latency == null ? 0 : receivedEpoch - latency.get("sentAt").asLong(), latency));
        }
        client.close();
        return turns;
    }

    /** Prints the client's latency percentiles and the server's by stage. */
    static void report(String what, List<Turn> turns) {
        List<Long> client = new ArrayList<>(turns.stream().map(Turn::clientMs).toList());
        System.out.printf("%s: %d turns, last voiced sample -> first reply audio received: p50 %d ms, p95 %d ms, "
                + "max %d ms%n", what, turns.size(), percentile(client, 50), percentile(client, 95),
                Collections.max(client));
        List<Turn> measured = turns.stream().filter(t -> t.server() != null).toList();
        if (measured.isEmpty()) {
            return;
        }
        // the client's span, cut where it crosses into the server and back, each part at its own percentiles; the
        // mean column adds up to the client's mean
        stage("client send lag (not in the span)", measured.stream().map(Turn::sendLagMs).toList());
        stage("uplink", measured.stream().map(Turn::uplinkMs).toList());
        for (String stage : new String[]{"queueMs", "endOfTurnMs", "audioLateMs", "sttMs", "interviewerMs",
                "ttsFirstChunkMs", "totalMs"}) {
            stage("server " + stage, measured.stream().map(t -> t.server().get(stage).asLong()).toList());
        }
        stage("downlink", measured.stream().map(Turn::downlinkMs).toList());
        stage("client total", measured.stream().map(Turn::clientMs).toList());
    }

    private static void stage(String name, List<Long> values) {
        System.out.printf("   %-34s p50 %6d ms  p95 %6d ms  mean %6.0f ms%n", name, percentile(values, 50),
                percentile(values, 95), values.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Streams audio in 20 ms frames on a real-time schedule; returns when the frame with {@code markMs} was sent. */
    static long streamRealTime(TestSocket socket, short[] audio, long markMs) {
        long[] marked = new long[2];
        streamRealTime(socket, audio, markMs, marked);
        return marked[0];
    }

    /** The same, keeping in {@code marked} when the frame with {@code markMs} was sent and how late (nanoseconds). */
    private static void streamRealTime(TestSocket socket, short[] audio, long markMs, long[] marked) {
        long start = System.nanoTime();
        marked[0] = start;
        for (int frame = 0; frame * 320 < audio.length; frame++) {
            long due = start + frame * 20_000_000L;
            LockSupport.parkNanos(due - System.nanoTime());
            int from = frame * 320;
            socket.sendBinary(Pcm.encodeS16le(Arrays.copyOfRange(audio, from, Math.min(audio.length, from + 320))));
            if (frame * 20L <= markMs) {
                marked[0] = System.nanoTime();
                marked[1] = marked[0] - due;
            }
        }
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

    static long lastVoicedMs(short[] clip) {
        for (int end = clip.length; end >= 320; end -= 320) {
            if (Pcm.dbfs(Pcm.rms(clip, end - 320, end)) > -45) {
                return end / 16;
            }
        }
        return 0;
    }
}
