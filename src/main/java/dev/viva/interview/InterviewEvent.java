package dev.viva.interview;

import java.time.Instant;
import java.util.UUID;

/**
 * What happens to an interview, fired as a synchronous CDI event inside the transaction that caused it, so observers
 * (the webhook outbox, the live view, report finalisation) commit or roll back together with the change itself.
 */
public sealed interface InterviewEvent {

    UUID interviewId();

    Instant at();

    record Started(UUID interviewId, Instant at) implements InterviewEvent {
    }

    record Completed(UUID interviewId, Instant at) implements InterviewEvent {
    }

    record Abandoned(UUID interviewId, Instant at, String reason) implements InterviewEvent {
    }

    record Cancelled(UUID interviewId, Instant at) implements InterviewEvent {
    }

    /** A question was put to the candidate (committed as a turn). */
    record TurnAsked(UUID interviewId, Instant at, int seq, dev.viva.role.Phase phase, int difficulty,
                     String question) implements InterviewEvent {
    }

    /** The candidate's final answer to a turn was committed. */
    record TurnAnswered(UUID interviewId, Instant at, int seq, String answer, InputMode mode) implements InterviewEvent {
    }

    /** The report of the interview was (re)generated and stored. */
    record ReportReady(UUID interviewId, Instant at) implements InterviewEvent {
    }

    /** A recruiter overrode a score or the recommendation of the stored report. */
    record ReportUpdated(UUID interviewId, Instant at) implements InterviewEvent {
    }
}
