package dev.viva.interview.service;

import dev.viva.interview.InterviewConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Closes interviews whose candidate left and never came back, so they do not stay IN_PROGRESS forever. */
@ApplicationScoped
class AbandonedInterviewSweep {

    private static final Logger LOG = Logger.getLogger(AbandonedInterviewSweep.class);

    private final InterviewService service;
    private final InterviewConfig config;

    AbandonedInterviewSweep(InterviewService service, InterviewConfig config) {
        this.service = service;
        this.config = config;
    }

    @Scheduled(every = "${viva.interview.abandon-sweep-interval:1M}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int n = service.abandonIdle(Instant.now().minus(config.abandonAfter()));
        if (n > 0) {
            LOG.infof("Marked %d idle interview(s) as abandoned", n);
        }
    }
}
