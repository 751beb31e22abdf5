package dev.viva.assessment;

import dev.viva.assessment.signal.Criteria;
import dev.viva.assessment.signal.Text;
import dev.viva.role.Phase;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * What the assessment knows about a question: everything from the bank, or for a generated or imported question its
 * text and whatever rubric came with it (possibly none).
 *
 * @param keyPoints facts a strong answer states ("tuples are hashable when their items are")
 * @param criteria  criteria about the answer ("names technologies used", "states the outcome"), judged by detectors
 *                  of what they describe rather than by matching their words
 * @param domain    related bank material whose terms count as the question's domain vocabulary: the nearest bank
 *                  questions' rubrics, or for an introduction the distinctive words of the role's technical rubrics;
 *                  null when there is none beyond the question's own rubric
 * @param rivals    for a bank question outside the system-design phase, the ideal answers of the role's other
 *                  questions: an answer that reads more like one of them than like this question's own answers another
 *                  question (system designs are left out, since every design reads like every other)
 */
public record QuestionSpec(
        String text,
        QuestionKind kind,
        List<String> dimensions,
        List<String> keyPoints,
        List<String> criteria,
        List<String> misconceptions,
        String idealAnswer,
        String domain,
        List<String> rivals) {

    public QuestionSpec {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
        rivals = rivals == null ? List.of() : List.copyOf(rivals);
    }

    /** A question with no rival answers to tell it from. */
    public QuestionSpec(String text, QuestionKind kind, List<String> dimensions, List<String> keyPoints,
                        List<String> criteria, List<String> misconceptions, String idealAnswer, String domain) {
        this(text, kind, dimensions, keyPoints, criteria, misconceptions, idealAnswer, domain, List.of());
    }

    /** A question with a rubric from outside the bank: its key points are told apart into facts and criteria. */
    public QuestionSpec(String text, QuestionKind kind, List<String> dimensions, List<String> keyPoints,
                        List<String> misconceptions, String idealAnswer) {
        this(text, kind, dimensions, split(keyPoints, 0), split(keyPoints, 1), misconceptions, idealAnswer, null);
    }

    /** A bank question of the role: an introduction's domain is the role's technical vocabulary. */
    public static QuestionSpec of(RoleTemplate role, RoleTemplate.Question q) {
        return new QuestionSpec(q.text(), q.kind(), q.dimensions(), q.keyPoints(), q.criteria(), q.misconceptions(),
                q.idealAnswer(), q.kind() == QuestionKind.CONVERSATIONAL ? roleDomain(role) : null, rivals(role, q));
    }

    /** The same question with the rival answers of the bank question it asks (see {@code rivals}). */
    public QuestionSpec withRivalsOf(RoleTemplate role, RoleTemplate.Question q) {
        return new QuestionSpec(text, kind, dimensions, keyPoints, criteria, misconceptions, idealAnswer, domain,
                rivals(role, q));
    }

    private static List<String> rivals(RoleTemplate role, RoleTemplate.Question q) {
        if (q.kind() != QuestionKind.TECHNICAL || q.phase() == Phase.SYSTEM_DESIGN || q.idealAnswer() == null
                || q.idealAnswer().isBlank()) {
            return List.of();
        }
        return role.questions().stream().filter(o -> o != q && o.idealAnswer() != null && !o.idealAnswer().isBlank())
                .map(RoleTemplate.Question::idealAnswer).toList();
    }

    /** A word of the role's technical rubrics is distinctive when at most this many of its questions use it. */
    static final int DISTINCTIVE = 2;

    /**
     * Role vocabularies by the role's questions: every introduction of every interview asks for its role's, and the
     * bank changes only when the role is edited (an edited role is a new list, and the old entry goes with it).
     */
    private static final Map<List<RoleTemplate.Question>, String> ROLE_DOMAINS =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The distinctive words of the role's technical rubrics (key points and misconceptions). An introduction has no
     * rubric of facts ("names technologies used" is a criterion), so whether a background is the role's own is told
     * by the role's vocabulary: LambdaMART and NDCG for a machine-learning engineer, pgbouncer for a backend one.
     * Words that many questions share ("request", "data", "model") say nothing of a background and are left out.
     */
    public static String roleDomain(RoleTemplate role) {
        return ROLE_DOMAINS.computeIfAbsent(role.questions(), QuestionSpec::distinctiveWords);
    }

    private static String distinctiveWords(List<RoleTemplate.Question> bank) {
        Map<String, Integer> questions = new HashMap<>();
        Map<String, String> word = new LinkedHashMap<>();
        for (RoleTemplate.Question q : bank) {
            if (q.kind() != QuestionKind.TECHNICAL) {
                continue;
            }
            Set<String> stems = new HashSet<>();
            for (String w : Text.words(String.join(" ", q.keyPoints()) + " " + String.join(" ", q.misconceptions()))) {
                if (w.length() < 3 || Text.isStopword(w)) {
                    continue;
                }
                String stem = Text.stem(w);
                if (stems.add(stem)) {
                    questions.merge(stem, 1, Integer::sum);
                    word.putIfAbsent(stem, w);
                }
            }
        }
        String distinctive = word.entrySet().stream().filter(e -> questions.get(e.getKey()) <= DISTINCTIVE)
                .map(Map.Entry::getValue).collect(Collectors.joining(" "));
        return distinctive.isEmpty() ? null : distinctive;
    }

    /** Every key point, facts then criteria: what the interviewer may follow up on. */
    public List<String> allKeyPoints() {
        return java.util.stream.Stream.concat(keyPoints.stream(), criteria.stream()).toList();
    }

    private static List<String> split(List<String> keyPoints, int part) {
        return keyPoints == null ? List.of() : Criteria.split(keyPoints).get(part);
    }
}
