package dev.viva.interview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Interview lifecycle settings. */
@ConfigMapping(prefix = "viva.interview")
public interface InterviewConfig {

    /**
     * An interview in progress with no activity from the candidate for this long is marked ABANDONED (the candidate
     * closed the tab and never came back). Long enough to survive a reconnect or a laptop lid closed for a while.
     */
    @WithDefault("30M")
    Duration abandonAfter();

    /** How often the abandoned-interview sweep runs. */
    @WithDefault("1M")
    Duration abandonSweepInterval();

    /** Report finalisation: a worker produces the report of every ended interview that has none (report_job). */
    ReportFinaliser reportFinaliser();

    interface ReportFinaliser {

        /** How often the worker looks for reports still to produce (it also runs at start-up and when one ends). */
        @WithDefault("30S")
        Duration interval();

        /** How long a claimed job is left to its worker before another may take it over (a worker that died). */
        @WithDefault("5M")
        Duration lease();

        /** After a failed attempt, how long before the next; doubled per attempt up to 32 times this. */
        @WithDefault("1M")
        Duration retryAfter();
    }
}
