package dev.viva.interviewer;

import dev.viva.role.Phase;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the interviewer says next.
 *
 * @param seq        the open turn this belongs to (the turn just closed, for the closing words)
 * @param text       the words to show or speak
 * @param difficulty 1-5, of the question being asked
 * @param done       true once the interview is complete: nothing more will be asked
 * @param question   what is being asked, for storage; null for the closing words
 */
@RegisterForReflection
public record Utterance(int seq, UtteranceKind kind, String text, Phase phase, int difficulty, boolean done,
                        AskedQuestion question) {
}
