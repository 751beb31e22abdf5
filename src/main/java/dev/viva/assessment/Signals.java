package dev.viva.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The measurements behind one answer's score, all 0-1 unless noted. Kept with the assessment so a recruiter (and the
 * calibration benchmark) can see why a score is what it is.
 *
 * @param idealSimilarity     cosine of the answer to the ideal answer (raw, -1..1); null without one
 * @param alignment           word-level alignment recall of the ideal answer in the answer, question words left out
 *                            (raw cosine units); null without an ideal answer
 * @param questionSimilarity  cosine of the answer to the question (raw)
 * @param coverage            mean degree to which each key point is covered; null without key points
 * @param lexicalOverlap      share of the reference's content words that the answer uses
 * @param onTopic             share of the answer's windows that are about the question
 * @param specificity         numbers, named technologies, concrete actions, trade-offs
 * @param structure           situation/task/action/result/reflection present; null unless behavioural
 * @param hedging             hedges and filler per word, scaled
 * @param words               answer length in words
 * @param misconceptions      how many misconceptions the answer states
 * @param naturalLanguage     share of function words: fluent speech is ~0.4, buzzword lists are far lower
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Signals(
        Double idealSimilarity,
        Double alignment,
        double questionSimilarity,
        Double coverage,
        double lexicalOverlap,
        double onTopic,
        double specificity,
        Double structure,
        double hedging,
        int words,
        int misconceptions,
        double naturalLanguage) {
}
