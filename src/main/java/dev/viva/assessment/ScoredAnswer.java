package dev.viva.assessment;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An assessment together with the signals it was computed from. */
@RegisterForReflection
public record ScoredAnswer(AnswerAssessment assessment, Signals signals) {
}
