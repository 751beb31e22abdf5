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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A candidate speaking over the real socket, as the benchmarks measure it: spoken answers streamed as 20 ms frames in
 * real time, the microphone kept open (silence) until the reply starts, and the turn latency taken from the frame
 * holding the last voiced sample to the first byte of reply audio received.
 */
final class SpokenTurns {

    /** One turn as the client saw it, with the server's breakdown from {@code audio.start}. */
    record Turn(long clientMs, JsonNode server) {
    }

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
            long lastVoicedSentAt = streamRealTime(client, Wav.concat(Wav.silence(400), clip),
                    400 + lastVoicedMs(clip));
            // keep the microphone open, as a browser does, until the reply starts
            AtomicBoolean replying = new AtomicBoolean();
            CompletableFuture<Void> silence = CompletableFuture.runAsync(() -> streamSilenceUntil(client, replying));
            said = client.next("utterance", patience);
            JsonNode start = client.next("audio.start", patience);
            replying.set(true);
            long firstAudioAt = client.firstBinaryAfter(client.arrivedAt(start), patience);
            silence.join();
            turns.add(new Turn((firstAudioAt - lastVoicedSentAt) / 1_000_000, start.get("latency")));
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
        for (String stage : new String[]{"endOfTurnMs", "sttMs", "interviewerMs", "ttsFirstChunkMs", "totalMs"}) {
            List<Long> values = new ArrayList<>(turns.stream().filter(t -> t.server() != null)
                    .map(t -> t.server().get(stage).asLong()).toList());
            if (!values.isEmpty()) {
                System.out.printf("   server %-16s p50 %5d ms  p95 %5d ms%n", stage, percentile(values, 50),
                        percentile(values, 95));
            }
        }
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

    static long lastVoicedMs(short[] clip) {
        for (int end = clip.length; end >= 320; end -= 320) {
            if (Pcm.dbfs(Pcm.rms(clip, end - 320, end)) > -45) {
                return end / 16;
            }
        }
        return 0;
    }
}
