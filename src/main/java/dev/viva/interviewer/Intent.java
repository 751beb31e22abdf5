package dev.viva.interviewer;

/** What a candidate's turn amounts to, before any scoring. */
public enum Intent {
    /** An attempt at the question. */
    ANSWER,
    /** Nothing usable: blank, noise, fillers only, or the answer timeout. */
    EMPTY,
    REPEAT,
    CLARIFY,
    DONT_KNOW,
    /** A question about the role, the team or the process. */
    ROLE_QUESTION,
    /** "No, that's all" at wrap-up. */
    NOTHING_MORE,
    /** Text that tries to instruct the interviewer ("ignore your instructions..."). Still scored as an answer. */
    INSTRUCTION,
    /** The candidate wants to end the interview now ("I'd like to stop here"), or pressed the button to. */
    END
}
