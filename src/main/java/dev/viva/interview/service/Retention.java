package dev.viva.interview.service;

import dev.viva.interview.InterviewStatus;
import dev.viva.platform.audit.Actor;
import dev.viva.platform.audit.AuditLog;
import dev.viva.platform.config.RetentionConfig;
import dev.viva.platform.database.AdvisoryLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Erases finished interviews (completed, abandoned, cancelled) once {@code viva.retention.finished-interviews} has
 * passed since they finished: the interview row goes, and with it (the schema cascades) its turns, report, report
 * job, tickets and webhook delivery log. Each erasure is audited as the {@code retention} job, without the
 * candidate's name: the entry must not keep what was erased. Interviews whose report is still being built wait.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** The advisory lock one replica holds while it erases (an arbitrary constant, unique within Viva). */
    static final long ERASE_LOCK = 0x7669766172657400L; // "vivaret"
    /** Erased per transaction: a backlog (a period just shortened) goes in several short transactions. */
    private static final int BATCH = 200;

    private static final String FINISHED = "i.status in ('COMPLETED', 'ABANDONED', 'CANCELLED') and i.ended_at is not null "
            + "and not exists (select 1 from report_job j where j.interview_id = i.id)";

    private final RetentionConfig config;
    private final EntityManager em;
    private final AuditLog audit;

    Retention(RetentionConfig config, EntityManager em, AuditLog audit) {
        this.config = config;
        this.em = em;
        this.audit = audit;
    }

    /** A finished interview and when retention erases it. */
    public record Planned(UUID interviewId, String candidateName, InterviewStatus status, Instant finishedAt,
                          Instant eraseAt) {
    }

    public Optional<Duration> period() {
        return config.finishedInterviews();
    }

    /**
     * The dry run: finished interviews in the order retention erases them (the first {@code limit}), each with when;
     * those due at {@code now} would go in the next run. Empty without a retention period. Erases nothing.
     */
    public List<Planned> plan(Instant now, int limit) {
        Optional<Duration> period = period();
        if (period.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select i.id, i.candidate_name, i.status, i.ended_at from "
                            + "interview i where " + FINISHED + " order by i.ended_at, i.id")
                    .setMaxResults(limit).getResultList();
            return rows.stream().map(r -> {
                Instant finished = ReportJobs.instant(r[3]);
                return new Planned((UUID) r[0], (String) r[1], InterviewStatus.valueOf((String) r[2]), finished,
                        finished.plus(period.get()));
            }).toList();
        });
    }

    /** How many finished interviews are due at {@code now}. */
    public long dueCount(Instant now) {
        Optional<Duration> period = period();
        if (period.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from interview i where " + FINISHED + " and i.ended_at <= ?1")
                .setParameter(1, now.minus(period.get())).getSingleResult()).longValue());
    }

    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (period().isEmpty()) {
            return;
        }
        OptionalInt erased = eraseDue(Instant.now());
        if (erased.isPresent() && erased.getAsInt() > 0) {
            LOG.infof("Retention erased %d finished interview(s) older than %s", erased.getAsInt(), period().get());
        }
    }

    /**
     * Erases every interview due at {@code now}; empty when another replica holds the lock (it is erasing them).
     * Rows a recruiter is changing right now are skipped, and erased by the next run.
     */
    public OptionalInt eraseDue(Instant now) {
        Duration period = period().orElseThrow(() -> new IllegalStateException("no retention period is configured"));
        int total = 0;
        while (true) {
            OptionalInt batch = QuarkusTransaction.requiringNew().call(() -> eraseBatch(now.minus(period), period));
            if (batch.isEmpty()) {
                return total == 0 ? OptionalInt.empty() : OptionalInt.of(total);
            }
            total += batch.getAsInt();
            if (batch.getAsInt() < BATCH) {
                return OptionalInt.of(total);
            }
        }
    }

    private OptionalInt eraseBatch(Instant finishedBefore, Duration period) {
        boolean mine = AdvisoryLocks.tryForTransaction(em, ERASE_LOCK);
        if (!mine) {
            return OptionalInt.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select i.id, i.status, i.ended_at from interview i where " + FINISHED
                        + " and i.ended_at <= ?1 order by i.ended_at limit " + BATCH + " for update of i skip locked")
                .setParameter(1, finishedBefore).getResultList();
        Actor job = Actor.system("retention");
        for (Object[] row : due) {
            UUID id = (UUID) row[0];
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", row[1]);
            details.put("finishedAt", ReportJobs.instant(row[2]).toString());
            details.put("retention", period.toString());
            audit.record(job, "interview.erased", "interview", id.toString(),
                    "the retention period (" + period + ") since the interview finished has passed", details);
            em.createNativeQuery("delete from interview where id = ?1").setParameter(1, id).executeUpdate();
        }
        return OptionalInt.of(due.size());
    }
}
