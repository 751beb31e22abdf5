package dev.viva.interviewer.generation;

import dev.viva.stt.ScriptedSpeechProfile;
import dev.viva.testing.FakeOpenAi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * The application with the interviewer's model switched on, configured the quarkus-langchain4j way against an
 * OpenAI-compatible server on loopback ({@link #llm()}), and with the speech-to-text double so voice tests can speak.
 * One profile for every interviewer-LLM test, so they share one application start.
 */
public class LlmProfile extends ScriptedSpeechProfile {

    private static volatile FakeOpenAi llm;

    /** The model's server for the application running now; tests script its replies and pacing. */
    public static FakeOpenAi llm() {
        return llm;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
        config.putAll(Map.of(
                "viva.interviewer.generator", "llm",
                "quarkus.langchain4j.openai.api-key", "test-key",
                "quarkus.langchain4j.openai.chat-model.model-name", "test-model",
                "quarkus.fault-tolerance.\"dev.viva.interviewer.generation.InterviewerModel/complete\".timeout.value",
                "1500"));
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** Starts the model's server before the application and points the extension at it. */
    public static class Server implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            llm = FakeOpenAi.start(r -> "");
            return Map.of("quarkus.langchain4j.openai.base-url", llm.baseUrl() + "/");
        }

        @Override
        public void stop() {
            llm.close();
        }
    }
}
