package dev.viva.fault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite in its short CI form: the packaged server as a separate process, 4 interviews or more driven by 2
 * candidates at once, 6 SIGKILLs (at random moments, right after a completion, during a webhook delivery), then the
 * invariants and a graceful stop. The long form is {@link FaultSuiteBenchmark} (-Pbench); figures in BENCHMARKS.md.
 */
class FaultSuiteTest {

    @Test
    void killedAndRestartedTheServerLosesNothingAndDuplicatesNothing() throws Exception {
        long seed = Long.getLong("viva.fault.seed", 20261202L);
        FaultSuite.Result result = new FaultSuite(new FaultSuite.Plan(4, 6, 2, seed)).run();
        System.out.println("fault suite (seed " + seed + "): " + result.summary());
        assertThat(result.violations()).isEmpty();
        assertThat(result.gracefulStopOk()).isTrue();
        assertThat(result.interviews()).isGreaterThanOrEqualTo(4);
        assertThat(result.totalKills()).as("the server was really killed").isGreaterThanOrEqualTo(1);
        assertThat(result.turnsChecked()).isPositive();
        assertThat(result.reports()).isGreaterThanOrEqualTo(result.interviews());
    }
}
