package dev.viva.platform.security;

import java.util.Optional;

/**
 * The credentials of people (console sessions, personal API keys), resolved by the accounts feature. Looked up on
 * every call, never cached, so that a sign-out, a revoked key, a disabled user or a changed role applies at once.
 */
public interface PersonalCredentials {

    /** The principal whose credential has this SHA-256, if it is valid now. */
    Optional<Principal> resolve(String credentialHash);
}
