package dev.viva.platform.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Refuses {@link AdminOnly} endpoints to everyone but admins; runs after {@link RecruiterAuthFilter} accepted the caller. */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
public class AdminOnlyFilter implements ContainerRequestFilter {

    private final Caller caller;

    public AdminOnlyFilter(Caller caller) {
        this.caller = caller;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (caller.get().role() != Role.ADMIN) {
            RecruiterAuthFilter.abort(request, 403, "Forbidden", "only an admin can do this; your role is "
                    + caller.get().role().id());
        }
    }
}
