package dev.viva.webhook.delivery;

import dev.viva.webhook.WebhookAttempt;
import dev.viva.webhook.WebhookConfig;
import dev.viva.webhook.WebhookEndpoint;
import dev.viva.webhook.WebhookMessage;
import dev.viva.platform.security.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The dispatcher's side of the outbox: claiming due messages under a lease, and recording how each attempt went. */
@ApplicationScoped
public class OutboxStore {

    /** A claimed message with what is needed to send it; valid while {@code owner} holds the lease. */
    public record Claim(String messageId, UUID endpointId, String url, String payload, int attempt, int retryStep,
                        List<String> secrets, UUID owner) {
    }

    /** How one attempt went: a status when the receiver answered, an error when it did not. */
    public record Outcome(Instant startedAt, int latencyMs, Integer status, String body, String retryAfter,
                          String error) {
        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private static final Logger LOG = Logger.getLogger(OutboxStore.class);

    /**
     * Due messages of enabled endpoints, plus those whose lease ran out (their replica died mid-send). SKIP LOCKED lets
     * concurrent replicas each take different rows without waiting on one another.
     */
    private static final String CLAIM = """
            with due as (
                select m.id from webhook_message m join webhook_endpoint e on e.id = m.endpoint_id
                where e.enabled
                  and ((m.status = 'PENDING' and m.next_attempt_at <= now())
                    or (m.status = 'SENDING' and m.lease_until < now()))
                order by m.next_attempt_at
                limit ?1
                for update of m skip locked)
            update webhook_message m
               set status = 'SENDING', lease_owner = ?2, lease_until = now() + ?3 * interval '1 millisecond',
                   attempts = m.attempts + 1
              from due where m.id = due.id
            returning m.id, m.endpoint_id, m.payload, m.attempts, m.retry_step
            """;

    private final EntityManager em;
    private final SecretCipher cipher;
    private final WebhookConfig config;
    private final RetryPolicy retries;

    OutboxStore(EntityManager em, SecretCipher cipher, WebhookConfig config) {
        this.em = em;
        this.cipher = cipher;
        this.config = config;
        this.retries = new RetryPolicy(config.retrySchedule(), config.retryJitter(), config.maxRetryAfter(),
                new SecureRandom());
    }

    @Transactional
    public List<Claim> claim(int limit, Duration lease) {
        UUID owner = UUID.randomUUID();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CLAIM)
                .setParameter(1, limit).setParameter(2, owner).setParameter(3, lease.toMillis())
                .getResultList();
        Map<UUID, WebhookEndpoint> endpoints = new HashMap<>();
        Map<UUID, List<String>> secrets = new HashMap<>();
        Instant now = Instant.now();
        List<Claim> claims = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID endpointId = (UUID) r[1];
            WebhookEndpoint e = endpoints.computeIfAbsent(endpointId, id -> em.find(WebhookEndpoint.class, id));
            List<String> keys = secrets.computeIfAbsent(endpointId, id -> activeSecrets(e, now));
            claims.add(new Claim((String) r[0], endpointId, e.url, (String) r[2], ((Number) r[3]).intValue(),
                    ((Number) r[4]).intValue(), keys, owner));
        }
        return claims;
    }

    private List<String> activeSecrets(WebhookEndpoint e, Instant now) {
        List<String> keys = new ArrayList<>(2);
        keys.add(cipher.decrypt(e.secretEnc));
        if (e.previousSecretEnc != null && e.previousSecretUntil != null && e.previousSecretUntil.isAfter(now)) {
            keys.add(cipher.decrypt(e.previousSecretEnc));
        }
        return keys;
    }

    /** Logs the attempt and moves the message on: delivered, retried later, or failed for good. */
    @Transactional
    public void record(Claim claim, Outcome outcome) {
        Instant now = Instant.now();
        WebhookMessage m = em.find(WebhookMessage.class, claim.messageId(), LockModeType.PESSIMISTIC_WRITE);
        WebhookAttempt log = new WebhookAttempt();
        log.id = UUID.randomUUID();
        log.messageId = claim.messageId();
        log.endpointId = claim.endpointId();
        log.attempt = claim.attempt();
        log.startedAt = outcome.startedAt();
        log.latencyMs = outcome.latencyMs();
        log.statusCode = outcome.status();
        log.responseBody = outcome.body();
        log.error = outcome.error();
        log.succeeded = outcome.succeeded();
        if (m == null) {
            return; // deleted with its endpoint while in flight
        }
        boolean ownsLease = m.status == WebhookMessage.Status.SENDING && claim.owner().equals(m.leaseOwner);
        if (ownsLease) {
            m.leaseOwner = null;
            m.leaseUntil = null;
            m.lastStatusCode = outcome.status();
            m.lastError = outcome.error();
            if (outcome.succeeded()) {
                m.status = WebhookMessage.Status.DELIVERED;
                m.deliveredAt = now;
                m.nextAttemptAt = null;
            } else {
                m.retryStep = claim.retryStep() + 1;
                Optional<Duration> delay = retries.nextDelay(m.retryStep, outcome.status(), outcome.retryAfter(), now);
                m.status = delay.isPresent() ? WebhookMessage.Status.PENDING : WebhookMessage.Status.FAILED;
                m.nextAttemptAt = delay.map(now::plus).orElse(null);
                log.nextAttemptAt = m.nextAttemptAt;
            }
        } else {
            LOG.debugf("Lost the lease of %s before recording attempt %d; another dispatcher took it over",
                    claim.messageId(), claim.attempt());
        }
        em.persist(log);
        updateEndpointHealth(claim, outcome, now);
    }

    private void updateEndpointHealth(Claim claim, Outcome outcome, Instant now) {
        WebhookEndpoint e = em.find(WebhookEndpoint.class, claim.endpointId());
        if (e == null) {
            return;
        }
        if (outcome.succeeded()) {
            if (e.failingSince != null) {
                e.failingSince = null;
                e.updatedAt = now;
            }
            return;
        }
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        if (!e.enabled) {
            return;
        }
        if (outcome.status() != null && outcome.status() == 410) {
            e.disable("the receiver answered 410 Gone to message " + claim.messageId() + " at " + now
                    + "; enable the endpoint again once it accepts deliveries", now);
            LOG.infof("Webhook endpoint %s disabled: it answered 410 Gone", e.id);
            return;
        }
        if (e.failingSince == null) {
            e.failingSince = outcome.startedAt();
            e.updatedAt = now;
        } else if (Duration.between(e.failingSince, now).compareTo(config.disableAfterFailingFor()) >= 0) {
            e.disable("no delivery has succeeded since " + e.failingSince + "; last attempt: "
                    + describe(outcome) + "; enable the endpoint again once it accepts deliveries", now);
            LOG.infof("Webhook endpoint %s disabled: failing since %s", e.id, e.failingSince);
        }
    }

    static String describe(Outcome outcome) {
        return outcome.status() != null ? "HTTP " + outcome.status() : outcome.error();
    }
}
