package dev.viva.role;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Where role templates come from. */
@ConfigMapping(prefix = "viva.roles")
public interface RolesConfig {

    /**
     * Templates shipped inside the server, read from {@code roles/<id>.yaml} on the classpath. Listed explicitly
     * rather than discovered so that the native image needs no resource scanning.
     */
    @WithDefault("backend-engineer,frontend-engineer,ml-engineer,site-reliability-engineer,qa-automation-engineer,ios-engineer")
    List<String> builtin();

    /**
     * A directory of extra {@code *.yaml} templates. A file whose id matches a built-in template replaces it, so an
     * installation can tune questions without rebuilding.
     */
    Optional<String> directory();
}
