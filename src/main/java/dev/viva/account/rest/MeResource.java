package dev.viva.account.rest;

import dev.viva.account.rest.AccountViews.ChangePasswordRequest;
import dev.viva.account.rest.AccountViews.CreateKeyRequest;
import dev.viva.account.rest.AccountViews.CreatedKey;
import dev.viva.account.rest.AccountViews.KeyView;
import dev.viva.account.rest.AccountViews.MeView;
import dev.viva.account.service.Accounts;
import dev.viva.account.service.PersonalKeys;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.Caller;
import dev.viva.platform.security.Principal;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.platform.security.ViewerAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The caller's own account: who they are, their password and their personal API keys. Open to every role, viewers
 * included, since it changes nothing but the caller's own credentials.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RecruiterOnly
@ViewerAllowed
@Tag(name = "Users")
@SecurityRequirement(name = "recruiterKey")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class MeResource {

    private final Caller caller;
    private final Accounts accounts;
    private final PersonalKeys keys;

    public MeResource(Caller caller, Accounts accounts, PersonalKeys keys) {
        this.caller = caller;
        this.accounts = accounts;
        this.keys = keys;
    }

    @GET
    @Operation(operationId = "getMe", summary = "Who am I",
            description = "The person (or installation key) behind the credential, and their role.")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public MeView me() {
        Principal p = caller.get();
        return MeView.of(p, p.userId().map(id -> accounts.get(id).email).orElse(null));
    }

    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeMyPassword", summary = "Change my password",
            description = "Needs the current password and a console session. The caller's other sessions end.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChangePasswordRequest.class),
            examples = @ExampleObject(name = "change", value = """
                    {"currentPassword": "correct horse battery staple", "newPassword": "plum orchard lantern river"}""")))
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public void changePassword(@NotNull(message = "a JSON body is required") @Valid ChangePasswordRequest request) {
        UUID userId = signedInPerson();
        accounts.changePassword(userId, request.currentPassword(), request.newPassword(), caller.get().credentialHash());
    }

    @GET
    @Path("/keys")
    @Operation(operationId = "listMyKeys", summary = "List my API keys",
            description = "Names and dates only: a key's secret is shown once, when it is created.")
    @APIResponse(responseCode = "200", description = "The keys, newest first, revoked ones included")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<KeyView> listKeys() {
        return caller.get().userId().map(keys::list).orElse(List.of()).stream().map(KeyView::of).toList();
    }

    @POST
    @Path("/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMyKey", summary = "Create an API key",
            description = "A key for programs that act for you, with your role. The secret is answered only this "
                    + "once. Needs a console session, so that a leaked key cannot mint others.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateKeyRequest.class),
            examples = @ExampleObject(name = "ci", value = """
                    {"name": "ci-sync"}""")))
    @APIResponse(responseCode = "201", description = "Created, with the secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedKey.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response createKey(@NotNull(message = "a JSON body is required") @Valid CreateKeyRequest request) {
        var created = keys.create(signedInPerson(), request.name());
        var k = created.key();
        return Response.created(URI.create("/api/v1/me/keys/" + k.id))
                .entity(new CreatedKey(k.id, k.name, k.createdAt, created.secret())).build();
    }

    @DELETE
    @Path("/keys/{id}")
    @Operation(operationId = "revokeMyKey", summary = "Revoke an API key",
            description = "The key is refused from the next request on, including live-view tickets it obtained.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revokeKey(@PathParam("id") UUID id) {
        keys.revoke(caller.get().userId().orElseThrow(() -> ApiProblem.notFound("you have no key " + id)), id);
    }

    /** The caller's user id, for what only a person signed in with their password may do. */
    private UUID signedInPerson() {
        Principal p = caller.get();
        if (p.userId().isEmpty() || !p.session()) {
            throw ApiProblem.forbidden(p.userId().isEmpty()
                    ? "an installation key belongs to no person; sign in to the console with your e-mail and password"
                    : "an API key cannot do this; sign in to the console with your e-mail and password");
        }
        return p.userId().get();
    }
}
