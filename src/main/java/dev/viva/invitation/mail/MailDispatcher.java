package dev.viva.invitation.mail;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Sends the mail outbox. Every replica polls; each claims different rows (see {@link MailOutbox}), sends them one
 * after the other and records each outcome in its own transaction, so a request that queues a mail never waits for
 * the SMTP server.
 */
@ApplicationScoped
class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final int BATCH = 20;

    private final MailOutbox outbox;
    private final SmtpSender sender;
    private final MailConfig config;

    MailDispatcher(MailOutbox outbox, SmtpSender sender, MailConfig config) {
        this.outbox = outbox;
        this.sender = sender;
        this.config = config;
    }

    @Scheduled(every = "${viva.mail.poll-interval:5S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.enabled()) {
            return;
        }
        List<MailOutbox.Claim> claims;
        do {
            claims = outbox.claim(BATCH, config.lease());
            for (MailOutbox.Claim claim : claims) {
                SmtpSender.Result result = sender.send(claim.recipient(), claim.mail());
                if (!(result instanceof SmtpSender.Result.Sent)) {
                    LOG.infof("Mail %s to an invited candidate not sent: %s", claim.deliveryId(), result);
                }
                outbox.record(claim, result);
            }
        } while (claims.size() == BATCH);
    }
}
