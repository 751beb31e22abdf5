package dev.viva.interviewer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** How the interviewer conducts an interview and words what it says. */
@ConfigMapping(prefix = "viva.interviewer")
public interface InterviewerConfig {

    /** Follow-ups (probes and hints) asked about one bank question at most, so one topic cannot eat a phase. */
    @WithDefault("2")
    int maxFollowUps();

    /** Repeats, rephrasings and deferrals of one question before it counts as "I don't know" and we move on. */
    @WithDefault("3")
    int maxRepeats();

    /** Empty or unintelligible answers to one question answered with "I didn't catch that" before moving on. */
    @WithDefault("2")
    int maxSilences();

    /** Questions about the role the candidate may ask at wrap-up before the interviewer closes. */
    @WithDefault("3")
    int maxRoleQuestions();

    /** An answer scoring at least this (0-100) is complete: no follow-up. */
    @WithDefault("75")
    int completeScore();

    /** An answer scoring below this (0-100) is a failure: a hint, then an easier question. */
    @WithDefault("40")
    int failScore();

    /**
     * Assumed length of one question with one follow-up until the candidate has answered once; half of it is the
     * assumed time per answer. Pacing then uses the candidate's measured time per answer.
     */
    @WithDefault("3M")
    Duration expectedQuestionTime();

    /** How far past the role's total time an interview may run (to finish the current exchange) before it closes. */
    @WithDefault("3M")
    Duration overrun();

    /** Longest answer accepted in text mode, in characters; longer ones are refused with 400 and not stored. */
    @WithDefault("10000")
    int maxAnswerLength();

    /** Who words follow-ups and acknowledgements: {@code offline} (built in, the default) or {@code llm}. */
    @WithDefault("offline")
    GeneratorKind generator();

    Llm llm();

    enum GeneratorKind { OFFLINE, LLM }

    /** An OpenAI-compatible chat endpoint (OpenAI, Ollama's /v1, vLLM, llama.cpp server, LM Studio). */
    interface Llm {

        /** Base URL including the version path, e.g. {@code http://localhost:11434/v1}. Required when generator=llm. */
        Optional<String> baseUrl();

        /** API key sent as a bearer token; local servers usually accept anything. */
        @WithDefault("none")
        String apiKey();

        /** Model name as the server knows it. */
        @WithDefault("gpt-4o-mini")
        String model();

        /**
         * Latency budget for one generation. Past it the offline wording is used and the fallback is recorded on
         * the turn, so a slow model never keeps the candidate waiting longer than this.
         */
        @WithDefault("4S")
        Duration timeout();

        @WithDefault("0.7")
        double temperature();

        /** Upper bound of the reply length in tokens. */
        @WithDefault("400")
        int maxTokens();
    }

    default EngineSettings engineSettings() {
        return new EngineSettings(maxFollowUps(), maxRepeats(), maxSilences(), maxRoleQuestions(), completeScore(),
                failScore(), expectedQuestionTime(), overrun());
    }
}
