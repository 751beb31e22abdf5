package dev.viva.webhook.service;

import dev.viva.platform.error.ApiProblem;
import dev.viva.webhook.EventType;
import dev.viva.webhook.WebhookAttempt;
import dev.viva.webhook.WebhookConfig;
import dev.viva.webhook.WebhookEndpoint;
import dev.viva.webhook.WebhookMessage;
import dev.viva.platform.security.SecretCipher;
import dev.viva.webhook.delivery.Signatures;
import dev.viva.webhook.delivery.TargetGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Endpoint subscriptions, their secrets, and the delivery log seen from the owner's side. */
@ApplicationScoped
public class EndpointService {

    /** An endpoint with the only copy of a secret just generated for it. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {
    }

    private static final int MAX_DESCRIPTION = 500;

    private final EntityManager em;
    private final TargetGuard guard;
    private final SecretCipher cipher;
    private final Outbox outbox;
    private final WebhookConfig config;

    EndpointService(EntityManager em, TargetGuard guard, SecretCipher cipher, Outbox outbox, WebhookConfig config) {
        this.em = em;
        this.guard = guard;
        this.cipher = cipher;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public WithSecret create(String url, List<EventType> eventTypes, String description) {
        WebhookEndpoint e = new WebhookEndpoint();
        e.id = UUID.randomUUID();
        e.url = checkedUrl(url);
        e.eventTypes = checkedTypes(eventTypes);
        e.description = checkedDescription(description);
        e.enabled = true;
        String secret = Signatures.newSecret();
        e.secretEnc = cipher.encrypt(secret);
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        em.persist(e);
        return new WithSecret(e, secret);
    }

    public List<WebhookEndpoint> list() {
        return em.createQuery("from WebhookEndpoint order by createdAt", WebhookEndpoint.class).getResultList();
    }

    public WebhookEndpoint get(UUID id) {
        WebhookEndpoint e = em.find(WebhookEndpoint.class, id);
        if (e == null) {
            throw ApiProblem.notFound("no webhook endpoint with id " + id);
        }
        return e;
    }

    /** Changes the fields given (null = unchanged). */
    @Transactional
    public WebhookEndpoint update(UUID id, String url, List<EventType> eventTypes, String description) {
        WebhookEndpoint e = get(id);
        if (url != null) {
            e.url = checkedUrl(url);
        }
        if (eventTypes != null) {
            e.eventTypes = checkedTypes(eventTypes);
        }
        if (description != null) {
            e.description = checkedDescription(description);
        }
        e.updatedAt = Instant.now();
        return e;
    }

    @Transactional
    public WebhookEndpoint disable(UUID id, String reason) {
        WebhookEndpoint e = get(id);
        if (e.enabled) {
            e.disable(reason == null || reason.isBlank() ? "disabled by a recruiter" : reason.strip(), Instant.now());
        }
        return e;
    }

    /** Re-enables an endpoint; the messages it kept pending while disabled go out again. */
    @Transactional
    public WebhookEndpoint enable(UUID id) {
        WebhookEndpoint e = get(id);
        if (!e.enabled) {
            e.enabled = true;
            e.disabledReason = null;
            e.disabledAt = null;
            e.failingSince = null;
            e.updatedAt = Instant.now();
            outbox.wakeDispatcherAfterCommit();
        }
        return e;
    }

    @Transactional
    public void delete(UUID id) {
        em.remove(get(id));
    }

    /** A new secret; the previous one keeps signing (alongside) until the overlap ends. */
    @Transactional
    public WithSecret rotateSecret(UUID id, Duration overlap) {
        Duration o = overlap == null ? config.rotationOverlap() : overlap;
        if (o.isNegative() || o.compareTo(Duration.ofDays(7)) > 0) {
            throw ApiProblem.badRequest("overlap", "the overlap must be between PT0S and P7D");
        }
        WebhookEndpoint e = get(id);
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        String secret = Signatures.newSecret();
        Instant now = Instant.now();
        e.previousSecretEnc = o.isZero() ? null : e.secretEnc;
        e.previousSecretUntil = o.isZero() ? null : now.plus(o);
        e.secretEnc = cipher.encrypt(secret);
        e.updatedAt = now;
        return new WithSecret(e, secret);
    }

    @Transactional
    public WebhookMessage ping(UUID id) {
        WebhookEndpoint e = get(id);
        requireEnabled(e);
        return outbox.ping(e);
    }

