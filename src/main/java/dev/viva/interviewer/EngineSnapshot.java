package dev.viva.interviewer;

import dev.viva.interview.EndReason;
import dev.viva.interviewer.generation.Move;
import dev.viva.role.Phase;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * Everything an {@link InterviewEngine} needs to carry on exactly where it stopped: stored after every committed step
 * so that a reconnecting candidate (or another server) resumes with nothing lost or repeated. Snapshots stored by
 * earlier versions may carry fields no longer used (the cycle timings of the old pacing); they are ignored.
 *
 * @param askedBankIds       bank questions already asked, never asked again
 * @param open               the question waiting for an answer
 * @param followUps          follow-ups and hints asked about the current bank question
 * @param requests           repeats, clarifications and deferrals of the open question
 * @param silences           empty answers to the open question
 * @param consecutiveFailures scored answers in a row below the fail score (or "I don't know")
 * @param last               the last utterance, returned again to a reconnecting candidate
 * @param seed               the interview's seed for drawing main questions (fixed at the start)
 * @param endReason          why the interview ended, null while it runs
 * @param cutShort           the clock sent the interview to wrap-up before the plan was done
 * @param redirected         the current question has had its redirect after an off-topic answer
 * @param pendingPoints      uncovered key points of the current question's answer still to probe, in order
 * @param turnStartedAt      when the open turn was asked
 * @param turnMillis         total time of answered turns, to pace follow-ups and questions
 * @param turnsTimed         how many turns {@code turnMillis} covers
 */
@RegisterForReflection
public record EngineSnapshot(
        Instant startedAt,
        Instant phaseStartedAt,
        Phase phase,
        int seq,
        boolean done,
        AbilityEstimate ability,
        List<String> askedBankIds,
        int askedInPhase,
        AskedQuestion open,
        int followUps,
        boolean hintGiven,
        int requests,
        int silences,
        List<Move.Probe> probesUsed,
        int consecutiveFailures,
        int lastBankDifficulty,
        int roleQuestions,
        Utterance last,
        long seed,
        EndReason endReason,
        boolean cutShort,
        boolean redirected,
        List<String> pendingPoints,
        Instant turnStartedAt,
        long turnMillis,
        int turnsTimed) {

    public EngineSnapshot {
        askedBankIds = List.copyOf(askedBankIds);
        probesUsed = List.copyOf(probesUsed);
        // snapshots stored before pacing by answers and probes of key points have none
        pendingPoints = pendingPoints == null ? List.of() : List.copyOf(pendingPoints);
    }
}
