package dev.viva.invitation;

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
 * One mail to a candidate, a row of the mail outbox. It holds no text: the mail is written when it is sent, from the
 * interview and the invitation, so no copy of the join link's token lies in the outbox.
 */
@Entity
@Table(name = "mail_delivery")
public class MailDelivery extends PanacheEntityBase {

    public enum Kind { INVITATION, REMINDER, RESEND }

    /** PENDING (waiting, or between retries), SENDING (claimed), SENT, FAILED (retries used up) or BOUNCED. */
    public enum Status { PENDING, SENDING, SENT, FAILED, BOUNCED }

    @Id
    public UUID id;

    @Column(name = "interview_id", nullable = false)
    public UUID interviewId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_owner")
    public UUID leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** The last attempt's error: the SMTP server's reply, or why it could not be reached. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** A new mail, due at once. */
    public static MailDelivery queue(UUID interviewId, Kind kind, String recipient, Instant now) {
        MailDelivery d = new MailDelivery();
        d.id = UUID.randomUUID();
        d.interviewId = interviewId;
        d.kind = kind;
        d.recipient = recipient;
        d.status = Status.PENDING;
        d.nextAttemptAt = now;
        d.createdAt = now;
        return d;
    }
}
