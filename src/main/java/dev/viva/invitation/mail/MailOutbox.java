package dev.viva.invitation.mail;

import dev.viva.invitation.Invitation;
import dev.viva.invitation.MailDelivery;
import dev.viva.interview.Interview;
import dev.viva.platform.security.SecretCipher;
import dev.viva.webhook.delivery.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The sender's side of the mail outbox: claiming due mails under a lease, writing them, and recording each outcome. */
@ApplicationScoped
public class MailOutbox {

    /** A claimed mail, written and ready to send; valid while {@code owner} holds the lease. */
    public record Claim(UUID deliveryId, UUID owner, String recipient, MailWriter.Written mail) {
    }

    /**
     * Due mails, plus those whose lease ran out (their replica died mid-send). SKIP LOCKED lets concurrent replicas
     * each take different rows without waiting on one another.
     */
    private static final String CLAIM = """
            with due as (
                select id from mail_delivery
                where (status = 'PENDING' and next_attempt_at <= now()) or (status = 'SENDING' and lease_until < now())
                order by next_attempt_at
                limit ?1
                for update skip locked)
            update mail_delivery m
               set status = 'SENDING', lease_owner = ?2, lease_until = now() + ?3 * interval '1 millisecond',
                   attempts = m.attempts + 1
              from due where m.id = due.id
            returning m.id
            """;

    private final EntityManager em;
    private final SecretCipher cipher;
    private final MailWriter writer;
    private final RetryPolicy retries;

    MailOutbox(EntityManager em, SecretCipher cipher, MailWriter writer, MailConfig config) {
        this.em = em;
        this.cipher = cipher;
        this.writer = writer;
        this.retries = new RetryPolicy(config.retrySchedule(), 0.2, Duration.ZERO, new SecureRandom());
    }

    /**
     * Claims up to {@code limit} due mails and writes them. A mail whose interview has ended meanwhile is not sent:
     * it is marked FAILED with the reason, and left out of the claims.
     */
    @Transactional
    public List<Claim> claim(int limit, Duration lease) {
        UUID owner = UUID.randomUUID();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(CLAIM)
                .setParameter(1, limit).setParameter(2, owner).setParameter(3, lease.toMillis())
                .getResultList();
        Instant now = Instant.now();
        return ids.stream().map(id -> prepare(em.find(MailDelivery.class, id), owner, now))
                .flatMap(Optional::stream).toList();
    }

    private Optional<Claim> prepare(MailDelivery d, UUID owner, Instant now) {
        Interview interview = em.find(Interview.class, d.interviewId);
        Invitation invitation = em.find(Invitation.class, d.interviewId);
        if (interview.status.isFinal()) {
            finish(d, MailDelivery.Status.FAILED, "not sent: the interview is " + interview.status + " ("
                    + interview.endReason + ")");
            return Optional.empty();
        }
        String token;
        try {
            token = cipher.decrypt(invitation.tokenEnc);
        } catch (IllegalStateException e) {
            // the installation's key changed: no retry can recover the link, so say so rather than retry forever
            finish(d, MailDelivery.Status.FAILED, "not sent: the join link cannot be read back: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new Claim(d.id, owner, d.recipient, writer.write(d.kind, interview, token, now)));
    }

    /** Records how the attempt went: sent, bounced (for good), or failed (retried later, or FAILED once out of tries). */
    @Transactional
    public void record(Claim claim, SmtpSender.Result result) {
        MailDelivery d = em.find(MailDelivery.class, claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.status != MailDelivery.Status.SENDING || !claim.owner().equals(d.leaseOwner)) {
            return; // erased with its interview, or the lease ran out and another replica took the mail over
        }
        Instant now = Instant.now();
        switch (result) {
            case SmtpSender.Result.Sent s -> {
                finish(d, MailDelivery.Status.SENT, null);
                d.sentAt = now;
            }
            case SmtpSender.Result.Bounced b -> finish(d, MailDelivery.Status.BOUNCED, b.reply());
            case SmtpSender.Result.Failed f -> {
                Optional<Duration> delay = retries.nextDelay(d.attempts, null, null, now);
                if (delay.isPresent()) {
                    d.status = MailDelivery.Status.PENDING;
                    d.nextAttemptAt = now.plus(delay.get());
                    d.leaseOwner = null;
                    d.leaseUntil = null;
                    d.lastError = f.error();
                } else {
                    finish(d, MailDelivery.Status.FAILED, f.error());
                }
            }
        }
    }

    private static void finish(MailDelivery d, MailDelivery.Status status, String error) {
        d.status = status;
        d.lastError = error;
        d.nextAttemptAt = null;
        d.leaseOwner = null;
        d.leaseUntil = null;
    }
}
