package dev.viva.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Sign-in of people to the console: sessions, passwords and the limits that slow down password guessing. */
@ConfigMapping(prefix = "viva.accounts")
public interface AccountsConfig {

    /** How long a console sign-in lasts; after it the person signs in again. Signing out ends it at once. */
    @WithDefault("12H")
    Duration sessionLifetime();

    /** The shortest password accepted (NIST SP 800-63B asks for at least 8; a passphrase is easier to remember). */
    @WithDefault("12")
    int passwordMinLength();

    /** Consecutive failed sign-ins after which an account is locked. */
    @WithDefault("5")
    int lockoutThreshold();

    /** How long a locked account stays locked, unless an admin unlocks it sooner. */
    @WithDefault("15M")
    Duration lockoutDuration();

    /** Failed sign-ins from one network address, within {@link #addressWindow()}, after which that address is refused. */
    @WithDefault("20")
    int addressFailureLimit();

    /** The sliding window over which failed sign-ins per address are counted. */
    @WithDefault("15M")
    Duration addressWindow();

    /** How long a set-password link, shown once to the admin who created the user, stays valid. */
    @WithDefault("72H")
    Duration passwordLinkLifetime();
}
