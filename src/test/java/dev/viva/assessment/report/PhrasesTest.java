package dev.viva.assessment.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PhrasesTest {

    @Test
    void keyPointsReadAsWhatTheCandidateDidOrDidNot() {
        // a fact
        assertThat(Phrases.did("indexes slow down writes and use storage"))
                .isEqualTo("explains that indexes slow down writes and use storage");
        assertThat(Phrases.didNot("indexes slow down writes and use storage"))
                .isEqualTo("does not say that indexes slow down writes and use storage");
        // a criterion or a verb phrase
        assertThat(Phrases.did("describes a concrete situation")).isEqualTo("describes a concrete situation");
        assertThat(Phrases.didNot("describes a concrete situation")).isEqualTo("does not describe a concrete situation");
        assertThat(Phrases.didNot("identifies the race condition")).isEqualTo("does not identify the race condition");
        assertThat(Phrases.didNot("passes an idempotency key to the provider"))
                .isEqualTo("does not pass an idempotency key to the provider");
        assertThat(Phrases.didNot("keys limits by API key, user or IP")).isEqualTo("does not key limits by API key, user or IP");
        // an alternative and a piece of advice
        assertThat(Phrases.didNot("or optimistic locking with a version column"))
                .isEqualTo("does not mention optimistic locking with a version column");
        assertThat(Phrases.isAlternative("or row locking with SELECT ... FOR UPDATE")).isTrue();
        assertThat(Phrases.didNot("store files in object storage")).isEqualTo("does not say to store files in object storage");
        // a fact whose subject ends in s is not a verb
        assertThat(Phrases.did("limits are tracked in a shared store")).startsWith("explains that");
        assertThat(Phrases.did("tuples are hashable when their items are")).startsWith("explains that");
        assertThat(Phrases.joinDid(List.of(Phrases.did("lists are mutable"), Phrases.did("tuples are hashable"))))
                .isEqualTo("explains that lists are mutable, and that tuples are hashable");
    }

    @Test
    void questionsBecomeShortTopics() {
        assertThat(Phrases.topic("Two requests try to buy the last item in stock at the same moment. How do you prevent "
                + "overselling?")).contains("preventing overselling");
        assertThat(Phrases.topic("How do database indexes work in PostgreSQL, and what are their costs?"))
                .contains("how database indexes work");
        assertThat(Phrases.topic("Tell me about a time you received critical feedback on your code or work. What did "
                + "you do with it?")).contains("the time they received critical feedback on their code or work");
        assertThat(Phrases.topic("Tell me about a technical decision you later regretted. What happened?"))
                .contains("a technical decision they later regretted");
        // a pronoun is no topic
        assertThat(Phrases.topic("A payment endpoint charges twice. How do you fix it?")).isEmpty();
        assertThat(Phrases.topic("In a REST API, what are GET, POST, PUT and DELETE used for?")).isEmpty();
    }

    @Test
    void datesDurationsCountsAndNamesAreForPeople() {
        assertThat(Phrases.date(Instant.parse("2026-11-24T14:30:00Z"))).isEqualTo("Tuesday 24 November 2026, 14:30 UTC");
        assertThat(Phrases.duration(0.4)).isEqualTo("under a minute");
        assertThat(Phrases.duration(1)).isEqualTo("1 minute");
        assertThat(Phrases.duration(25.5)).isEqualTo("26 minutes");
        assertThat(Phrases.duration(60)).isEqualTo("1 hour");
        assertThat(Phrases.duration(125)).isEqualTo("2 hours 5 minutes");
        assertThat(Phrases.number(3)).isEqualTo("three");
        assertThat(Phrases.number(15)).isEqualTo("15");
        assertThat(Phrases.firstName("Dr. Amanda Foster")).isEqualTo("Amanda");
        assertThat(Phrases.firstName("Alex Morgan")).isEqualTo("Alex");
        assertThat(Phrases.firstName(" ")).isEqualTo("The candidate");
        assertThat(Phrases.lowerFirst("Systems Knowledge")).isEqualTo("Systems Knowledge");
        assertThat(Phrases.lowerFirst("Weighs trade-offs")).isEqualTo("weighs trade-offs");
    }
}
