package dev.viva.webhook.rest;

import dev.viva.webhook.EventType;
import dev.viva.webhook.WebhookAttempt;
import dev.viva.webhook.WebhookEndpoint;
import dev.viva.webhook.WebhookMessage;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON shapes of the webhook API. */
final class WebhookViews {

    private WebhookViews() {
    }

    @RegisterForReflection
    record EndpointRequest(String url, List<EventType> eventTypes, String description) {
    }

    @RegisterForReflection
    record DisableRequest(String reason) {
    }

    /** {@code overlap} is an ISO-8601 duration such as {@code PT24H}. */
    @RegisterForReflection
    record RotateRequest(String overlap) {
    }

    @RegisterForReflection
    record ReplayRequest(String since) {
    }

    @RegisterForReflection
    record EndpointView(UUID id, String url, List<EventType> eventTypes, String description, boolean enabled,
                        String disabledReason, Instant disabledAt, Instant failingSince,
                        Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt) {
        static EndpointView of(WebhookEndpoint e) {
            Instant previous = e.previousSecretUntil != null && e.previousSecretUntil.isAfter(Instant.now())
                    ? e.previousSecretUntil : null;
            return new EndpointView(e.id, e.url, e.events(), e.description, e.enabled, e.disabledReason, e.disabledAt,
                    e.failingSince, previous, e.createdAt, e.updatedAt);
        }
    }

    /** The endpoint and its secret: answered only at creation and rotation. */
    @RegisterForReflection
    record EndpointWithSecret(UUID id, String url, List<EventType> eventTypes, String description, boolean enabled,
                              String secret, Instant previousSecretExpiresAt, Instant createdAt) {
        static EndpointWithSecret of(WebhookEndpoint e, String secret) {
            return new EndpointWithSecret(e.id, e.url, e.events(), e.description, e.enabled, secret,
                    e.previousSecretUntil, e.createdAt);
        }
    }

    @RegisterForReflection
    record MessageView(String id, UUID endpointId, String eventType, UUID interviewId, WebhookMessage.Status status,
                       int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                       Instant createdAt, Instant deliveredAt) {
        static MessageView of(WebhookMessage m) {
            return new MessageView(m.id, m.endpointId, m.eventType, m.interviewId, m.status, m.attempts,
                    m.lastStatusCode, m.lastError, m.status == WebhookMessage.Status.PENDING ? m.nextAttemptAt : null,
                    m.createdAt, m.deliveredAt);
        }
    }

    @RegisterForReflection
    record MessageDetail(MessageView message, String payload, List<AttemptView> attempts) {
    }

    @RegisterForReflection
    record AttemptView(UUID id, String messageId, int attempt, Instant startedAt, int latencyMs, boolean succeeded,
                       Integer statusCode, String responseBody, String error, Instant nextAttemptAt) {
        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.id, a.messageId, a.attempt, a.startedAt, a.latencyMs, a.succeeded, a.statusCode,
                    a.responseBody, a.error, a.nextAttemptAt);
        }
    }

    @RegisterForReflection
    record Replayed(int requeued) {
    }
}
