package dev.viva.assessment.signal;

import dev.viva.assessment.Embedders;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokenAlignmentTest {

    private static final String QUESTION = "What is a stack?";
    private static final String REFERENCE = "A data structure where the last element added is the first one removed.";
    private static final Set<String> QUESTION_STEMS = new HashSet<>(Text.contentStems(QUESTION));

    private static List<TokenAlignment.Token> tokens(String text) {
        String normalised = Text.normalise(text);
        return TokenAlignment.contentTokens(normalised, Embedders.SHARED.encode(normalised));
    }

    private static double recall(String answer) {
        return TokenAlignment.recall(tokens(REFERENCE), tokens(answer), QUESTION_STEMS);
    }

    @Test
    void contentTokensCarryTheirWordsStemAndSkipFunctionWordsAndPunctuation() {
        List<String> stems = tokens("The indexes are used, by Postgres.").stream().map(TokenAlignment.Token::stem).toList();
        assertThat(stems).contains("index", "used").doesNotContain("the", "are", "by", ",", ".");
        // a word the tokenizer splits into pieces contributes every piece
        assertThat(stems.stream().filter(s -> s.equals(Text.stem("postgres"))).count()).isGreaterThan(1);
    }

    @Test
    void theReferenceAlignsFullyWithItselfAndHardlyWithUnrelatedText() {
        assertThat(recall(REFERENCE)).isGreaterThan(0.95);
        assertThat(recall("I like football and cooking pasta on sundays.")).isLessThan(0.15);
    }

    @Test
    void aParaphraseAlignsBetterThanAnUnrelatedAnswer() {
        assertThat(recall("Items come off in the reverse order they were put on: the newest item leaves first."))
                .isGreaterThan(recall("I like football and cooking pasta on sundays.") + 0.2);
    }

    @Test
    void repeatingTheQuestionsWordsEarnsNothing() {
        assertThat(recall("a stack, stacks")).isZero();
        assertThat(TokenAlignment.recall(tokens("the stack"), tokens("stack stack"), QUESTION_STEMS))
                .as("a reference made only of question words is compared whole").isGreaterThan(0.9);
        assertThat(TokenAlignment.recall(List.of(), tokens("anything"), QUESTION_STEMS)).isNaN();
    }
}
