package dev.viva.fault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's long form: at least {@code -Dviva.fault.interviews} interviews (default 20) by 4 candidates at
 * once and {@code -Dviva.fault.kills} SIGKILLs (default 100) of the packaged server. Prints the figures recorded in
 * BENCHMARKS.md and fails on any violation. Run: {@code ./mvnw -B test -Pbench -Dtest=FaultSuiteBenchmark} (about
 * 15 minutes on 2 cores: each restart takes several seconds).
 */
class FaultSuiteBenchmark {

    @Test
    void hundredKills() throws Exception {
        int interviews = Integer.getInteger("viva.fault.interviews", 20);
        int kills = Integer.getInteger("viva.fault.kills", 100);
        long seed = Long.getLong("viva.fault.seed", System.currentTimeMillis());
        FaultSuite.Result result = new FaultSuite(new FaultSuite.Plan(interviews, kills, 4, seed)).run();
        System.out.printf("%n== fault suite, seed %d ==%n%s%n", seed, result.summary());
        result.violations().forEach(v -> System.out.println("  violation: " + v));
        assertThat(result.violations()).isEmpty();
        assertThat(result.gracefulStopOk()).isTrue();
    }
}
