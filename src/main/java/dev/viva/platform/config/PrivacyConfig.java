package dev.viva.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * What candidates are told about their data before they agree to the interview: who runs it and whom to ask. How
 * long it is kept comes from {@link RetentionConfig}, so the notice cannot promise something else than what is done.
 */
@ConfigMapping(prefix = "viva.privacy")
public interface PrivacyConfig {

    /** The organisation that interviews, named to the candidate as the one who sees and keeps their answers. */
    @WithDefault("the company that invited you")
    String companyName();

    /**
     * The e-mail address candidates write to about their data (to see it, have it deleted, ask questions) and for a
     * new join link. Unset: they are told to reply to the message that brought them the link.
     */
    Optional<String> contactEmail();

    /** Where to ask for an adjustment (more time, another format, a human interviewer). Unset: the contact e-mail. */
    Optional<String> accommodationContact();

    /** A paragraph of the installation's own added at the end of the notice (a link to a full policy, say). */
    Optional<String> extraText();
}
