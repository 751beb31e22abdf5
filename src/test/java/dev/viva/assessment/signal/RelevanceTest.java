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
    void aRamblingAnswerThatGetsToThePointAfterAnAnecdoteIsReadWhereItDoes() {
        String anecdote = "Oh, that one's close to home. At my last company we ran everything on one big PostgreSQL box "
                + "that a contractor had set up years before I joined, and nobody really knew how it was configured. The "
                + "team was four people, we were on call every other week, and half our tickets were about the billing "
                + "service, which was written in Perl by someone who had left, so honestly most days were archaeology. "
                + "We also moved offices twice that year and the VPN was terrible, which made on-call even more fun, and "
                + "the monitoring was a mix of Nagios checks and emails nobody read. ";
        String point = "But for the query: I'd run EXPLAIN ANALYZE with production-like parameters, compare estimated "
                + "and actual rows to spot stale statistics, check pg_stat_statements for when its mean time jumped, and "
                + "see whether a sequential scan replaced the index scan after the table grew.";
        assertThat(anecdote.length()).isGreaterThan(500);
        assertThat(RELEVANCE.cosine(QUESTION, anecdote + point)).isGreaterThan(RELEVANCE.cosine(QUESTION, anecdote))
                .isGreaterThan(RELEVANCE.cosine(QUESTION, anecdote + anecdote));
    }

    @Test
    void theProbabilityIsMonotonicInTheCosine() {
        var calibration = Relevance.Calibration.DEFAULT;
        assertThat(RELEVANCE.probability(calibration.midpoint())).isEqualTo(0.5);
        assertThat(RELEVANCE.probability(calibration.midpoint() + 0.05)).isGreaterThan(0.9);
        assertThat(RELEVANCE.probability(calibration.midpoint() - 0.05)).isLessThan(0.1);
    }
}
