package dev.viva.assessment.service;

import dev.viva.assessment.Embedders;
import dev.viva.assessment.QuestionSpec;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;
import dev.viva.testing.Roles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionProfilerTest {

    static final RoleTemplate backend = Roles.shipped("backend-engineer");
    static final QuestionProfiler PROFILER = new QuestionProfiler(Embedders.SHARED);

    @Test
    void anIntroductionIsNotAnExamQuestion() {
        QuestionSpec spec = PROFILER.profile(backend, "Great to meet you. Walk me through your most recent project.", null, null);
        assertThat(spec.kind()).isEqualTo(QuestionKind.CONVERSATIONAL);
        // its domain is the role's distinctive vocabulary: a word one technical question uses, not one that a dozen do
        assertThat(spec.domain().split(" ")).contains("tuples", "immutability").doesNotContain("database", "request");
        assertThat(QuestionSpec.of(backend, backend.question("be-intro-background").orElseThrow()).domain())
                .isEqualTo(spec.domain());
        assertThat(PROFILER.profile(backend, "Tell me about a time you disagreed with a teammate.", null, null).kind())
                .isEqualTo(QuestionKind.BEHAVIOURAL);
        assertThat(PROFILER.profile(backend, "How would you cache a slow endpoint?", null, null).kind())
                .isEqualTo(QuestionKind.TECHNICAL);
        // an imported transcript's own wrap-up is the candidate's turn too
        assertThat(PROFILER.profile(backend, "Great talking to you. What questions do you have for me?", null, null)
                .kind()).isEqualTo(QuestionKind.CONVERSATIONAL);
    }

    @Test
    void aRewordedBankQuestionTakesTheBankRubricAndAnyOtherTheDomainOnly() {
        RoleTemplate.Question bank = backend.question("be-jr-list-tuple").orElseThrow();
        QuestionSpec reworded = PROFILER.profile(backend,
                "What is the difference between a Python list and a tuple, and when do you choose a tuple?", null, null);
        assertThat(reworded.keyPoints()).isEqualTo(bank.keyPoints());
        assertThat(reworded.idealAnswer()).isEqualTo(bank.idealAnswer());

        QuestionSpec other = PROFILER.profile(backend, "You mentioned connection pooling: how do you size the pool?", null, null);
        assertThat(other.keyPoints()).isEmpty();
        assertThat(other.domain()).isNotBlank();
    }

    @Test
    void importedKeyPointsAreToldApartIntoFactsAndCriteria() {
        QuestionSpec spec = PROFILER.profile(backend, "How do you roll out a risky schema change?",
                List.of("expand and contract: add the new column before removing the old", "describes a concrete situation"),
                null);
        assertThat(spec.keyPoints()).containsExactly("expand and contract: add the new column before removing the old");
        assertThat(spec.criteria()).containsExactly("describes a concrete situation");
    }
}
