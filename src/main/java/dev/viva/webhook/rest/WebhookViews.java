package dev.viva.webhook.rest;

import dev.viva.webhook.EventType;
import dev.viva.webhook.WebhookAttempt;
import dev.viva.webhook.WebhookEndpoint;
import dev.viva.webhook.WebhookMessage;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON shapes of the webhook API. */
final class WebhookViews {

    private WebhookViews() {
    }

    @RegisterForReflection
    record EndpointRequest(@Schema(examples = "https://ats.example.com/hooks/viva") String url,
                           @Schema(description = "at least one; required at creation") List<EventType> eventTypes,
                           @Schema(examples = "ATS", maxLength = 500) String description) {
    }

    @RegisterForReflection
    record DisableRequest(@Schema(examples = "the ATS is being migrated") String reason) {
    }

    /** {@code overlap} is an ISO-8601 duration such as {@code PT24H}. */
    @RegisterForReflection
    record RotateRequest(@Schema(examples = "PT24H", description = "ISO-8601 duration, 0 to 7 days") String overlap) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = "since")
    record ReplayRequest(@Schema(examples = "2026-11-22T00:00:00Z", format = "date-time") String since) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "url", "eventTypes", "enabled", "createdAt"})
    record EndpointView(@Schema(examples = "8a1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") UUID id,
                        @Schema(examples = "https://ats.example.com/hooks/viva") String url,
                        List<EventType> eventTypes, @Schema(examples = "ATS") String description,
                        @Schema(examples = "true") boolean enabled,
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
    @Schema(requiredProperties = {"id", "url", "eventTypes", "enabled", "secret", "createdAt"})
    record EndpointWithSecret(@Schema(examples = "8a1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") UUID id,
                              @Schema(examples = "https://ats.example.com/hooks/viva") String url,
                              List<EventType> eventTypes, @Schema(examples = "ATS") String description,
                              @Schema(examples = "true") boolean enabled,
                              @Schema(examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                                      description = "the signing secret; shown only at creation and rotation")
                              String secret, Instant previousSecretExpiresAt, Instant createdAt) {
        static EndpointWithSecret of(WebhookEndpoint e, String secret) {
            return new EndpointWithSecret(e.id, e.url, e.events(), e.description, e.enabled, secret,
                    e.previousSecretUntil, e.createdAt);
        }
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "endpointId", "eventType", "status", "attempts", "createdAt"})
    record MessageView(@Schema(examples = "msg_3xQfS0c5oYz7hD2PqM1a9kTb") String id, UUID endpointId,
                       @Schema(examples = "report.ready") String eventType, UUID interviewId,
                       WebhookMessage.Status status, @Schema(examples = "1") int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                       Instant createdAt, Instant deliveredAt) {
        static MessageView of(WebhookMessage m) {
            return new MessageView(m.id, m.endpointId, m.eventType, m.interviewId, m.status, m.attempts,
                    m.lastStatusCode, m.lastError, m.status == WebhookMessage.Status.PENDING ? m.nextAttemptAt : null,
                    m.createdAt, m.deliveredAt);
        }
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"message", "payload", "attempts"})
    record MessageDetail(MessageView message,
                         @Schema(description = "the exact body that is signed and sent",
                                 examples = "{\"type\":\"ping\",\"timestamp\":\"2026-11-22T10:00:00Z\",\"data\":{}}")
                         String payload, List<AttemptView> attempts) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "messageId", "attempt", "startedAt", "latencyMs", "succeeded"})
    record AttemptView(UUID id, @Schema(examples = "msg_3xQfS0c5oYz7hD2PqM1a9kTb") String messageId,
                       @Schema(examples = "1") int attempt, Instant startedAt, @Schema(examples = "12") int latencyMs,
                       @Schema(examples = "true") boolean succeeded,
                       Integer statusCode, String responseBody, String error, Instant nextAttemptAt) {
        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.id, a.messageId, a.attempt, a.startedAt, a.latencyMs, a.succeeded, a.statusCode,
                    a.responseBody, a.error, a.nextAttemptAt);
        }
    }

    @RegisterForReflection
    @Schema(requiredProperties = "requeued")
    record Replayed(@Schema(examples = "3") int requeued) {
    }
}
