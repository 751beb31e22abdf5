package dev.viva.platform.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Runs just before {@link RecruiterAuthFilter} on {@link ViewerAllowed} endpoints and marks the request, so that the
 * authentication filter lets a viewer through. Name binding is resolved at build time: no reflection at run time.
 */
@Provider
@ViewerAllowed
@Priority(Priorities.AUTHENTICATION - 1)
public class ViewerAllowedFilter implements ContainerRequestFilter {

    static final String MARK = ViewerAllowedFilter.class.getName();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(MARK, Boolean.TRUE);
    }
}
