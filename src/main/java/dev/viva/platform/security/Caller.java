package dev.viva.platform.security;

import jakarta.enterprise.context.RequestScoped;

/** The principal of the recruiter request being served, set by {@link RecruiterAuthFilter} once it accepted it. */
@RequestScoped
public class Caller {

    private Principal principal;

    void set(Principal principal) {
        this.principal = principal;
    }

    /** The authenticated principal; reaching a recruiter endpoint without one is a wiring mistake. */
    public Principal get() {
        if (principal == null) {
            throw new IllegalStateException("no authenticated caller in this request");
        }
        return principal;
    }
}
