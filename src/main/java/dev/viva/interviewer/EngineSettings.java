package dev.viva.interviewer;

import java.time.Duration;

/**
 * Knobs of the interview engine; see {@code InterviewerConfig} for their meaning and defaults.
 */
public record EngineSettings(
        int maxFollowUps,
        int maxRepeats,
        int maxSilences,
        int maxRoleQuestions,
        int completeScore,
        int failScore,
        Duration expectedQuestionTime,
        Duration overrun) {

    /** The same values as {@code InterviewerConfig}'s defaults, for running the engine without configuration. */
    public static EngineSettings defaults() {
        return new EngineSettings(2, 3, 2, 3, 75, 40, Duration.ofMinutes(3), Duration.ofMinutes(3));
    }
}
