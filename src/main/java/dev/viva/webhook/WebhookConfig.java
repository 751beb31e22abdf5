package dev.viva.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook subscriptions and their delivery. */
@ConfigMapping(prefix = "viva.webhook")
public interface WebhookConfig {

    /**
     * Base64 of a 32-byte AES key that encrypts the endpoints' signing secrets (and invited candidates' tokens, see
     * {@code dev.viva.platform.security.SecretCipher}) at rest. When absent, a key is
     * generated once and kept in the database (table {@code webhook_setting}) so every replica shares it: the
     * secrets are then only as safe as the database itself, so production should set this.
     */
    Optional<String> secretKey();

    /** Accept plain {@code http://} endpoint URLs. Off by default: webhook bodies carry candidate data. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Targets exempt from the private-address guard: CIDR ranges ({@code 10.1.0.0/16}, {@code ::1/128}), single
     * addresses, host names ({@code hooks.internal}) or host suffixes ({@code .corp.example}). Everything on
     * loopback, link-local, private, CGNAT, multicast and unspecified ranges is refused unless listed here.
     */
    Optional<List<String>> allowedTargets();

    /** Longest one delivery attempt may take, connection included; a slower receiver counts as a failure. */
    @WithDefault("10S")
    Duration attemptTimeout();

    /**
     * Delays before each retry after a failed attempt, in order; once they are used up the message is FAILED
     * (it can still be redelivered by hand). The default retries at about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
     * 14 h, 20 h and 24 h after the first failure: ten attempts over a day.
     */
    @WithDefault("5S,295S,25M,90M,3H,5H,4H,6H,4H")
    List<Duration> retrySchedule();

    /** Random spread applied to each retry delay (0.2 = plus or minus 20%) so failed bursts do not retry in step. */
    @WithDefault("0.2")
    double retryJitter();

    /** Upper bound on a receiver's {@code Retry-After} (429/503): a receiver cannot park a message for weeks. */
    @WithDefault("24H")
    Duration maxRetryAfter();

    /** An endpoint whose deliveries have failed without a single success for this long is disabled. */
    @WithDefault("120H")
    Duration disableAfterFailingFor();

    /** Default overlap during which the previous secret still signs after a rotation. */
    @WithDefault("24H")
    Duration rotationOverlap();

    /** A {@code report.ready} message carries the report inline up to this many bytes, else a link to it. */
    @WithDefault("262144")
    int reportInlineLimit();

    /** How many bytes of a receiver's response body the delivery log keeps. */
    @WithDefault("2048")
    int responseBodyLimit();

    /** The background dispatcher. */
    Dispatcher dispatcher();

    interface Dispatcher {

        /** Run the dispatcher in this process. Turn it off on replicas that should only write to the outbox. */
        @WithDefault("true")
        boolean enabled();

        /** How often the outbox is polled for due messages; new messages also wake it as soon as they commit. */
        @WithDefault("1S")
        Duration pollInterval();

        /** Most messages claimed (and then sent concurrently) per poll. */
        @WithDefault("64")
        int batchSize();

        /**
         * Sender threads: most attempts in flight at once in this process. Each one records its outcome in its own transaction, so
         * keep it below the datasource pool size ({@code quarkus.datasource.jdbc.max-size}).
         */
        @WithDefault("16")
        int concurrency();

        /**
         * How long a claim lasts. A replica that dies while sending leaves its claims, and another replica retries
         * them once the lease runs out, so it must be well above the attempt timeout.
         */
        @WithDefault("2M")
        Duration lease();
    }
}
