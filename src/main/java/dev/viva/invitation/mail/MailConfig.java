package dev.viva.invitation.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Outgoing mail (invitations and reminders) over SMTP. */
@ConfigMapping(prefix = "viva.mail")
public interface MailConfig {

    /** How the connection to the SMTP server is secured. */
    enum Tls {
        /** Plain SMTP, never upgraded: only for a relay on the same host or a test server. */
        NONE,
        /** STARTTLS when the server offers it, plain otherwise. */
        STARTTLS,
        /** STARTTLS or the connection is refused (submission on port 587). */
        STARTTLS_REQUIRED,
        /** TLS from the first byte (SMTPS, port 465). */
        TLS
    }

    /**
     * Whether mail can be sent at all. Off by default: interviews are then created without invitations (the recruiter
     * sends the join link), and asking for one is refused with a Problem saying how to turn mail on.
     */
    @WithDefault("false")
    boolean enabled();

    /** The SMTP server. */
    @WithDefault("localhost")
    String host();

    /** Its port: 587 for submission with STARTTLS, 465 for TLS, 25 for a local relay. */
    @WithDefault("587")
    int port();

    @WithDefault("STARTTLS_REQUIRED")
    Tls tls();

    /** User name for SMTP authentication; none means the server is used without logging in. */
    Optional<String> username();

    Optional<String> password();

    /** The sender's address, e.g. {@code interviews@example.com}; required once mail is enabled. */
    Optional<String> from();

    /** The sender's display name, and the company named in the mails' text. */
    @WithDefault("Viva")
    String fromName();

    /** Replies go here (e.g. the recruiting team's address) when set; otherwise to the sender. */
    Optional<String> replyTo();

    /** How often each replica looks for mails to send. */
    @WithDefault("5S")
    Duration pollInterval();

    /** Longest one SMTP conversation may take; a slower server counts as a failed attempt. */
    @WithDefault("30S")
    Duration timeout();

    /** A claimed mail is left to its replica this long before another may take it over (a replica that died). */
    @WithDefault("5M")
    Duration lease();

    /**
     * Delays before each retry after a temporary failure (server unreachable, 4xx reply), in order; once they are
     * used up the mail is FAILED. A permanent rejection (5xx, e.g. 550 unknown mailbox) is a bounce: never retried.
     */
    @WithDefault("1M,5M,30M,2H,6H")
    List<Duration> retrySchedule();
}
