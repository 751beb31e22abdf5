package dev.viva.voice.socket;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link LlmVoiceLatency} with follow-ups spoken sentence by sentence as the model streams them (the default). */
@QuarkusTest
@TestProfile(StreamingLlmLatencyBenchmark.Streamed.class)
class StreamingLlmLatencyBenchmark extends LlmVoiceLatency {

    public static class Streamed extends LlmVoiceLatency.Profile {
    }

    @Override
    String mode() {
        return "streamed into speech";
    }
}
