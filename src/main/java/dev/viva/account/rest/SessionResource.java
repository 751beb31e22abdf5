package dev.viva.account.rest;

import dev.viva.account.rest.AccountViews.MeView;
import dev.viva.account.rest.AccountViews.SessionView;
import dev.viva.account.rest.AccountViews.SetPasswordRequest;
import dev.viva.account.rest.AccountViews.SignInRequest;
import dev.viva.account.service.Accounts;
import dev.viva.account.service.SignIn;
import dev.viva.platform.audit.Actor;
import dev.viva.platform.error.Problem;
import dev.viva.platform.security.Caller;
import dev.viva.platform.security.Principal;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.platform.security.Role;
import dev.viva.platform.security.Tokens;
import dev.viva.platform.security.ViewerAllowed;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/** Signing in to the console with e-mail and password, signing out, and setting a password through a one-time link. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class SessionResource {

    /** The same words for every refusal, so that they tell nothing about which accounts exist. */
    static final String REFUSED = "The e-mail address and password do not match an active account. After repeated "
            + "failed attempts an account is locked for a while; an admin can unlock it.";

    private final SignIn signIn;
    private final Accounts accounts;
    private final Caller caller;

    public SessionResource(SignIn signIn, Accounts accounts, Caller caller) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in with e-mail and password",
            description = "Answers a session token for `Authorization: Bearer`, valid until it expires or the person "
                    + "signs out. Failed attempts are limited per network address (429) and per account (a lockout; "
                    + "the answer stays the same 401, so it does not reveal which accounts exist).")
    @SecurityRequirementsSet
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignInRequest.class),
            examples = @ExampleObject(name = "sign in", value = """
                    {"email": "ada@example.com", "password": "correct horse battery staple"}""")))
    @APIResponse(responseCode = "201", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response signIn(@NotNull(message = "a JSON body is required") @Valid SignInRequest request,
                           @Context HttpServerRequest http) {
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return switch (signIn.attempt(request.email(), request.password(), address)) {
            case SignIn.Outcome.SignedIn in -> {
                var principal = new Principal(new Actor("user", in.user().id.toString(), in.user().email),
                        Role.parse(in.user().role).orElseThrow(), Optional.of(in.user().id), true, "");
                yield Response.status(201).entity(new SessionView(in.token(), in.expiresAt(),
                        MeView.of(principal, in.user().email))).build();
            }
            case SignIn.Outcome.Refused refused -> problem(401, "Unauthorized", REFUSED).build();
            case SignIn.Outcome.Throttled t -> problem(429, "Too many requests", "Too many failed sign-ins from "
                    + "your network address. Try again in " + minutes(t.retryAfter().toSeconds()) + ".")
                    .header(HttpHeaders.RETRY_AFTER, t.retryAfter().toSeconds()).build();
        };
    }

    @DELETE
    @Path("/sessions/current")
    @RecruiterOnly
    @ViewerAllowed
    @Operation(operationId = "signOut", summary = "Sign out",
            description = "Ends the session whose token is sent; it is refused from then on. Other credentials "
                    + "(API keys, other sessions) are not affected.")
    @SecurityRequirement(name = "recruiterKey")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public void signOut() {
        if (caller.get().session()) {
            signIn.signOut(caller.get().credentialHash());
        }
    }

    @POST
    @Path("/password-links/use")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "usePasswordLink", summary = "Set a password through a one-time link",
            description = "The token is the `vp_...` part of the link an admin handed over. The link is used up; "
                    + "sessions signed in with an earlier password end, and a lockout is cleared.")
    @SecurityRequirementsSet
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SetPasswordRequest.class),
            examples = @ExampleObject(name = "set", value = """
                    {"token": "vp_Hq3r8T0aZk", "password": "correct horse battery staple"}""")))
    @APIResponse(responseCode = "204", description = "The password is set; sign in with it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public void usePasswordLink(@NotNull(message = "a JSON body is required") @Valid SetPasswordRequest request) {
        accounts.redeemLink(request.token(), request.password());
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, "/api/v1/sessions", null));
    }

    private static String minutes(long seconds) {
        long m = Math.max(1, (seconds + 59) / 60);
        return m == 1 ? "a minute" : m + " minutes";
    }
}
