package dev.viva.interviewer;

import dev.viva.assessment.QuestionSpec;
import dev.viva.interview.QuestionSource;
import dev.viva.role.Phase;
import dev.viva.role.QuestionKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * What a turn asks, kept so the answer can be assessed against it and stored with the turn.
 *
 * @param seq            turn number, from 1
 * @param spoken         everything the interviewer said when asking (acknowledgement, transition and question)
 * @param question       the question itself
 * @param source         BANK or GENERATED
 * @param bankId         the bank question asked or, for a generated follow-up, the bank question it probes
 * @param keyPoints      facts a strong answer states (the bank's, or for a generated question the generator's; never
 *                       shown to the candidate)
 * @param criteria       criteria about a strong answer ("states the outcome"), from the bank question asked or probed
 * @param generator      "offline" or "llm": which generator produced the words
 * @param fallbackReason why the LLM was not used for this turn although it is configured; null otherwise
 */
@RegisterForReflection
public record AskedQuestion(
        int seq,
        UtteranceKind kind,
        Phase phase,
        int difficulty,
        String spoken,
        String question,
        QuestionSource source,
        String bankId,
        QuestionKind questionKind,
        List<String> dimensions,
        List<String> keyPoints,
        List<String> criteria,
        List<String> misconceptions,
        String idealAnswer,
        String generator,
        String fallbackReason) {

    public AskedQuestion {
        dimensions = List.copyOf(dimensions);
        keyPoints = List.copyOf(keyPoints);
        // snapshots written before criteria were kept apart have none
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        misconceptions = List.copyOf(misconceptions);
    }

    public QuestionSpec spec() {
        return new QuestionSpec(question, questionKind, dimensions, keyPoints, criteria, misconceptions, idealAnswer, null);
    }

    public boolean scored() {
        return questionKind != QuestionKind.CONVERSATIONAL;
    }
}
