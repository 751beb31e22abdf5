package dev.viva.interview.service;

import dev.viva.interview.Interview;
import dev.viva.interview.InterviewStatus;
import dev.viva.interview.repository.InterviewRepository;
import dev.viva.role.Level;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The abandonment sweep on several replicas: each claims idle interviews with FOR UPDATE SKIP LOCKED, so two sweeps
 * running at once never take the same interview, and one that comes after finds it already ABANDONED.
 */
@QuarkusTest
class AbandonedInterviewSweepTest {

    @Inject
    InterviewService interviews;

    @Inject
    InterviewRepository repository;

    @Inject
    EntityManager em;

    private UUID idle(String name) {
        UUID id = interviews.create(name, "idle@example.com", "tiny-role", Level.MID).interview().id;
        interviews.start(id);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update interview set last_activity_at = now() - interval '3 hours' where id = ?1")
                .setParameter(1, id).executeUpdate());
        return id;
    }

    private List<UUID> claimed(Instant before, List<UUID> ours) {
        return repository.findIdleInProgress(before).stream().map(i -> i.id).filter(ours::contains).toList();
    }

    @Test
    void twoSweepsAtOnceNeverClaimTheSameInterview() throws Exception {
        List<UUID> ours = Stream.of("Idle One", "Idle Two", "Idle Three").map(this::idle).toList();
        Instant before = Instant.now().minus(Duration.ofHours(1));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<UUID>> first = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    List<UUID> mine = claimed(before, ours);
                    held.countDown();
                    release.await(60, TimeUnit.SECONDS);
                    return mine;
                }));
        assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
        List<UUID> second = QuarkusTransaction.requiringNew().call(() -> claimed(before, ours));
        release.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS)).containsExactlyInAnyOrderElementsOf(ours);
        assertThat(second).as("claimed by the first sweep, skipped by the second").isEmpty();

        // the real sweeps, two at once: each interview is abandoned by one of them (a second transition would fail)
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> interviews.abandonIdle(before));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> interviews.abandonIdle(before));
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);
        for (UUID id : ours) {
            Interview interview = interviews.get(id);
            assertThat(interview.status).isEqualTo(InterviewStatus.ABANDONED);
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> claimed(before, ours))).isEmpty();
    }
}
