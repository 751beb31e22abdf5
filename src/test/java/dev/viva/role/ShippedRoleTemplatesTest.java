package dev.viva.role;

import dev.viva.assessment.signal.Criteria;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every template we ship passes {@link RoleTemplateLinter} without a single finding: deep enough that two interviews
 * of one role and level share few questions, every technical key point has an authored probe, and nothing a
 * candidate may be told comes from the rubric. Each problem is reported with its path, all of them at once.
 */
class ShippedRoleTemplatesTest {

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
        // the shipped bar: no finding at all, warnings included (custom templates may publish with warnings)
        List<String> problems = RoleTemplateLinter.lint(load(id)).stream()
                .map(f -> f.severity().id() + " " + f.path() + ": " + f.message()).toList();
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
}
