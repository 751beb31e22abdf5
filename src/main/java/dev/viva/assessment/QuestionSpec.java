package dev.viva.assessment;

import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;

import java.util.List;

/**
 * What the assessment knows about a question: everything from the bank, or for a generated question its text and
 * the key points the generator proposed (possibly none).
 */
public record QuestionSpec(
        String text,
        QuestionKind kind,
        List<String> dimensions,
        List<String> keyPoints,
        List<String> misconceptions,
        String idealAnswer) {

    public QuestionSpec {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
    }

    public static QuestionSpec of(RoleTemplate.Question q) {
        return new QuestionSpec(q.text(), q.kind(), q.dimensions(), q.keyPoints(), q.misconceptions(), q.idealAnswer());
    }
}
