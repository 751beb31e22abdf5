package dev.viva.voice.socket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestApi.Joined;
import dev.viva.TestSocket;
import dev.viva.interviewer.AskedQuestion;
import dev.viva.interviewer.SimulatedCandidate;
import dev.viva.interviewer.generation.InterviewerModel;
import dev.viva.interviewer.generation.LlmProfile;
import dev.viva.interviewer.service.InterviewerStore;
import dev.viva.stt.ScriptedSpeechProfile;
import dev.viva.testing.FakeOpenAi;
import dev.viva.testing.Wav;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.viva.TestApi.join;

/**
 * Voice turn latency of the model's follow-ups, from the last voiced sample of a spoken answer (the moment the client
 * sent it) to the first byte of the reply's audio received, over a real WebSocket with answers streamed in real
 * time. The model is simulated on loopback as the issue states it: the first token 400 ms after the request, then 40
 * tokens/s ({@code -Dviva.bench.first-token-ms}, {@code -Dviva.bench.tokens-per-second}); follow-up turns measured:
 * {@code -Dviva.bench.follow-ups} (15), after one to warm up. Speech-to-text is the
 * scripted double (instant), so the figures are the interviewer's and the speech's, not Whisper's. Two subclasses run
 * the same turns, one with follow-ups streamed into speech and one awaiting the whole completion; run both in one go
 * and compare: {@code ./mvnw -B test -Pbench -Dtest='*LlmLatencyBenchmark'}. Prints figures, asserts nothing.
 */
abstract class LlmVoiceLatency {

    private static final short[] ANSWER = Arrays.copyOf(Wav.fixture("long-answer-with-pauses.wav"), 16 * 3_400);
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /** What a model asked for a short acknowledgement and one question writes (about 60 tokens). */
    static final String REPLY = """
            Right, that makes sense. When the endpoint raises halfway through, what happens to the open transaction \
            and to the session?
            KEY POINTS:
            - the transaction is rolled back
            - the session is closed in a finally block
            - the error reaches the client as a 500 with no partial write""";

    /** The application as {@link LlmProfile} configures it, for a benchmark: quieter logs, no hang detection. */
    static class Profile extends LlmProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.test.hang-detection-timeout", "PT2H");
            config.put("quarkus.log.category.\"dev.viva\".level", "INFO");
            // the whole-reply path must not time out: its latency is what is measured
            config.put("quarkus.fault-tolerance.\"dev.viva.interviewer.generation.InterviewerModel/complete\""
                    + ".timeout.value", "30000");
            return config;
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    ScriptedSpeechProfile.Recognizer recognizer;

    private int answers;

    abstract String mode();

    @Test
    void followUpLatency() throws Exception {
        FakeOpenAi llm = LlmProfile.llm();
        llm.reset();
        llm.reply = r -> REPLY;
        llm.streaming = FakeOpenAi.Pacing.of(Long.getLong("viva.bench.first-token-ms", 400),
                Integer.getInteger("viva.bench.tokens-per-second", 40));
        llm.delayMs = 0;
        measure(1); // warm-up: JIT, FreeTTS, embeddings
        List<Long> latencies = measure(Integer.getInteger("viva.bench.follow-ups", 15));
        System.out.printf("%n== %s: %d follow-up turns (model: first token %d ms, %d tokens/s, %d tokens), "
                        + "last voiced sample -> first reply audio: p50 %d ms, p95 %d ms, max %d ms; %d cores, "
                        + "load average %.2f ==%n", mode(), latencies.size(), llm.streaming.firstTokenMs(),
                1000 / llm.streaming.tokenIntervalMs(), FakeOpenAi.tokens(REPLY).size(),
                SpokenTurns.percentile(latencies, 50), SpokenTurns.percentile(latencies, 95),
                Collections.max(latencies), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Speaks average answers in new interviews until {@code followUps} replies were the model's; their latencies. */
    private List<Long> measure(int followUps) throws Exception {
        List<Long> latencies = new ArrayList<>();
        while (latencies.size() < followUps) {
            Joined joined = join("Bench Candidate", "backend-engineer", "mid");
            UUID id = UUID.fromString(joined.id());
            TestSocket client = TestSocket.connect(base, "/ws/interviews/" + id, joined.token());
            client.send("{\"type\":\"start\",\"audio\":{\"encoding\":\"s16le\",\"sampleRate\":16000,\"channels\":1}}");
            JsonNode said = client.next("utterance", PATIENCE);
            LlmVoiceInterviewTest.played(client, said.get("audioId").asInt());
            for (int turn = 1; turn <= 12 && latencies.size() < followUps && !said.get("done").asBoolean(); turn++) {
                AskedQuestion open = QuarkusTransaction.requiringNew().call(() -> Arc.container()
                        .instance(InterviewerStore.class).get().snapshot(id).orElseThrow().open());
                recognizer.scripted().transcripts(SimulatedCandidate.AVERAGE.answer(open, turn));
                short[] lead = LlmVoiceInterviewTest.hiss(400, ++answers);
                long lastVoicedSentAt = SpokenTurns.streamRealTime(client,
                        Wav.concat(lead, ANSWER, Wav.silence(1_500)), 400 + SpokenTurns.lastVoicedMs(ANSWER));
                // a streamed reply's audio starts before its utterance, a whole one's after it: wait for both
                JsonNode start = null;
                JsonNode reply = null;
                while (start == null || reply == null) {
                    JsonNode m = client.next();
                    switch (m.path("type").asText()) {
                        case "audio.start" -> start = m;
                        case "utterance" -> reply = m;
                        default -> {
                        }
                    }
                }
                said = reply;
                long firstAudioAt = client.firstBinaryAfter(client.arrivedAt(start), PATIENCE);
                if (said.get("kind").asText().equals("follow-up") && said.get("text").asText().startsWith("Right,")) {
                    latencies.add((firstAudioAt - lastVoicedSentAt) / 1_000_000);
                }
                LlmVoiceInterviewTest.played(client, said.get("audioId").asInt());
            }
            client.close();
        }
        return latencies;
    }
}
