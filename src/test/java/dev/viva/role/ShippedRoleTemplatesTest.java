package dev.viva.role;

import dev.viva.assessment.signal.Criteria;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The template linter: every template we ship is valid and deep enough that two interviews of one role and level
 * share few questions, every technical key point has an authored probe, and nothing a candidate may be told comes
 * from the rubric. Each problem is reported with the question id, all of them at once.
 */
class ShippedRoleTemplatesTest {

    /** Main questions per phase at each level: enough that a plan draws a different set each time. */
    private static final Map<Phase, Integer> MIN_PER_PHASE = new EnumMap<>(Map.of(
            Phase.INTRODUCTION, 3, Phase.FOUNDATION, 9, Phase.INTERMEDIATE, 9, Phase.SYSTEM_DESIGN, 5,
            Phase.SOFT_SKILLS, 6, Phase.WRAP_UP, 2));
    private static final int MIN_PER_LEVEL = 30;
    /** What candidates ask most; a template that cannot answer these sends them all to the recruiter. */
    private static final List<String> ABOUT_TOPICS = List.of("team", "on-call", "stack", "process");

    private static RoleTemplate load(String id) throws Exception {
        String resource = "roles/" + id + ".yaml";
        try (InputStream in = ShippedRoleTemplatesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            return RoleTemplateParser.parse(resource, id, in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"backend-engineer", "frontend-engineer", "ml-engineer", "site-reliability-engineer",
            "qa-automation-engineer", "ios-engineer"})
    void templatePassesTheLinter(String id) throws Exception {
        RoleTemplate t = load(id);
        List<String> problems = new ArrayList<>();
        for (Level level : Level.values()) {
            List<RoleTemplate.Question> qs = t.questionsFor(level);
            if (qs.size() < MIN_PER_LEVEL) {
                problems.add(level.id() + ": " + qs.size() + " questions, at least " + MIN_PER_LEVEL);
            }
            for (Map.Entry<Phase, Integer> min : MIN_PER_PHASE.entrySet()) {
                long n = qs.stream().filter(q -> q.phase() == min.getKey()).count();
                if (n < min.getValue()) {
                    problems.add(level.id() + "/" + min.getKey().id() + ": " + n + " questions, at least "
                            + min.getValue());
                }
                int planned = t.phases().stream().filter(p -> p.phase() == min.getKey()).findFirst().orElseThrow()
                        .questions();
                if (n < 2L * planned) {
                    problems.add(level.id() + "/" + min.getKey().id() + ": " + n + " questions for " + planned
                            + " asked; two interviews would share more than half");
                }
            }
        }
        Set<String> texts = new HashSet<>();
        for (RoleTemplate.Question q : t.questions()) {
            if (!texts.add(q.text().strip().toLowerCase())) {
                problems.add(q.id() + ": the same text as another question");
            }
            if (q.kind() == QuestionKind.TECHNICAL) {
                for (String k : q.keyPoints()) {
                    int probes = q.probesFor(k).size();
                    if (probes < 1 || probes > 2) {
                        problems.add(q.id() + ": key point '" + k + "' has " + probes + " probes, wants 1 or 2");
                    }
                }
                if (q.misconceptions().isEmpty()) {
                    problems.add(q.id() + ": no misconceptions");
                }
            }
            if (q.kind() != QuestionKind.CONVERSATIONAL) {
                if (blank(q.clarification())) {
                    problems.add(q.id() + ": no clarification");
                }
                if (blank(q.hint())) {
                    problems.add(q.id() + ": no hint");
                }
            }
            for (List<String> asks : q.probes().values()) {
                for (String ask : asks) {
                    if (!Character.isUpperCase(ask.strip().charAt(0)) || ask.strip().split("\\s+").length < 5) {
                        problems.add(q.id() + ": probe '" + ask + "' is not a whole question");
                    }
                }
            }
        }
        Set<String> topics = new HashSet<>();
        t.about().forEach(a -> topics.add(a.topic()));
        for (String topic : ABOUT_TOPICS) {
            if (!topics.contains(topic)) {
                problems.add("about: no '" + topic + "' topic for candidates' questions");
            }
        }
        for (RoleTemplate.AboutTopic a : t.about()) {
            String answer = a.answer().toLowerCase();
            for (String leak : List.of("key point", "rubric", "we're looking for", "we are looking for",
                    "expectations", "score")) {
                if (answer.contains(leak)) {
                    problems.add("about/" + a.topic() + ": reads like the rubric ('" + leak + "')");
                }
            }
        }
        assertTrue(problems.isEmpty(), id + " fails the linter:\n  " + String.join("\n  ", problems));
    }

    /**
     * Stories and introductions are judged on criteria ("states the outcome"), technical answers on facts: a template
     * that files a criterion as a fact would have it matched word for word, which cannot work.
     */
    @ParameterizedTest
    @ValueSource(strings = {"backend-engineer", "frontend-engineer", "ml-engineer", "site-reliability-engineer",
            "qa-automation-engineer", "ios-engineer"})
    void criteriaAreKeptApartFromFacts(String id) throws Exception {
        RoleTemplate t = load(id);
        assertEquals(id, t.id());
        for (RoleTemplate.Question q : t.questions()) {
            if (q.kind() != QuestionKind.TECHNICAL) {
                assertTrue(q.keyPoints().isEmpty(), q.id() + " states facts for a " + q.kind().id() + " question");
            }
            for (String c : q.criteria()) {
                assertTrue(Criteria.isCriterion(c), q.id() + ": '" + c
                        + "' does not read as a criterion, so an imported copy of it would be matched as a fact");
            }
        }
        assertTrue(t.questions().stream().filter(q -> q.kind() == QuestionKind.BEHAVIOURAL)
                .allMatch(q -> q.criteria().size() >= 2), id + ": every story question needs criteria");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
