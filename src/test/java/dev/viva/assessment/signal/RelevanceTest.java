package dev.viva.assessment.signal;

import dev.viva.assessment.Embedders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelevanceTest {

    static final Relevance RELEVANCE = new Relevance(Embedders.E5);
    static final String QUESTION = "How would you find out why a PostgreSQL query became slow?";

    @Test
    void aLongSpecificAnswerIsOnTopicAndAnAnswerAboutSomethingElseIsNot() {
        String specific = "I'd start with EXPLAIN ANALYZE on the exact query with production-like parameters and compare "
                + "estimated and actual rows: a big mismatch usually means stale statistics, so I'd run ANALYZE. Then I'd "
                + "check pg_stat_statements for when the mean time jumped, see whether a sequential scan replaced an index "
                + "scan after the table grew past a few million rows, and look for lock waits in pg_stat_activity.";
        String elsewhere = "In React I keep state as local as possible and only lift it to a context when two distant "
                + "components really need it, which avoids re-rendering the whole tree.";
        double on = RELEVANCE.of(QUESTION, specific);
        double off = RELEVANCE.of(QUESTION, elsewhere);
        assertThat(on).isGreaterThan(0.5);
        assertThat(off).isLessThan(0.2);
        assertThat(RELEVANCE.cosine(QUESTION, specific)).isGreaterThan(RELEVANCE.cosine(QUESTION, elsewhere));
    }

    @Test
    void theProbabilityIsMonotonicInTheCosine() {
        var calibration = Relevance.Calibration.DEFAULT;
        assertThat(RELEVANCE.probability(calibration.midpoint())).isEqualTo(0.5);
        assertThat(RELEVANCE.probability(calibration.midpoint() + 0.05)).isGreaterThan(0.9);
        assertThat(RELEVANCE.probability(calibration.midpoint() - 0.05)).isLessThan(0.1);
    }
}
