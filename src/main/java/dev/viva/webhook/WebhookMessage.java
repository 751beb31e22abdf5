package dev.viva.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox row: a message for one endpoint. Its id is the {@code webhook-id} header, the same on every attempt, so
 * receivers can use it as the idempotency key. The payload is stored as the exact bytes that are signed and sent.
 */
@Entity
@Table(name = "webhook_message")
public class WebhookMessage extends PanacheEntityBase {

    public enum Status { PENDING, SENDING, DELIVERED, FAILED }

    @Id
    public String id;

    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "interview_id")
    public UUID interviewId;

    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "retry_step", nullable = false)
    public int retryStep;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_owner")
    public UUID leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
