package dev.viva.account.service;

import dev.viva.platform.audit.Actor;
import dev.viva.platform.security.PersonalCredentials;
import dev.viva.platform.security.Principal;
import dev.viva.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves console sessions and personal API keys on every request, with the owner's current role: one indexed query
 * each, no cache, so a sign-out, a revocation, a disabled account or a new role counts from the next request on.
 */
@ApplicationScoped
public class AccountCredentials implements PersonalCredentials {

    private final EntityManager em;
    private final PersonalKeys keys;
    private final Clock clock = Clock.systemUTC();

    AccountCredentials(EntityManager em, PersonalKeys keys) {
        this.em = em;
        this.keys = keys;
    }

    @Override
    @Transactional
    public Optional<Principal> resolve(String credentialHash) {
        Instant now = clock.instant();
        var session = em.createNativeQuery("select u.id, u.email, u.role from user_session s "
                        + "join app_user u on u.id = s.user_id where s.token_hash = ?1 and s.expires_at > ?2 "
                        + "and not u.disabled").setParameter(1, credentialHash).setParameter(2, now)
                .getResultStream().findFirst();
        if (session.isPresent()) {
            Object[] row = (Object[]) session.get();
            UUID userId = (UUID) row[0];
            return Optional.of(new Principal(new Actor("user", userId.toString(), (String) row[1]), role(row[2]),
                    Optional.of(userId), true, credentialHash));
        }
        var key = em.createNativeQuery("select k.id, k.name, u.id, u.email, u.role from personal_api_key k "
                        + "join app_user u on u.id = k.user_id where k.key_hash = ?1 and k.revoked_at is null "
                        + "and not u.disabled").setParameter(1, credentialHash).getResultStream().findFirst();
        return key.map(r -> {
            Object[] row = (Object[]) r;
            UUID keyId = (UUID) row[0];
            keys.touch(keyId, now);
            // the key's name with its owner, so that the audit log says which person's automation acted
            return new Principal(new Actor("key", keyId.toString(), row[1] + " (" + row[3] + ")"), role(row[4]),
                    Optional.of((UUID) row[2]), false, credentialHash);
        });
    }

    private static Role role(Object id) {
        return Role.parse((String) id).orElseThrow(() -> new IllegalStateException("unknown role " + id));
    }
}
