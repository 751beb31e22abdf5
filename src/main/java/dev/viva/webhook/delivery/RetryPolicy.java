package dev.viva.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** When a failed message is tried again: the schedule with jitter, or the receiver's {@code Retry-After}. */
public final class RetryPolicy {

    private final List<Duration> schedule;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final RandomGenerator random;

    public RetryPolicy(List<Duration> schedule, double jitter, Duration maxRetryAfter, RandomGenerator random) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("viva.webhook.retry-jitter must be in [0, 1), got " + jitter);
        }
        this.schedule = List.copyOf(schedule);
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /**
     * The delay before the next attempt after the {@code failures}-th failure in a row (1-based), or empty when the
     * schedule is used up. A receiver's Retry-After (429/503 only) replaces the scheduled delay, capped.
     */
    public Optional<Duration> nextDelay(int failures, Integer status, String retryAfter, Instant now) {
        if (failures > schedule.size()) {
            return Optional.empty();
        }
        if (status != null && (status == 429 || status == 503)) {
            Optional<Duration> asked = parseRetryAfter(retryAfter, now);
            if (asked.isPresent()) {
                Duration d = asked.get();
                return Optional.of(d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d);
            }
        }
        Duration base = schedule.get(failures - 1);
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Optional.of(Duration.ofNanos((long) (base.toNanos() * factor)));
    }

    public int maxAttempts() {
        return schedule.size() + 1;
    }

    /** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException ignored) {
            // not a number: try the date form
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
