package dev.viva.assessment.service;

import dev.viva.assessment.signal.Substance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerNarrativeTest {

    @Test
    void tipsPutTheQuestionFirstAndStopAtFive() {
        List<String> tips = AnswerNarrative.tips(List.of("names the isolation level", "gives an anomaly",
                        "mentions locking", "mentions MVCC"), List.of("serializable is the default"),
                ScoreModel.Group.TECHNICAL, 0, 0, 0.5, true, false, 4, 30);
        assertThat(tips).hasSize(5).first().isEqualTo("Answer the question that was asked before adding context.");
        assertThat(tips).contains("Cover this point: names the isolation level.").doesNotContain("Cover this point: mentions MVCC.");
    }

    @Test
    void theJustificationSaysWhatTheScorerFoundAndNothingElse() {
        Substance substance = Substance.of("Because Postgres uses MVCC, readers never block writers, so reporting "
                + "queries can run beside the checkout.", "Why don't reads block writes in Postgres?", Set.of("mvcc"));
        String text = AnswerNarrative.justification(72, 0.9, 3, 2, 0, 0, List.of(), 1, substance, false, 0, 16,
                false, false, 0, false);
        assertThat(text).startsWith("Scored 72/100. The answer addresses the question.")
                .contains("It covers 2 of the 3 points").contains("correctly rejects a common misconception")
                .doesNotContain("misconceptions, which halves").doesNotContain("evaluator").doesNotContain("no rubric");
        String offTopic = AnswerNarrative.justification(5, 0.05, 0, 0, 0, 0, List.of("caches never go stale"), 0,
                substance, false, 0, 16, false, false, 1, true);
        assertThat(offTopic).contains("mostly about something other than the question").contains("had no rubric")
                .contains("halves the score").contains("Text addressed to the evaluator was ignored");
    }
}
