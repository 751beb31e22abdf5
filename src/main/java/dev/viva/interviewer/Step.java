package dev.viva.interviewer;

/**
 * The result of one input: what to say, and what to store.
 *
 * @param utterance what the interviewer says
 * @param answered  the turn this input closed, or null (a request to repeat keeps the turn open)
 * @param asked     the turn this utterance opens, or null (repeats, clarifications, the goodbye)
 */
public record Step(Utterance utterance, AnsweredTurn answered, AskedQuestion asked) {
}
