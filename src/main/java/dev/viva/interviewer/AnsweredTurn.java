package dev.viva.interviewer;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/**
 * The close of a turn: what the candidate said and how it moved the ability estimate (the per-turn trajectory).
 *
 * @param seq        the turn answered
 * @param answer     the candidate's text as given ("" when they stayed silent)
 * @param intent     how the text was read
 * @param score      the assessment score 0-100, or null when the turn was not scored (conversational, silence,
 *                   "I don't know")
 * @param relevance  0-1, how much the scored answer was about the question; null when not scored
 * @param difficulty difficulty of the question answered
 * @param ability    per-dimension ability after this turn
 * @param overall    mean ability after this turn
 * @param forRecruiter the answer was a question about the job the interviewer could not answer from the template:
 *                   passed on to the recruiter
 */
@RegisterForReflection
public record AnsweredTurn(int seq, String answer, Intent intent, Integer score, Double relevance, int difficulty,
                           Map<String, Double> ability, double overall, boolean forRecruiter) {

    public AnsweredTurn {
        ability = Map.copyOf(ability);
    }
}
