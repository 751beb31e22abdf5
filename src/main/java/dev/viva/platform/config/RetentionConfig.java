package dev.viva.platform.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.Optional;

/** How long the installation keeps what candidates said. */
@ConfigMapping(prefix = "viva.retention")
public interface RetentionConfig {

    /**
     * How long a finished (completed, abandoned or cancelled) interview is kept, counted from when it finished, before
     * it is erased with its turns, report and delivery log (ISO-8601 or e.g. {@code 365d}). Unset: kept until a
     * recruiter deletes it. Candidates are told this period in the privacy notice.
     */
    Optional<Duration> finishedInterviews();
}
