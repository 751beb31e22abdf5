package dev.viva.platform.security;

import dev.viva.platform.audit.CurrentActor;
import dev.viva.platform.error.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * Authenticates every call to a {@link RecruiterOnly} endpoint (installation key, personal API key or console
 * session) and enforces the viewer role structurally: a viewer may use the safe methods, and unsafe ones only where
 * the endpoint is marked {@link ViewerAllowed}. Admin-only endpoints are checked next by {@link AdminOnlyFilter}.
 */
@Provider
@RecruiterOnly
@Priority(Priorities.AUTHENTICATION)
public class RecruiterAuthFilter implements ContainerRequestFilter {

    /** Candidate tokens are minted with this prefix, so a leaked one is recognised and answered with 403. */
    public static final String CANDIDATE_TOKEN_PREFIX = "vc_";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiKeys apiKeys;
    private final CurrentActor currentActor;
    private final Caller caller;

    public RecruiterAuthFilter(ApiKeys apiKeys, CurrentActor currentActor, Caller caller) {
        this.apiKeys = apiKeys;
        this.currentActor = currentActor;
        this.caller = caller;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        var token = Tokens.bearer(header);
        if (token.isEmpty()) {
            abort(request, 401, "Unauthorized",
                    "this endpoint needs a recruiter API key or a console session token: send 'Authorization: Bearer <key>'");
            return;
        }
        if (token.get().startsWith(CANDIDATE_TOKEN_PREFIX)) {
            abort(request, 403, "Forbidden", "a candidate token cannot call recruiter endpoints");
            return;
        }
        var principal = apiKeys.authenticate(token.get());
        if (principal.isEmpty()) {
            abort(request, 401, "Unauthorized", "the bearer token is not a valid recruiter API key or sign-in session "
                    + "(it may have expired, been revoked, or belong to a disabled account)");
            return;
        }
        caller.set(principal.get());
        currentActor.set(principal.get().actor());
        if (!principal.get().role().mayWrite() && !SAFE_METHODS.contains(request.getMethod())
                && request.getProperty(ViewerAllowedFilter.MARK) == null) {
            abort(request, 403, "Forbidden", "a viewer can look but not change anything; an admin can give you the "
                    + "recruiter role");
        }
    }

    static void abort(ContainerRequestContext request, int status, String title, String detail) {
        request.abortWith(Response.status(status).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"viva\"")
                .entity(new Problem("about:blank", title, status, detail, "/" + request.getUriInfo().getPath()
                        .replaceFirst("^/", ""), null))
                .build());
    }
}
