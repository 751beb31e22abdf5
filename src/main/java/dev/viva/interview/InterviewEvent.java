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

    /** The report of the interview was (re)generated and stored. */
    record ReportReady(UUID interviewId, Instant at) implements InterviewEvent {
    }
}
