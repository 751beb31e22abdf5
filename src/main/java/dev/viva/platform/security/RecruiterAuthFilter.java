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

/** Rejects calls to {@link RecruiterOnly} endpoints that do not carry a recruiter API key. */
@Provider
@RecruiterOnly
@Priority(Priorities.AUTHENTICATION)
public class RecruiterAuthFilter implements ContainerRequestFilter {

    /** Candidate tokens are minted with this prefix, so a leaked one is recognised and answered with 403. */
    public static final String CANDIDATE_TOKEN_PREFIX = "vc_";

    private final ApiKeys apiKeys;
    private final CurrentActor currentActor;

    public RecruiterAuthFilter(ApiKeys apiKeys, CurrentActor currentActor) {
        this.apiKeys = apiKeys;
        this.currentActor = currentActor;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        var token = Tokens.bearer(header);
        if (token.isEmpty()) {
            abort(request, 401, "Unauthorized",
                    "this endpoint needs a recruiter API key: send 'Authorization: Bearer <key>'");
            return;
        }
        if (token.get().startsWith(CANDIDATE_TOKEN_PREFIX)) {
            abort(request, 403, "Forbidden", "a candidate token cannot call recruiter endpoints");
            return;
        }
        apiKeys.recruiter(token.get()).ifPresentOrElse(currentActor::set, () ->
                abort(request, 401, "Unauthorized", "the bearer token is not a valid recruiter API key"));
    }

    private static void abort(ContainerRequestContext request, int status, String title, String detail) {
        request.abortWith(Response.status(status).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"viva\"")
                .entity(new Problem("about:blank", title, status, detail, "/" + request.getUriInfo().getPath()
                        .replaceFirst("^/", ""), null))
                .build());
    }
}
