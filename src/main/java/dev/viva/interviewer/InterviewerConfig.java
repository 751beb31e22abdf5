package dev.viva.interviewer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    /**
     * Who words follow-ups: {@code offline} (built in, the default) or {@code llm}, the model configured through the
     * quarkus-langchain4j OpenAI extension ({@code quarkus.langchain4j.openai.*}); the offline wording stays the
     * fallback of every turn.
     */
    @WithDefault("offline")
    GeneratorKind generator();

    Llm llm();

    enum GeneratorKind { OFFLINE, LLM }

    /**
     * How Viva uses the model; where it is and which model it is (base URL, key, model name, temperature, token limit,
     * HTTP timeout) is the extension's {@code quarkus.langchain4j.openai.*} configuration.
     */
    interface Llm {

        /**
         * Speak a follow-up sentence by sentence as the model streams it (voice sessions), so the candidate hears the
         * first sentence while the rest is generated. Off, the whole completion is awaited before anything is said
         * (servers or proxies that cannot stream). Text sessions always get the finished text.
         */
        @WithDefault("true")
        boolean stream();

        /**
         * Latency budget of a streamed follow-up: the longest the candidate waits for its first sentence. Past it the
         * offline wording is spoken instead, so a slow model costs at most this much silence.
         */
        @WithDefault("2S")
        Duration firstSentenceWithin();

        /**
         * The longest pause between two pieces of a stream once it has started. A stream that stalls longer is
         * abandoned and the offline wording continues from what was already spoken; shorter than a spoken sentence,
         * so the audio does not run dry first.
         */
        @WithDefault("1S")
        Duration stallAfter();
    }

    default EngineSettings engineSettings() {
        return new EngineSettings(maxFollowUps(), maxRepeats(), maxSilences(), maxRoleQuestions(), completeScore(),
                failScore(), expectedQuestionTime(), overrun());
    }
}
