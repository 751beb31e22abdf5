package dev.viva.platform.security;

import dev.viva.platform.database.AdvisoryLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Single-use tickets for WebSocket upgrades. A client that holds a credential (API key, candidate token) trades it
 * over REST for a ticket valid for {@link #TTL}, then opens the socket with {@code ?ticket=...}: the long-lived
 * credential never appears in a URL, and a leaked ticket is useless once used or a minute later.
 */
@ApplicationScoped
public class WebSocketTickets {

    public static final Duration TTL = Duration.ofSeconds(60);

    /** Who a ticket is for: the candidate's interview socket or a recruiter's live view. */
    public enum Audience { CANDIDATE, RECRUITER }

    public record Ticket(String value, Instant expiresAt) {
    }

    private final EntityManager em;
    private final ApiKeys apiKeys;

    public WebSocketTickets(EntityManager em, ApiKeys apiKeys) {
        this.em = em;
        this.apiKeys = apiKeys;
    }

    public Ticket issue(UUID interviewId, Audience audience) {
        return issue(interviewId, audience, null);
    }

    /**
     * A ticket bound to the credential it was traded for (its SHA-256, see {@link Principal#credentialHash()}): it
     * opens nothing once that credential is no longer valid.
     */
    public Ticket issue(UUID interviewId, Audience audience, String credentialHash) {
        String value = Tokens.newSecret("wt_");
        Instant expires = Instant.now().plus(TTL);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into ws_ticket (ticket_hash, "
                        + "interview_id, audience, expires_at, credential_hash) values (?, ?, ?, ?, ?)")
                .setParameter(1, Tokens.hash(value)).setParameter(2, interviewId).setParameter(3, audience.name())
                .setParameter(4, expires).setParameter(5, credentialHash).executeUpdate());
        return new Ticket(value, expires);
    }

    /**
     * Uses up the ticket; true only the first time, before expiry, for that interview and audience, and while the
     * credential it was issued to is still valid.
     */
    public boolean redeem(String ticket, UUID interviewId, Audience audience) {
        if (ticket == null || ticket.isBlank()) {
            return false;
        }
        List<?> redeemed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "update ws_ticket set used_at = now() where ticket_hash = ? and interview_id = ? and audience = ? "
                                + "and used_at is null and expires_at > now() returning coalesce(credential_hash, '')")
                .setParameter(1, Tokens.hash(ticket)).setParameter(2, interviewId).setParameter(3, audience.name())
                .getResultList());
        if (redeemed.size() != 1) {
            return false;
        }
        String credentialHash = (String) redeemed.getFirst();
        return credentialHash.isEmpty() || apiKeys.authenticateHash(credentialHash).isPresent();
    }

    /** The advisory lock one replica holds while it purges (an arbitrary constant, unique within Viva). */
    static final long PURGE_LOCK = 0x7669766174696bL; // "vivatik"

    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        purgeExpired();
    }

    /**
     * Deletes the tickets expired for an hour, under a transaction-scoped advisory lock so that of the replicas
     * whose schedules fire together one does it and the others skip; empty when another replica was purging.
     */
    OptionalInt purgeExpired() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean mine = AdvisoryLocks.tryForTransaction(em, PURGE_LOCK);
            return mine ? OptionalInt.of(em.createNativeQuery(
                    "delete from ws_ticket where expires_at < now() - interval '1 hour'").executeUpdate())
                    : OptionalInt.empty();
        });
    }
}
