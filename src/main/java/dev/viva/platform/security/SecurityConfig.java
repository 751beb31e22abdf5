package dev.viva.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Who may call the recruiter API. */
@ConfigMapping(prefix = "viva.security")
public interface SecurityConfig {

    /**
     * Recruiter API keys, comma-separated. When none are configured and the database holds none, the server creates
     * one at first start and prints it once to the log.
     */
    Optional<List<String>> apiKeys();

    /** Whether to create and print a recruiter key at first start when none exists. */
    @WithDefault("true")
    boolean generateKeyAtFirstStart();
}
