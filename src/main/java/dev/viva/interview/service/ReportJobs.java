package dev.viva.interview.service;

import dev.viva.interview.InterviewEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable record that an interview needs its report ({@code report_job}). Written by a synchronous observer in
 * the transaction that ends the interview, so the need commits with the status; removed in the transaction that
 * stores the report and fires {@link InterviewEvent.ReportReady}, so "stored and announced" and "no longer needed"
 * commit together. A worker (see {@code dev.viva.assessment.service.ReportFinaliser}) claims what is left.
 */
@ApplicationScoped
public class ReportJobs {

    /** A claimed job: the interview, and how many times it has been tried before (this one included). */
    public record Claim(UUID interviewId, int attempt) {
    }

    private final EntityManager em;

    ReportJobs(EntityManager em) {
        this.em = em;
    }

    void onEvent(@Observes InterviewEvent event) {
        if (event instanceof InterviewEvent.Completed || event instanceof InterviewEvent.Abandoned) {
            em.createNativeQuery("insert into report_job (interview_id, requested_at, next_attempt) values (?1, ?2, ?2) "
                            + "on conflict (interview_id) do nothing")
                    .setParameter(1, event.interviewId()).setParameter(2, event.at()).executeUpdate();
        }
    }

    /**
     * Claims the oldest job due, for {@code lease}: must run in its own short transaction. {@code FOR UPDATE SKIP
     * LOCKED} lets replicas claim different jobs at once; the lease keeps others off it after this commits.
     */
    public Optional<Claim> claim(Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        update report_job set leased_until = now() + make_interval(secs => ?1), attempts = attempts + 1
                        where interview_id = (
                            select interview_id from report_job
                            where next_attempt <= now() and (leased_until is null or leased_until < now())
                            order by requested_at limit 1 for update skip locked)
                        returning interview_id, attempts""")
                .setParameter(1, (double) lease.toMillis() / 1000).getResultList();
        return rows.stream().findFirst().map(r -> new Claim((UUID) r[0], ((Number) r[1]).intValue()));
    }

    /**
     * Removes the job of an interview whose report is being stored, in that transaction; true if this transaction
     * removed it (false: there was none, or another worker's transaction got there first and committed).
     */
    public boolean finish(UUID interviewId) {
        return em.createNativeQuery("delete from report_job where interview_id = ?1").setParameter(1, interviewId)
                .executeUpdate() == 1;
    }

    /** A failed attempt: the lease is released and the job is due again after {@code backoff}. Own transaction. */
    public void failed(UUID interviewId, String error, Duration backoff) {
        em.createNativeQuery("update report_job set leased_until = null, last_error = ?2, "
                        + "next_attempt = now() + make_interval(secs => ?3) where interview_id = ?1")
                .setParameter(1, interviewId).setParameter(2, error == null ? "unknown error" : error)
                .setParameter(3, (double) backoff.toMillis() / 1000).executeUpdate();
    }

    /** Jobs waiting (due or not), for health and tests. */
    public long pending() {
        return ((Number) em.createNativeQuery("select count(*) from report_job").getSingleResult()).longValue();
    }

    /** When the interview's report was asked for, if it is still waiting. */
    public Optional<Instant> requestedAt(UUID interviewId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select requested_at from report_job where interview_id = ?1")
                .setParameter(1, interviewId).getResultList();
        return rows.stream().findFirst().map(ReportJobs::instant);
    }

    /** A timestamptz of a native query, as whichever type the driver handed it over. */
    static Instant instant(Object jdbcValue) {
        return jdbcValue instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : jdbcValue instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) jdbcValue;
    }
}
