package dev.viva.invitation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** Invitations: their scheduling window, the reminder before it closes, and how times are written in the mails. */
@ConfigMapping(prefix = "viva.invitations")
public interface InvitationConfig {

    /** How long an invitation's window stays open when the recruiter gives no {@code closesAt}. */
    @WithDefault("7D")
    Duration window();

    /**
     * A reminder is mailed this long before the window closes, once, to a candidate who has not started; none when
     * the invitation itself was sent later than that.
     */
    @WithDefault("24H")
    Duration remindBefore();

    /** How often each replica looks for reminders due and for windows that have closed. */
    @WithDefault("1M")
    Duration sweepInterval();

    /** The time zone the window is written in, in the mails (the candidate's page shows their own). */
    @WithDefault("UTC")
    ZoneId timeZone();
}
