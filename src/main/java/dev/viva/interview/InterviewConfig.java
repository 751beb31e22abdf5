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
}
