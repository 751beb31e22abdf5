package dev.viva.invitation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The e-mailed invitation of one interview: the candidate token kept encrypted, so later mails carry the same link. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    @Column(name = "interview_id")
    public UUID interviewId;

    /** The candidate token, AES-GCM encrypted with the installation's key ({@code SecretCipher}). */
    @Column(name = "token_enc", nullable = false)
    public String tokenEnc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the reminder was queued; null until then (and for good when none is due). */
    @Column(name = "reminded_at")
    public Instant remindedAt;
}
