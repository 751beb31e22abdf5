package dev.viva.assessment.service;

import dev.viva.interview.InterviewConfig;
import dev.viva.interview.InterviewEvent;
import dev.viva.interview.service.ReportJobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * Produces every report still owed ({@link ReportJobs}): right after an interview ends, at start-up (reports the
 * previous process died before producing) and every {@code viva.interview.report-finaliser.interval}. Each job is
 * claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so replicas share the work, and the transaction that stores
 * the report, fires {@code report.ready} (the webhook outbox) and removes the job is one: a report is produced and
 * announced exactly once. If another worker committed the same report first (a lease that ran out mid-way), this
 * worker's transaction is rolled back rather than announcing it twice.
 */
@ApplicationScoped
public class ReportFinaliser {

    private static final Logger LOG = Logger.getLogger(ReportFinaliser.class);
    /** The interview whose job this thread is finalising, so the ReportReady observer knows to insist on the job. */
    private static final ThreadLocal<UUID> FINALISING = new ThreadLocal<>();

    private final ReportService reports;
    private final ReportJobs jobs;
    private final InterviewConfig.ReportFinaliser config;
    private final ManagedExecutor executor;
    private volatile boolean stopping;

    /** Another worker stored and announced this report first; this attempt is rolled back. */
    static final class AlreadyFinalised extends RuntimeException {
        AlreadyFinalised(UUID id) {
            super("the report of interview " + id + " was finalised by another worker", null, false, false);
        }
    }

    public ReportFinaliser(ReportService reports, ReportJobs jobs, InterviewConfig config, ManagedExecutor executor) {
        this.reports = reports;
        this.jobs = jobs;
        this.config = config.reportFinaliser();
        this.executor = executor;
    }

    void onStart(@Observes StartupEvent event) {
        kick();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** After the transaction that ended an interview commits: its report, off the request thread. */
    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) InterviewEvent event) {
        if (event instanceof InterviewEvent.Completed || event instanceof InterviewEvent.Abandoned) {
            kick();
        }
    }

    /** In the transaction that stores a report: its job is done, and must still have been there if we were doing it. */
    void onReportReady(@Observes InterviewEvent.ReportReady event) {
        boolean removed = jobs.finish(event.interviewId());
        if (!removed && event.interviewId().equals(FINALISING.get())) {
            throw new AlreadyFinalised(event.interviewId());
        }
    }

    @Scheduled(every = "${viva.interview.report-finaliser.interval:30S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        drain();
    }

    private void kick() {
        try {
            executor.runAsync(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.debug("Report finaliser not started: the executor is shutting down; the next start picks the job up");
        }
    }

    /** Produces every report that is due, one job at a time; returns how many were produced. */
    public int drain() {
        int produced = 0;
        while (!stopping) {
            Optional<ReportJobs.Claim> claim;
            try {
                claim = QuarkusTransaction.requiringNew().call(() -> jobs.claim(config.lease()));
            } catch (RuntimeException e) {
                LOG.warnf("Could not claim report jobs (%s); the next sweep retries", e.getMessage());
                return produced;
            }
            if (claim.isEmpty()) {
                return produced;
            }
            if (finalise(claim.get())) {
                produced++;
            }
        }
        return produced;
    }

    private boolean finalise(ReportJobs.Claim claim) {
        UUID id = claim.interviewId();
        FINALISING.set(id);
        try {
            reports.generate(id);
            LOG.debugf("Finalised the report of interview %s (attempt %d)", id, claim.attempt());
            return true;
        } catch (RuntimeException e) {
            if (causedBy(e, AlreadyFinalised.class) || storedMeanwhile(e)) {
                LOG.debugf("The report of interview %s was finalised by another worker", id);
                return false;
            }
            long factor = 1L << Math.min(5, Math.max(0, claim.attempt() - 1));
            Duration backoff = config.retryAfter().multipliedBy(factor);
            LOG.errorf(e, "Could not finalise the report of interview %s (attempt %d); retrying in %s", id,
                    claim.attempt(), backoff);
            try {
                QuarkusTransaction.requiringNew().run(() -> jobs.failed(id, String.valueOf(e.getMessage()), backoff));
            } catch (RuntimeException again) {
                LOG.warnf("Could not record the failure of report job %s: %s (its lease expires)", id, again.getMessage());
            }
            return false;
        } finally {
            FINALISING.remove();
        }
    }

    /**
     * A worker whose lease ran out while it built a slow report and the one that then claimed the job both insert the
     * report: the later insert meets the first one's row and fails on the primary key. That is the other worker having
     * finalised it, not a failure to retry.
     */
    private static boolean storedMeanwhile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException c && "report_pkey".equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
