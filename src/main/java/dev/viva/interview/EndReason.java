package dev.viva.interview;

/**
 * Why an interview ended: a closed set, stored in {@code interview.end_reason} and shown in the interview JSON, the
 * webhook payloads and the report. The free-text detail (e.g. how long the candidate had been idle) is kept apart in
 * {@code end_detail}.
 */
public enum EndReason {
    /** The interviewer asked everything the plan holds and closed. */
    PLAN_COMPLETE,
    /** The role's time ran out and the interviewer closed. */
    TIME_UP,
    /** The candidate asked to stop (said so, pressed the button or sent the socket message). */
    CANDIDATE_ENDED,
    /** The candidate went away; the sweep or a failed session gave up on them. */
    ABANDONED,
    /** A recruiter cancelled it. */
    CANCELLED,
    /** Its scheduling window closed before the candidate started (status ABANDONED): the join link has expired. */
    EXPIRED
}
