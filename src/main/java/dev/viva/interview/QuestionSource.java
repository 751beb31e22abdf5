package dev.viva.interview;

/** Where the question of a turn came from: the role's bank, or generated during the interview (follow-ups). */
public enum QuestionSource {
    BANK, GENERATED
}
