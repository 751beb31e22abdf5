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
 * @param questionSimilarity  cosine of the answer (as an e5 passage) to the question (as an e5 query), raw
 * @param coverage            mean degree to which each key point is covered; null without key points
 * @param lexicalOverlap      share of the reference's content words that the answer uses
 * @param onTopic             share of the answer's windows that are about the question
 * @param specificity         numbers, named technologies, concrete actions, trade-offs
 * @param structure           situation/task/action/result/reflection present; null unless behavioural
 * @param hedging             hedges and filler per word, scaled
 * @param words               answer length in words
 * @param misconceptions      how many misconceptions the answer states
 * @param naturalLanguage     share of function words: fluent speech is ~0.4, buzzword lists are far lower
 * @param relevance           0-1, calibrated: how likely the answer addresses the question at all
 * @param criteria            mean degree to which the question's criteria are met; null without criteria
 * @param newTerms            distinct content words the question did not already contain
 * @param domainTerms         distinct domain terms among them
 * @param reasoning           causal and conditional connectives ("because", "which means", "unless")
 * @param refutations         common misconceptions the answer names in order to reject them
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
        double naturalLanguage,
        Double relevance,
        Double criteria,
        Integer newTerms,
        Integer domainTerms,
        Integer reasoning,
        Integer refutations) {

    /** The signals of an answer with nothing to assess. */
    public static Signals empty(int words) {
        return new Signals(null, null, 0, null, 0, 0, 0, null, 0, words, 0, 0, null, null, null, null, null, null);
    }
}
