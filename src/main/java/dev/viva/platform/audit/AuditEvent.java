package dev.viva.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One entry of the audit log; never updated or deleted by the application. Details are a JSON object. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_kind", nullable = false)
    public String actorKind;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_name", nullable = false)
    public String actorName;

    @Column(nullable = false)
    public String action;

    @Column(name = "target_type", nullable = false)
    public String targetType;

    @Column(name = "target_id")
    public String targetId;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String details;
}
