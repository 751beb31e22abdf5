package dev.viva.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the server is reached from outside. */
@ConfigMapping(prefix = "viva.server")
public interface ServerConfig {

    /**
     * The URL candidates and webhook receivers use to reach this server (scheme, host, port, no trailing slash).
     * Join links and report links are built from it, so set it to the public address behind a proxy.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();
}
