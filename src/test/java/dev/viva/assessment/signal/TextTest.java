package dev.viva.assessment.signal;

import org.junit.jupiter.api.Test;

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
    void unpunctuatedSpeechGivesWordsAroundTheCue() {
        String a = "so basically what we did was " + "we kept adding more and more workers to the queue ".repeat(4)
                + "and then we moved to kafka which fixed it and after that everything was fine for a long time";
        String q = clauseAround(a, "kafka");
        assertThat(q).contains("kafka");
        assertThat(Text.tokens(q)).hasSize(30);
    }
}
