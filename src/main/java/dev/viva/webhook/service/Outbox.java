package dev.viva.webhook.service;

import dev.viva.interview.InterviewEvent;
import dev.viva.webhook.EventType;
import dev.viva.webhook.WebhookEndpoint;
import dev.viva.webhook.WebhookMessage;
import dev.viva.webhook.delivery.Dispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Writes webhook messages into the outbox. Interview events are observed synchronously, inside the transaction that
 * fires them: the messages commit with the interview change or not at all, so no event is announced that did not
 * happen and none that happened is missed. The dispatcher is woken once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object WAKE_REGISTERED = new Object();

    private final EntityManager em;
    private final Payloads payloads;
    private final Dispatcher dispatcher;
    private final TransactionSynchronizationRegistry tx;

    Outbox(EntityManager em, Payloads payloads, Dispatcher dispatcher, TransactionSynchronizationRegistry tx) {
        this.em = em;
        this.payloads = payloads;
        this.dispatcher = dispatcher;
        this.tx = tx;
    }

    void on(@Observes InterviewEvent event) {
        EventType type = Payloads.typeOf(event).orElse(null);
        if (type == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<WebhookEndpoint> endpoints = em.createNativeQuery(
                        "select * from webhook_endpoint where enabled and ?1 = any(event_types)", WebhookEndpoint.class)
                .setParameter(1, type.id()).getResultList();
        if (endpoints.isEmpty()) {
            return;
        }
        String payload = payloads.forEvent(type, event);
        for (WebhookEndpoint endpoint : endpoints) {
            enqueue(endpoint.id, type, event.interviewId(), payload);
        }
    }

    /** A ping to one endpoint; must run in a transaction. */
    WebhookMessage ping(WebhookEndpoint endpoint) {
        Instant now = Instant.now();
        return enqueue(endpoint.id, EventType.PING, null, payloads.ping(endpoint.id, now));
    }

    private WebhookMessage enqueue(UUID endpointId, EventType type, UUID interviewId, String payload) {
        WebhookMessage m = new WebhookMessage();
        m.id = newMessageId();
        m.endpointId = endpointId;
        m.eventType = type.id();
        m.interviewId = interviewId;
        m.payload = payload;
        m.status = WebhookMessage.Status.PENDING;
        m.createdAt = Instant.now();
        m.nextAttemptAt = m.createdAt;
        em.persist(m);
        wakeDispatcherAfterCommit();
        return m;
    }

    /** Wakes the dispatcher once the current transaction commits, so a new message goes out without a poll's delay. */
    void wakeDispatcherAfterCommit() {
        if (tx.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        tx.putResource(WAKE_REGISTERED, Boolean.TRUE);
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.wake();
                }
            }
        });
    }

    private static String newMessageId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
