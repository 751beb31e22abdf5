package dev.viva.platform.security;

import dev.viva.platform.audit.Actor;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An authenticated caller of the recruiter API.
 *
 * @param actor          who the audit log names
 * @param role           what the caller may do
 * @param userId         the person behind the credential; empty for installation keys
 * @param session        whether the credential is a console sign-in session (not an API key)
 * @param credentialHash the SHA-256 of the bearer credential, to tell later whether it is still valid
 */
public record Principal(Actor actor, Role role, Optional<UUID> userId, boolean session, String credentialHash) {

    public Principal {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(credentialHash, "credentialHash");
    }
}
