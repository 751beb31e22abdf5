package dev.viva.platform.security;

import dev.viva.interview.service.InterviewService;
import dev.viva.role.Level;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ticket clean-up is done by one replica at a time: the others skip it while one holds the advisory lock. */
@QuarkusTest
class TicketPurgeTest {

    @Inject
    WebSocketTickets tickets;

    @Inject
    InterviewService interviews;

    @Inject
    EntityManager em;

    private long expiredTickets(UUID interviewId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from ws_ticket where interview_id = ?1").setParameter(1, interviewId)
                .getSingleResult()).longValue());
    }

    @Test
    void whileOneReplicaPurgesAnotherSkipsAndNothingIsPurgedTwice() throws Exception {
        UUID id = interviews.create("Old Tickets", "t@example.com", "tiny-role", Level.MID).interview().id;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into ws_ticket (ticket_hash, "
                        + "interview_id, audience, expires_at) values (?1, ?2, 'RECRUITER', now() - interval '2 hours')")
                .setParameter(1, Tokens.hash(Tokens.newSecret("wt_"))).setParameter(2, id).executeUpdate());

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the other replica, in the middle of its purge
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)").setParameter(1, WebSocketTickets.PURGE_LOCK)
                    .getSingleResult();
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tickets.purgeExpired()).as("skipped while the other replica purges").isEmpty();
        assertThat(expiredTickets(id)).isEqualTo(1);
        release.countDown();
        other.get(60, TimeUnit.SECONDS);

        assertThat(tickets.purgeExpired().orElseThrow()).as("done by this replica now").isPositive();
        assertThat(expiredTickets(id)).isZero();
    }
}