    public List<WebhookMessage> messages(UUID endpointId, WebhookMessage.Status status, Instant since, int limit) {
        get(endpointId);
        StringBuilder q = new StringBuilder("from WebhookMessage where endpointId = :e");
        if (status != null) {
            q.append(" and status = :s");
        }
        if (since != null) {
            q.append(" and createdAt >= :since");
        }
        var query = em.createQuery(q.append(" order by createdAt desc").toString(), WebhookMessage.class)
                .setParameter("e", endpointId).setMaxResults(limit);
        if (status != null) {
            query.setParameter("s", status);
        }
        if (since != null) {
            query.setParameter("since", since);
        }
        return query.getResultList();
    }

    public WebhookMessage message(String messageId) {
        WebhookMessage m = em.find(WebhookMessage.class, messageId);
        if (m == null) {
            throw ApiProblem.notFound("no webhook message with id " + messageId);
        }
        return m;
    }

    public List<WebhookAttempt> attemptsOfMessage(String messageId) {
        message(messageId);
        return em.createQuery("from WebhookAttempt where messageId = :m order by startedAt desc, attempt desc",
                WebhookAttempt.class).setParameter("m", messageId).getResultList();
    }

    public List<WebhookAttempt> attemptsOfEndpoint(UUID endpointId, int limit) {
        get(endpointId);
        return em.createQuery("from WebhookAttempt where endpointId = :e order by startedAt desc",
                WebhookAttempt.class).setParameter("e", endpointId).setMaxResults(limit).getResultList();
    }

    /** Sends a message again now, with the same webhook-id, whatever became of it; the retry schedule restarts. */
    @Transactional
    public WebhookMessage redeliver(String messageId) {
        WebhookMessage m = em.find(WebhookMessage.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ApiProblem.notFound("no webhook message with id " + messageId);
        }
        requireEnabled(get(m.endpointId));
        if (m.status == WebhookMessage.Status.SENDING) {
            throw ApiProblem.conflict("message " + messageId + " is being sent right now");
        }
        requeue(m, Instant.now());
        outbox.wakeDispatcherAfterCommit();
        return m;
    }

    /** Queues again every delivered or failed message of the endpoint created since {@code since}; returns how many. */
    @Transactional
    public int replay(UUID endpointId, Instant since) {
        requireEnabled(get(endpointId));
        if (since.isAfter(Instant.now())) {
            throw ApiProblem.badRequest("since", "'since' is in the future");
        }
        int n = em.createQuery("""
                        update WebhookMessage set status = :pending, retryStep = 0, nextAttemptAt = :now
                        where endpointId = :e and createdAt >= :since and status in (:delivered, :failed)""")
                .setParameter("pending", WebhookMessage.Status.PENDING).setParameter("now", Instant.now())
                .setParameter("e", endpointId).setParameter("since", since)
                .setParameter("delivered", WebhookMessage.Status.DELIVERED)
                .setParameter("failed", WebhookMessage.Status.FAILED)
                .executeUpdate();
        if (n > 0) {
            outbox.wakeDispatcherAfterCommit();
        }
        return n;
    }

    private static void requeue(WebhookMessage m, Instant now) {
        m.status = WebhookMessage.Status.PENDING;
        m.retryStep = 0;
        m.nextAttemptAt = now;
    }

    private static void requireEnabled(WebhookEndpoint e) {
        if (!e.enabled) {
            throw ApiProblem.conflict("webhook endpoint " + e.id + " is disabled (" + e.disabledReason
                    + "); enable it first");
        }
    }

    private String checkedUrl(String url) {
        try {
            return guard.check(url).uri().toString();
        } catch (TargetGuard.Refused e) {
            throw ApiProblem.badRequest("url", e.getMessage());
        }
    }

    private static String[] checkedTypes(List<EventType> types) {
        if (types == null || types.isEmpty()) {
            throw ApiProblem.badRequest("eventTypes", "subscribe to at least one event type");
        }
        if (types.contains(null)) {
            throw ApiProblem.badRequest("eventTypes", "event types cannot be null");
        }
        return new LinkedHashSet<>(types).stream().map(EventType::id).toArray(String[]::new);
    }

    private static String checkedDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw ApiProblem.badRequest("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        return description == null || description.isBlank() ? null : description.strip();
    }
}
