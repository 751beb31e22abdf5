package dev.viva.interviewer;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why the interviewer says what it says. Only the first five open a new turn. */
public enum UtteranceKind {
    /** A question from the bank (the greeting is part of the first one). */
    QUESTION,
    /** A probe of the previous answer: missing point, concrete example, trade-off or a polite challenge. */
    FOLLOW_UP,
    /** A nudge for a struggling candidate, asking the same question again. */
    HINT,
    /** An answer to the candidate's question about the role, and an invitation to ask another. */
    ROLE_ANSWER,
    /** After an answer about something else: a gentle pointer back and the same question again (once per question). */
    REDIRECT,
    REPEAT,
    CLARIFICATION,
    /** Nothing usable was heard; the same question stays open. */
    NOT_CAUGHT,
    /** A question about the role outside wrap-up, kept for the end; the same question stays open. */
    DEFERRAL,
    /** The goodbye; the interview is complete. */
    CLOSING;

    /** Whether this utterance asks something new (and so opens a turn). */
    public boolean opensTurn() {
        return this == QUESTION || this == FOLLOW_UP || this == HINT || this == ROLE_ANSWER || this == REDIRECT;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
