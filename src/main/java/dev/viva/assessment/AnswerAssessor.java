package dev.viva.assessment;

import dev.viva.role.Level;

/** Scores one answer. Implementations must be deterministic for the same input and never trust the answer text. */
public interface AnswerAssessor {

    AnswerAssessment assess(String roleId, Level level, QuestionSpec question, String answer);
}
