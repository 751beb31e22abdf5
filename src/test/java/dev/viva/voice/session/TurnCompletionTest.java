package dev.viva.voice.session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TurnCompletionTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "I would start by profiling the slow endpoint and",
            "we picked postgres because",
            "then I moved the reads to the",
            "the main trade-off is um",
            "So",
            "and so",
            "it depends on the size of",
            "first we measured,",
            "we tried caching...",
            "the cache sat in front of the -",
            "we replaced the queue with",
    })
    void wordsThatLeadOnAreUnfinished(String transcript) {
        assertThat(TurnCompletion.unfinished(transcript)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I would add an index on the customer id column.",
            "we cached the hot reads in redis with a short time to live",
            "I think so",
            "yes I did so",
            "Thank you",
            "",
            "   ",
    })
    void wordsThatCanEndASentenceAreNot(String transcript) {
        assertThat(TurnCompletion.unfinished(transcript)).isFalse();
    }
}
