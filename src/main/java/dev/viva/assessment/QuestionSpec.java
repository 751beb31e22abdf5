package dev.viva.assessment;

import dev.viva.assessment.signal.Criteria;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;

import java.util.List;

/**
 * What the assessment knows about a question: everything from the bank, or for a generated or imported question its
 * text and whatever rubric came with it (possibly none).
 *
 * @param keyPoints facts a strong answer states ("tuples are hashable when their items are")
 * @param criteria  criteria about the answer ("names technologies used", "states the outcome"), judged by detectors
 *                  of what they describe rather than by matching their words
 * @param domain    related bank material (the nearest bank questions' rubrics) whose terms count as the question's
 *                  domain vocabulary; null when there is none beyond the question's own rubric
 */
public record QuestionSpec(
        String text,
        QuestionKind kind,
        List<String> dimensions,
        List<String> keyPoints,
        List<String> criteria,
        List<String> misconceptions,
        String idealAnswer,
        String domain) {

    public QuestionSpec {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
    }

    /** A question with a rubric from outside the bank: its key points are told apart into facts and criteria. */
    public QuestionSpec(String text, QuestionKind kind, List<String> dimensions, List<String> keyPoints,
                        List<String> misconceptions, String idealAnswer) {
        this(text, kind, dimensions, split(keyPoints, 0), split(keyPoints, 1), misconceptions, idealAnswer, null);
    }

    public static QuestionSpec of(RoleTemplate.Question q) {
        return new QuestionSpec(q.text(), q.kind(), q.dimensions(), q.keyPoints(), q.criteria(), q.misconceptions(),
                q.idealAnswer(), null);
    }

    /** Every key point, facts then criteria: what the interviewer may follow up on. */
    public List<String> allKeyPoints() {
        return java.util.stream.Stream.concat(keyPoints.stream(), criteria.stream()).toList();
    }

    private static List<String> split(List<String> keyPoints, int part) {
        return keyPoints == null ? List.of() : Criteria.split(keyPoints).get(part);
    }
}
