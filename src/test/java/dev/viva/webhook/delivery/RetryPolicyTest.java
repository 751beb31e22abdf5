package dev.viva.webhook.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private static final List<Duration> DEFAULT = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));
    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void followsTheScheduleWithinTheJitterAndStopsWhenItIsUsedUp() {
        RetryPolicy p = new RetryPolicy(DEFAULT, 0.2, Duration.ofHours(24), new Random(7));
        for (int failures = 1; failures <= DEFAULT.size(); failures++) {
            Duration base = DEFAULT.get(failures - 1);
            Duration d = p.nextDelay(failures, 500, null, now).orElseThrow();
            assertThat(d).isBetween(base.multipliedBy(8).dividedBy(10), base.multipliedBy(12).dividedBy(10));
        }
        assertThat(p.nextDelay(DEFAULT.size() + 1, 500, null, now)).isEmpty();
        assertThat(p.maxAttempts()).isEqualTo(10);
    }

    @Test
    void jitterSpreadsRetriesOfTheSameStep() {
        RetryPolicy p = new RetryPolicy(DEFAULT, 0.2, Duration.ofHours(24), new Random(1));
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> p.nextDelay(3, null, null, now).orElseThrow()).distinct().count();
        assertThat(distinct).isGreaterThan(15);
    }

    @Test
    void retryAfterIsHonouredOnlyOn429And503AndCapped() {
        RetryPolicy p = new RetryPolicy(DEFAULT, 0, Duration.ofHours(24), new Random());
        assertThat(p.nextDelay(1, 429, "120", now)).contains(Duration.ofSeconds(120));
        assertThat(p.nextDelay(1, 503, "7", now)).contains(Duration.ofSeconds(7));
        assertThat(p.nextDelay(1, 500, "120", now)).contains(Duration.ofSeconds(5));
        assertThat(p.nextDelay(1, 429, "9999999", now)).contains(Duration.ofHours(24));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(90).atOffset(ZoneOffset.UTC));
        assertThat(p.nextDelay(2, 429, date, now)).contains(Duration.ofSeconds(90));
        assertThat(p.nextDelay(1, 429, "soon", now)).contains(Duration.ofSeconds(5));
    }

    @Test
    void parsesBothRetryAfterForms() {
        assertThat(RetryPolicy.parseRetryAfter("0", now)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("-3", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter(null, now)).isEqualTo(Optional.empty());
    }

    @Test
    void rejectsAJitterThatCouldMakeDelaysNegative() {
        assertThatThrownBy(() -> new RetryPolicy(DEFAULT, 1.5, Duration.ofHours(1), new Random()))
                .hasMessageContaining("retry-jitter");
    }
}
