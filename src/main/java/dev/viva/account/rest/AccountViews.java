package dev.viva.account.rest;

import dev.viva.account.PersonalKey;
import dev.viva.account.User;
import dev.viva.platform.audit.Actor;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.Principal;
import dev.viva.platform.security.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The request and response bodies of the accounts API. */
final class AccountViews {

    private AccountViews() {
    }

    static Role role(String id) {
        return Role.parse(id).orElseThrow(() -> ApiProblem.badRequest("role",
                "role must be admin, recruiter or viewer, not '" + id + "'"));
    }

    @RegisterForReflection
    @Schema(name = "User", requiredProperties = {"id", "email", "role", "disabled", "locked", "failedSignIns",
            "passwordSet", "createdAt"})
    record UserView(@Schema(examples = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6") UUID id,
                    @Schema(examples = "ada@example.com") String email,
                    @Schema(enumeration = {"admin", "recruiter", "viewer"}) String role,
                    boolean disabled,
                    @Schema(description = "locked after repeated failed sign-ins; an admin can unlock it") boolean locked,
                    @Schema(description = "when the lock ends by itself") Instant lockedUntil,
                    @Schema(description = "consecutive failed sign-ins") int failedSignIns,
                    @Schema(description = "false until the person follows their set-password link") boolean passwordSet,
                    Instant createdAt, Instant lastSignInAt) {

        static UserView of(User u, Instant now) {
            boolean locked = u.lockedAt(now);
            return new UserView(u.id, u.email, u.role, u.disabled, locked, locked ? u.lockedUntil : null,
                    u.failedSignIns, u.passwordHash != null, u.createdAt, u.lastSignInAt);
        }
    }

    @RegisterForReflection
    @Schema(name = "CreateUserRequest", requiredProperties = {"email", "role"})
    record CreateUserRequest(@NotBlank @Email @Size(max = 320) @Schema(examples = "ada@example.com") String email,
                             @NotBlank @Schema(enumeration = {"admin", "recruiter", "viewer"}) String role) {
    }

    @RegisterForReflection
    @Schema(name = "ChangeUserRequest", description = "Only the properties given are changed.")
    record ChangeUserRequest(@Schema(enumeration = {"admin", "recruiter", "viewer"}) String role, Boolean disabled) {
    }

    @RegisterForReflection
    @Schema(name = "PasswordLink", requiredProperties = {"url", "expiresAt"},
            description = "A one-time link for the person to choose their password; shown only this once.")
    record PasswordLinkView(
            @Schema(examples = "https://viva.example.com/console/#/set-password/vp_Hq3r8T0aZk") String url,
            Instant expiresAt) {
    }

    @RegisterForReflection
    @Schema(name = "CreatedUser", requiredProperties = {"user", "passwordLink"})
    record CreatedUser(UserView user, PasswordLinkView passwordLink) {
    }

    @RegisterForReflection
    @Schema(name = "SignInRequest", requiredProperties = {"email", "password"})
    record SignInRequest(@NotNull @Size(max = 320) @Schema(examples = "ada@example.com") String email,
                         @NotNull @Size(max = 1024) String password) {
    }

    @RegisterForReflection
    @Schema(name = "Me", requiredProperties = {"kind", "id", "name", "role", "session"},
            description = "Who the credential belongs to.")
    record MeView(@Schema(enumeration = {"user", "key"},
                          description = "`user`: a signed-in person; `key`: an API key") String kind,
                  @Schema(description = "the user's id, the key's id or `installation:<hash prefix>`") String id,
                  @Schema(examples = "ada@example.com") String name,
                  @Schema(enumeration = {"admin", "recruiter", "viewer"}) String role,
                  @Schema(description = "the person behind the credential; absent for installation keys") UUID userId,
                  @Schema(description = "the person's e-mail; absent for installation keys") String email,
                  @Schema(description = "whether the credential is a console sign-in") boolean session) {

        static MeView of(Principal p, String email) {
            Actor a = p.actor();
            return new MeView(a.kind(), a.id(), a.name(), p.role().id(), p.userId().orElse(null), email, p.session());
        }
    }

    @RegisterForReflection
    @Schema(name = "Session", requiredProperties = {"token", "expiresAt", "me"})
    record SessionView(@Schema(description = "send as `Authorization: Bearer <token>`", examples = "vs_mB9xq1Lw")
                       String token, Instant expiresAt, MeView me) {
    }

    @RegisterForReflection
    @Schema(name = "ChangePasswordRequest", requiredProperties = {"currentPassword", "newPassword"})
    record ChangePasswordRequest(@NotNull @Size(max = 1024) String currentPassword,
                                 @NotNull String newPassword) {
    }

    @RegisterForReflection
    @Schema(name = "SetPasswordRequest", requiredProperties = {"token", "password"})
    record SetPasswordRequest(@NotBlank @Size(max = 200) @Schema(description = "the `vp_...` token of the link")
                              String token, @NotNull String password) {
    }

    @RegisterForReflection
    @Schema(name = "PersonalKey", requiredProperties = {"id", "name", "createdAt"})
    record KeyView(UUID id, @Schema(examples = "ci-sync") String name, Instant createdAt, Instant lastUsedAt,
                   @Schema(description = "set once the key is revoked") Instant revokedAt) {

        static KeyView of(PersonalKey k) {
            return new KeyView(k.id, k.name, k.createdAt, k.lastUsedAt, k.revokedAt);
        }
    }

    @RegisterForReflection
    @Schema(name = "CreateKeyRequest", requiredProperties = {"name"})
    record CreateKeyRequest(@NotBlank @Size(max = 100) @Schema(examples = "ci-sync") String name) {
    }

    @RegisterForReflection
    @Schema(name = "CreatedPersonalKey", requiredProperties = {"id", "name", "createdAt", "key"})
    record CreatedKey(UUID id, String name, Instant createdAt,
                      @Schema(description = "the secret, shown only this once", examples = "vk_Zx81mQ0b") String key) {
    }
}
