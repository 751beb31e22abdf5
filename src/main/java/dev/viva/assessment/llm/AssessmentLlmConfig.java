package dev.viva.assessment.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The optional LLM part of the assessment: rubrics for questions that have none, a bounded grade of each answer
 * against its rubric, and a review of the report. Off by default: the offline assessment needs no model.
 */
@ConfigMapping(prefix = "viva.assessment.llm")
public interface AssessmentLlmConfig {

    /**
     * Use an OpenAI-compatible model when a report is built: rubrics for questions without one ({@link #rubrics()}),
     * a grade per answer ({@link #grading()}) and a narrative with per-dimension judgements.
     */
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

    /**
     * Longest one model call (a rubric, a grade, the review) may take; past it the offline result is kept and the
     * timeout recorded.
     */
    @WithDefault("30S")
    Duration timeout();

    /**
     * Most percentage points a verified LLM judgement may move a dimension away from its offline score, so a model
     * cannot push a score outside what the evidence supports.
     */
    @WithDefault("15")
    int maxAdjustment();

    /**
     * Have the model write a rubric (facts, criteria, misconceptions, an ideal answer) for each assessed question that
     * has none: not in the bank, no key points sent, not a rewording of a bank question. Written once per role and
     * question and kept in PostgreSQL.
     */
    @WithDefault("true")
    boolean rubrics();

    /** Have the model grade each assessed answer against its rubric (the bank's, the caller's or a generated one). */
    @WithDefault("true")
    boolean grading();

    /**
     * Most points an LLM grade may move one answer's offline score; raising it also needs a quote verified verbatim
     * in the answer. The review's {@link #maxAdjustment()} applies to the dimensions after that.
     */
    @WithDefault("15")
    int gradeMaxAdjustment();

    /** Model calls (rubrics, grades) of one report in flight at once. */
    @WithDefault("4")
    int concurrency();

    /**
     * After a rubric request timed out or failed, how long until the question is sent again; a model that answered
     * with an unusable rubric is not asked again for that question.
     */
    @WithDefault("1H")
    Duration rubricRetryAfter();
}
