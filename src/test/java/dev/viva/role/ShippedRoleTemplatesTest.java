package dev.viva.role;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The templates we ship are valid and deep enough to run a whole interview at every level. */
class ShippedRoleTemplatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"backend-engineer", "frontend-engineer", "ml-engineer", "site-reliability-engineer"})
    void templateIsValidAndHasTwelveRealQuestionsPerLevel(String id) throws Exception {
        String resource = "roles/" + id + ".yaml";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            RoleTemplate t = RoleTemplateParser.parse(resource, id, in);
            assertEquals(id, t.id());
            for (Level level : Level.values()) {
                long scored = t.questionsFor(level).stream()
                        .filter(q -> q.kind() != QuestionKind.CONVERSATIONAL).count();
                assertTrue(scored >= 12, id + " has only " + scored + " scored questions for " + level.id());
            }
        }
    }

    /**
     * Stories and introductions are judged on criteria ("states the outcome"), technical answers on facts: a template
     * that files a criterion as a fact would have it matched word for word, which cannot work.
     */
    @ParameterizedTest
    @ValueSource(strings = {"backend-engineer", "frontend-engineer", "ml-engineer", "site-reliability-engineer"})
    void criteriaAreKeptApartFromFacts(String id) throws Exception {
        String resource = "roles/" + id + ".yaml";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            RoleTemplate t = RoleTemplateParser.parse(resource, id, in);
            for (RoleTemplate.Question q : t.questions()) {
                if (q.kind() != QuestionKind.TECHNICAL) {
                    assertTrue(q.keyPoints().isEmpty(), q.id() + " states facts for a " + q.kind().id() + " question");
                }
                for (String c : q.criteria()) {
                    assertTrue(dev.viva.assessment.signal.Criteria.isCriterion(c), q.id() + ": '" + c
                            + "' does not read as a criterion, so an imported copy of it would be matched as a fact");
                }
            }
            assertTrue(t.questions().stream().filter(q -> q.kind() == QuestionKind.BEHAVIOURAL)
                    .allMatch(q -> q.criteria().size() >= 2), id + ": every story question needs criteria");
        }
    }
}
