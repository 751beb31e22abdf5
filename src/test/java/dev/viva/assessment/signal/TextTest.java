package dev.viva.assessment.signal;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    static String clauseAround(String text, String cue) {
        int at = text.indexOf(cue);
        Text.Span s = Text.clause(text, at, at + cue.length(), 6, 30);
        assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
        return s.text();
    }

    @Test
    void aCueIsQuotedWithItsSentence() {
        String a = "Thanks for having me! The biggest challenge during the BigTech Inc. migration was the legacy "
                + "database. It moved via DMS.";
        assertThat(clauseAround(a, "BigTech"))
                .isEqualTo("The biggest challenge during the BigTech Inc. migration was the legacy database");
        // a sentence too short to stand alone takes its neighbour
        assertThat(clauseAround(a, "DMS")).isEqualTo("The biggest challenge during the BigTech Inc. migration was the "
                + "legacy database. It moved via DMS");
    }

    @Test
    void aLongSentenceGivesTheClauseAroundTheCue() {
        String a = "To ensure high availability and fault tolerance, we deployed our EKS cluster across multiple "
                + "Availability Zones within a region, and for disaster recovery, we implemented a multi-region strategy "
                + "with cross-region replication for critical data stores and a robust failover mechanism.";
        assertThat(clauseAround(a, "EKS")).isEqualTo("we deployed our EKS cluster across multiple Availability Zones "
                + "within a region");
    }

    @Test
    void clausesOfTwoTextsTakenInTurnEachComeFromTheirOwnText() {
        // the split of the last text is reused, so asking of one text and then another must not mix them up
        String first = "We sharded by tenant. The hot tenant still overloaded one shard, so we split it by hash.";
        String second = "I wrote the runbook first. Then the alert fired at night, and the runbook held up.";
        for (int round = 0; round < 2; round++) {
            assertThat(clauseAround(first, "hot tenant")).isEqualTo("The hot tenant still overloaded one shard, so we "
                    + "split it by hash");
            assertThat(clauseAround(second, "alert")).isEqualTo("the alert fired at night, and the runbook held up");
            assertThat(clauseAround(new String(first), "sharded")).startsWith("We sharded by tenant");
        }
    }

    @Test
    void unpunctuatedSpeechGivesWordsAroundTheCue() {
        String a = "so basically what we did was " + "we kept adding more and more workers to the queue ".repeat(4)
                + "and then we moved to kafka which fixed it and after that everything was fine for a long time";
        String q = clauseAround(a, "kafka");
        assertThat(q).contains("kafka");
        assertThat(Text.tokens(q)).hasSize(30);
    }

    @Test
    void wordsOfOneFamilyMeetWhereTheStemmerLeavesThemApart() {
        Set<String> asked = Set.of(Text.stem("consistency"), Text.stem("escape"));
        assertThat(Text.inFamily(Text.stem("consistent"), asked)).isTrue();
        assertThat(Text.inFamily(Text.stem("escaping"), asked)).isTrue();
        // a short word is not the root of every longer one: "size" and "sizeof", "char" and "characters" differ
        assertThat(Text.inFamily(Text.stem("size"), Set.of(Text.stem("sizeof")))).isFalse();
        // five shared letters are not a family: "transaction" is not "transform"
        assertThat(Text.inFamily(Text.stem("transaction"), Set.of(Text.stem("transform")))).isFalse();
        assertThat(Text.inFamily(Text.stem("replica"), asked)).isFalse();
    }

    @Test
    void anAcronymSpelledOutIsTheQuestionsOwnTerm() {
        assertThat(Text.expansions("What is CORS, and why does the browser enforce it?",
                "CORS is cross-origin resource sharing, so servers opt in with headers."))
                .containsExactlyInAnyOrder(Text.stem("cross"), Text.stem("origin"), Text.stem("cross-origin"),
                        Text.stem("resource"), Text.stem("sharing"));
        // a connective between the letters' words ("mean time to recovery"), and plural acronyms
        assertThat(Text.expansions("How do you lower MTTRs?", "the mean time to recovery of a team"))
                .containsExactlyInAnyOrder("mean", "time", Text.stem("recovery"));
        // words that only start with the right letters but are function words spell nothing
        assertThat(Text.expansions("Why use an ORM?", "of real mappings")).isEmpty();
        assertThat(Text.expansions("How does caching work?", "cache rows")).isEmpty();
    }
}
