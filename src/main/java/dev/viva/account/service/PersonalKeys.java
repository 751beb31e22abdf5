package dev.viva.account.service;

import dev.viva.account.PersonalKey;
import dev.viva.account.User;
import dev.viva.platform.audit.AuditLog;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A person's own API keys: created with a name (the secret shown once), listed, revoked. */
@ApplicationScoped
public class PersonalKeys {

    /** A new key and the only copy of its secret. */
    public record Created(PersonalKey key, String secret) {
    }

    private final EntityManager em;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    PersonalKeys(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    public List<PersonalKey> list(UUID userId) {
        return em.createQuery("select k from PersonalKey k where k.userId = :u order by k.createdAt desc",
                PersonalKey.class).setParameter("u", userId).getResultList();
    }

    @Transactional
    public Created create(UUID userId, String name) {
        User owner = em.find(User.class, userId);
        PersonalKey key = new PersonalKey();
        key.id = UUID.randomUUID();
        key.userId = userId;
        key.name = name.strip();
        String secret = Tokens.newSecret("vk_");
        key.keyHash = Tokens.hash(secret);
        key.createdAt = clock.instant();
        em.persist(key);
        audit.record("key.created", "key", key.id.toString(), null, Map.of("name", key.name, "owner", owner.email));
        return new Created(key, secret);
    }

    /** Revokes one of the user's keys; it is refused from the next request on (nothing caches keys). */
    @Transactional
    public PersonalKey revoke(UUID userId, UUID keyId) {
        PersonalKey key = em.find(PersonalKey.class, keyId);
        if (key == null || !key.userId.equals(userId)) {
            throw ApiProblem.notFound("you have no key " + keyId);
        }
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
            User owner = em.find(User.class, userId);
            audit.record("key.revoked", "key", key.id.toString(), null, Map.of("name", key.name, "owner", owner.email));
        }
        return key;
    }

    /** Used by {@link AccountCredentials}: when a key was last used, to the minute, without a write per request. */
    void touch(UUID keyId, Instant now) {
        em.createNativeQuery("update personal_api_key set last_used_at = ?2 where id = ?1 "
                        + "and (last_used_at is null or last_used_at < ?3)")
                .setParameter(1, keyId).setParameter(2, now).setParameter(3, now.minusSeconds(60)).executeUpdate();
    }
}
