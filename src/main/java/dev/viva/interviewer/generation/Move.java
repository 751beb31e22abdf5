package dev.viva.interviewer.generation;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.interview.EndReason;
import dev.viva.interviewer.Intent;
import dev.viva.role.Phase;
import dev.viva.role.RoleTemplate;

import java.util.List;

/**
 * What the engine decided to do next; a {@link ReplyGenerator} puts it into words. The engine owns every decision
 * (which question, whether to follow up, on what), the generator only the phrasing.
 */
public sealed interface Move {

    /** The candidate's last turn, for acknowledgements that refer to it. */
    record Previous(String answer, Intent intent, AnswerAssessment assessment, Phase phase) {
    }

    /** Why the next question is not simply the next one in the phase. */
    enum Transition { SAME_PHASE, NEW_PHASE, EASIER, TIME_SHORT }

    /**
     * How a follow-up probes the answer. {@code MISSING_POINT} asks the template's authored probe of the first target
     * (the most important uncovered key point); the others ask whole questions of their own kind, so no follow-up is
     * ever assembled from fragments of key points.
     */
    enum Probe { MISSING_POINT, EXAMPLE, TRADE_OFF, CHALLENGE }

    /** The greeting and the first question. */
    record Open(RoleTemplate.Question question) implements Move {
    }

    /**
     * Acknowledge the previous answer (if any) and ask a bank question.
     *
     * @param withHint give the question's hint with it (a struggling candidate for whom no easier question is left)
     */
    record Ask(Previous previous, RoleTemplate.Question question, Transition transition, boolean withHint)
            implements Move {
    }

    /**
     * Acknowledge and probe the previous answer.
     *
     * @param targets the uncovered key points (or the misconception) the probe is about, most important first; for
     *                {@code MISSING_POINT} the first has an authored probe in {@code parent}. Never said to the
     *                candidate
     */
    record FollowUp(Previous previous, Probe probe, RoleTemplate.Question parent, List<String> targets)
            implements Move {
    }

    /** Give the bank question's hint and invite another attempt. */
    record Hint(Previous previous, RoleTemplate.Question parent) implements Move {
    }

    /** @param hint the hint given with the question, said again with it; null when none was given */
    record Repeat(String question, String hint) implements Move {
    }

    /**
     * The answer was about something else: acknowledge gently and ask the question again (once per question).
     *
     * @param question the question as first asked
     */
    record Redirect(Previous previous, String question) implements Move {
    }

    /** @param clarification the bank's rephrasing, or null for generated questions */
    record Clarify(String question, String clarification) implements Move {
    }

    record NotCaught(String question, int attempt) implements Move {
    }

    /** A question about the role before wrap-up: promise time for it at the end and re-ask. */
    record Defer(String question) implements Move {
    }

    /**
     * Answer the candidate's question about the role and ask whether they have another.
     *
     * @param topic the template's candidate-facing answer that matches, or null: then the question is passed on to
     *              the recruiter ({@code personal} for pay, contracts and the like, which only the recruiter answers)
     */
    record RoleAnswer(String candidateQuestion, RoleTemplate.AboutTopic topic, boolean personal) implements Move {
    }

    record Close(Previous previous, EndReason reason) implements Move {
    }
}
