package dev.viva.invitation.service;

import dev.viva.interview.service.InterviewService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Queues the reminders that are due and ends the interviews whose window closed unused; safe on every replica. */
@ApplicationScoped
class InvitationSweep {

    private static final Logger LOG = Logger.getLogger(InvitationSweep.class);

    private final Invitations invitations;
    private final InterviewService interviews;

    InvitationSweep(Invitations invitations, InterviewService interviews) {
        this.invitations = invitations;
        this.interviews = interviews;
    }

    @Scheduled(every = "${viva.invitations.sweep-interval:1M}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int reminders = invitations.queueReminders();
        int expired = interviews.expireClosed(Instant.now());
        if (reminders > 0 || expired > 0) {
            LOG.infof("Queued %d invitation reminder(s); %d interview window(s) closed unused", reminders, expired);
        }
    }
}
