package dev.viva.voice.socket;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import java.util.HashMap;
import java.util.Map;

/** {@link LlmVoiceLatency} with {@code viva.interviewer.llm.stream=false}: the whole completion before speech. */
@QuarkusTest
@TestProfile(WholeReplyLlmLatencyBenchmark.WholeReplies.class)
class WholeReplyLlmLatencyBenchmark extends LlmVoiceLatency {

    public static class WholeReplies extends LlmVoiceLatency.Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("viva.interviewer.llm.stream", "false");
            return config;
        }
    }

    @Override
    String mode() {
        return "whole completion awaited";
    }
}
