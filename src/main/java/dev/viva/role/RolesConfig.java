package dev.viva.role;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
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

    /** Drafting a template from a job description with a language model (off until a base URL is set). */
    Drafting drafting();

    interface Drafting {

        /**
         * An OpenAI-compatible server including {@code /v1} (OpenAI, Ollama, vLLM, llama.cpp server); without it
         * {@code POST /api/v1/role-templates/drafts} answers 503 saying how to configure one.
         */
        Optional<String> baseUrl();

        /** Bearer key for that server. */
        @WithDefault("none")
        String apiKey();

        /** Model name; a draft is a long structured answer, so a capable model helps. */
        @WithDefault("gpt-4o-mini")
        String model();

        /** Longest the model may take to write a draft. */
        @WithDefault("120S")
        Duration timeout();
    }
}
