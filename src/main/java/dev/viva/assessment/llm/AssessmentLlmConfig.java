package dev.viva.assessment.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The optional LLM review of reports. Off by default: the offline assessment needs no model. */
@ConfigMapping(prefix = "viva.assessment.llm")
public interface AssessmentLlmConfig {

    /** Ask an OpenAI-compatible model for a narrative and per-dimension judgements when a report is built. */
    @WithDefault("false")
    boolean enabled();

    /** Base URL including {@code /v1} (OpenAI, Ollama, vLLM, llama.cpp server); required when enabled. */
    Optional<String> baseUrl();

    /** Bearer key for the LLM server. */
    @WithDefault("none")
    String apiKey();

    /** Model name. */
    @WithDefault("gpt-4o-mini")
    String model();

    /** Longest the review may take; past it the offline report is kept and the timeout recorded. */
    @WithDefault("30S")
    Duration timeout();

    /**
     * Most percentage points a verified LLM judgement may move a dimension away from its offline score, so a model
     * cannot push a score outside what the evidence supports.
     */
    @WithDefault("15")
    int maxAdjustment();
}
