package dev.viva.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One delivery attempt of a message, as the delivery log shows it. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "latency_ms", nullable = false)
    public int latencyMs;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "response_body")
    public String responseBody;

    public String error;

    @Column(nullable = false)
    public boolean succeeded;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
}
