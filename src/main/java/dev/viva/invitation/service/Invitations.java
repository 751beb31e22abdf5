package dev.viva.invitation.service;

import dev.viva.invitation.Invitation;
import dev.viva.invitation.InvitationConfig;
import dev.viva.invitation.MailDelivery;
import dev.viva.invitation.mail.MailConfig;
import dev.viva.interview.Interview;
import dev.viva.interview.service.InterviewService;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.SecretCipher;
import dev.viva.role.Level;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Interviews with a scheduling window and an e-mailed invitation: creating them, resending the invitation, queueing
 * the reminder before the window closes, and what became of each mail.
 */
@ApplicationScoped
public class Invitations {

    /** The problem {@code type} of an invitation asked of a server that sends no mail. */
    public static final String MAIL_DISABLED = "urn:viva:problem:mail-disabled";

    /** An invitation with its mails, newest first. */
    public record Details(Interview interview, Invitation invitation, List<MailDelivery> deliveries) {
    }

    /**
     * Queues the reminder of every invitation due one, in one statement: the row is marked as reminded in the same
     * statement that queues the mail, and rows another replica holds are skipped, so each reminder is queued once.
     * Due means: never started, window open and closing within remind-before, and the invitation itself sent before
     * that (a later one is reminder enough).
     */
    private static final String QUEUE_REMINDERS = """
            with due as (
                select inv.interview_id from invitation inv join interview i on i.id = inv.interview_id
                where inv.reminded_at is null and i.status = 'SCHEDULED'
                  and i.closes_at > now()
                  and i.closes_at - ?1 * interval '1 millisecond' <= now()
                  and inv.created_at < i.closes_at - ?1 * interval '1 millisecond'
                  and (i.opens_at is null or i.opens_at <= now())
                for update of inv skip locked),
            marked as (
                update invitation inv set reminded_at = now() from due where inv.interview_id = due.interview_id
                returning inv.interview_id)
            insert into mail_delivery (id, interview_id, kind, recipient, status, attempts, next_attempt_at, created_at)
            select gen_random_uuid(), i.id, 'REMINDER', i.candidate_email, 'PENDING', 0, now(), now()
            from marked join interview i on i.id = marked.interview_id
            """;

    private final InterviewService interviews;
    private final SecretCipher cipher;
    private final MailConfig mail;
    private final InvitationConfig config;
    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();

    Invitations(InterviewService interviews, SecretCipher cipher, MailConfig mail, InvitationConfig config,
                EntityManager em) {
        this.interviews = interviews;
        this.cipher = cipher;
        this.mail = mail;
        this.config = config;
        this.em = em;
    }

    /**
     * Creates an interview with a scheduling window ({@code closesAt} defaults to {@code viva.invitations.window} after
     * it opens) and, when {@code send}, queues its invitation mail in the same transaction.
     */
    @Transactional
    public InterviewService.Created create(String candidateName, String candidateEmail, String roleId, Level level,
                                           Instant opensAt, Instant closesAt, boolean send) {
        if (send) {
            requireMail();
        }
        Instant now = clock.instant();
        Instant closes = closesAt != null ? closesAt
                : (opensAt != null && opensAt.isAfter(now) ? opensAt : now).plus(config.window());
        InterviewService.Created created = interviews.create(candidateName, candidateEmail, roleId, level, opensAt,
                closes);
        if (send) {
            Invitation invitation = new Invitation();
            invitation.interviewId = created.interview().id;
            invitation.tokenEnc = cipher.encrypt(created.candidateToken());
            invitation.createdAt = now;
            em.persist(invitation);
            em.persist(MailDelivery.queue(invitation.interviewId, MailDelivery.Kind.INVITATION,
                    created.interview().candidateEmail, now));
        }
        return created;
    }

    /** Queues the invitation again, with the same link; refused once the interview can no longer be taken. */
    @Transactional
    public MailDelivery resend(UUID interviewId) {
        Interview interview = interviews.get(interviewId);
        if (em.find(Invitation.class, interviewId) == null) {
            throw ApiProblem.conflict("interview " + interviewId + " was created without an invitation, so its link "
                    + "was shown only once and cannot be mailed; create the interview again with \"invitation\"");
        }
        requireMail();
        Instant now = clock.instant();
        if (interview.status.isFinal() || interview.hasExpired(now)) {
            throw ApiProblem.conflict("interview " + interviewId + " is " + interview.status
                    + (interview.hasExpired(now) ? " and its window closed at " + interview.closesAt : "")
                    + ": there is nothing to invite the candidate to");
        }
        MailDelivery d = MailDelivery.queue(interviewId, MailDelivery.Kind.RESEND, interview.candidateEmail, now);
        em.persist(d);
        return d;
    }

    /**
     * {@link InterviewService#reissueToken}, keeping an invited interview's encrypted token in step in the same
     * transaction, so that a later reminder or resend carries the new link and not the one that stopped working.
     */
    @Transactional
    public InterviewService.Created reissueToken(UUID interviewId) {
        InterviewService.Created reissued = interviews.reissueToken(interviewId);
        Invitation invitation = em.find(Invitation.class, interviewId);
        if (invitation != null) {
            invitation.tokenEnc = cipher.encrypt(reissued.candidateToken());
        }
        return reissued;
    }

    @Transactional
    public Details details(UUID interviewId) {
        Interview interview = interviews.get(interviewId);
        Invitation invitation = Optional.ofNullable(em.find(Invitation.class, interviewId)).orElseThrow(() ->
                ApiProblem.notFound("interview " + interviewId + " was created without an invitation"));
        List<MailDelivery> deliveries = em.createQuery("from MailDelivery where interviewId = ?1 "
                        + "order by createdAt desc, id", MailDelivery.class)
                .setParameter(1, interviewId).getResultList();
        return new Details(interview, invitation, deliveries);
    }

    /** The newest mail of each of these interviews that has any: what the list shows of their invitation. */
    @Transactional
    public Map<UUID, MailDelivery> latestDeliveries(Collection<UUID> interviewIds) {
        if (interviewIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from MailDelivery d where d.interviewId in ?1 and d.createdAt = "
                        + "(select max(o.createdAt) from MailDelivery o where o.interviewId = d.interviewId)",
                        MailDelivery.class)
                .setParameter(1, interviewIds).getResultStream()
                .collect(Collectors.toMap(d -> d.interviewId, Function.identity(), (a, b) -> a));
    }

    /** Queues the reminders due now; returns how many. */
    @Transactional
    public int queueReminders() {
        return em.createNativeQuery(QUEUE_REMINDERS).setParameter(1, config.remindBefore().toMillis()).executeUpdate();
    }

    private void requireMail() {
        if (!mail.enabled()) {
            throw new ApiProblem(409, "Mail is not configured", "this server sends no mail, so it cannot send an "
                    + "invitation: set viva.mail.enabled=true with viva.mail.host, viva.mail.port and viva.mail.from "
                    + "(environment VIVA_MAIL_ENABLED, VIVA_MAIL_HOST, VIVA_MAIL_PORT, VIVA_MAIL_FROM; README "
                    + "\"Invitations by e-mail\"), or leave \"invitation\" out and send the join link yourself",
                    null, MAIL_DISABLED);
        }
    }
}
