package dev.viva.account.rest;

import dev.viva.account.rest.AccountViews.ChangeUserRequest;
import dev.viva.account.rest.AccountViews.CreateUserRequest;
import dev.viva.account.rest.AccountViews.CreatedUser;
import dev.viva.account.rest.AccountViews.PasswordLinkView;
import dev.viva.account.rest.AccountViews.UserView;
import dev.viva.account.service.Accounts;
import dev.viva.platform.config.ServerConfig;
import dev.viva.platform.security.AdminOnly;
import dev.viva.platform.security.Caller;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** User management, for admins (and installation keys) only. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RecruiterOnly
@AdminOnly
@Tag(name = "Users")
@SecurityRequirement(name = "recruiterKey")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class UserResource {

    private final Accounts accounts;
    private final Caller caller;
    private final ServerConfig server;

    public UserResource(Accounts accounts, Caller caller, ServerConfig server) {
        this.accounts = accounts;
        this.caller = caller;
        this.server = server;
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List the users",
            description = "Everyone who can sign in, with their role and whether they are disabled or locked.")
    @APIResponse(responseCode = "200", description = "The users, by e-mail")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<UserView> list() {
        Instant now = Instant.now();
        return accounts.list().stream().map(u -> UserView.of(u, now)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a user",
            description = "Creates a user with a role. The answer carries a one-time link for the person to choose "
                    + "their password, shown only this once: hand it to them.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateUserRequest.class),
            examples = @ExampleObject(name = "recruiter", value = """
                    {"email": "ada@example.com", "role": "recruiter"}""")))
    @APIResponse(responseCode = "201", description = "Created, with the set-password link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedUser.class),
                    examples = @ExampleObject(name = "created", value = """
                            {"user": {"id": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6", "email": "ada@example.com",
                                      "role": "recruiter", "disabled": false, "locked": false, "failedSignIns": 0,
                                      "passwordSet": false, "createdAt": "2026-11-22T09:00:00Z"},
                             "passwordLink": {"url": "https://viva.example.com/console/#/set-password/vp_Hq3r8T0aZk",
                                              "expiresAt": "2026-11-25T09:00:00Z"}}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreateUserRequest request) {
        Role role = AccountViews.role(request.role());
        var created = accounts.create(request.email(), role);
        return Response.created(URI.create("/api/v1/users/" + created.user().id))
                .entity(new CreatedUser(UserView.of(created.user(), Instant.now()), link(created.link()))).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getUser", summary = "Get a user")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UserView get(@PathParam("id") UUID id) {
        return UserView.of(accounts.get(id), Instant.now());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeUser", summary = "Change a user's role, or disable or enable them",
            description = "A disabled user cannot sign in, their sessions end and their API keys stop working at "
                    + "once. Admins cannot change their own role or disable themselves.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChangeUserRequest.class),
            examples = @ExampleObject(name = "viewer", value = """
                    {"role": "viewer"}""")))
    @APIResponse(responseCode = "200", description = "The user as changed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public UserView change(@PathParam("id") UUID id,
                           @NotNull(message = "a JSON body is required") ChangeUserRequest request) {
        Optional<Role> role = Optional.ofNullable(request.role()).map(AccountViews::role);
        return UserView.of(accounts.change(id, caller.get().userId(), role, Optional.ofNullable(request.disabled())),
                Instant.now());
    }

    @POST
    @Path("/{id}/unlock")
    @Operation(operationId = "unlockUser", summary = "Unlock a user locked by failed sign-ins")
    @APIResponse(responseCode = "200", description = "The user, unlocked")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UserView unlock(@PathParam("id") UUID id) {
        return UserView.of(accounts.unlock(id), Instant.now());
    }

    @POST
    @Path("/{id}/password-link")
    @Operation(operationId = "createPasswordLink", summary = "Create a new set-password link",
            description = "For a person who lost their password or their first link. Earlier links stop working; "
                    + "the password stays as it is until the link is used.")
    @APIResponse(responseCode = "201", description = "The link, shown only this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PasswordLinkView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response passwordLink(@PathParam("id") UUID id) {
        return Response.status(201).entity(link(accounts.resetLink(id))).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteUser", summary = "Delete a user",
            description = "Deletes the user with their sessions and API keys. The audit log keeps what they did.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@PathParam("id") UUID id) {
        accounts.delete(id, caller.get().userId());
    }

    private PasswordLinkView link(Accounts.PasswordLink link) {
        // the token travels in the fragment, which browsers never send to servers or proxies' logs
        return new PasswordLinkView(server.publicUrl() + "/console/#/set-password/" + link.token(), link.expiresAt());
    }
}
