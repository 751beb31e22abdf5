package dev.viva.platform.security;

import dev.viva.platform.audit.Actor;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Recruiter credentials: the installation keys (configured, or created at first start and stored hashed), which act
 * as admins, and through {@link PersonalCredentials} the sessions and personal keys of people.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final EntityManager em;
    private final Set<String> configuredHashes;
    private final boolean generateAtFirstStart;
    private final PersonalCredentials people;

    public ApiKeys(EntityManager em, SecurityConfig config, PersonalCredentials people) {
        this.em = em;
        this.people = people;
        this.configuredHashes = config.apiKeys().orElse(List.of()).stream()
                .map(String::trim).filter(k -> !k.isEmpty()).map(Tokens::hash).collect(Collectors.toUnmodifiableSet());
        this.generateAtFirstStart = config.generateKeyAtFirstStart();
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (!configuredHashes.isEmpty() || !generateAtFirstStart) {
            return;
        }
        Long stored = em.createQuery("select count(k) from ApiKey k", Long.class).getSingleResult();
        if (stored == 0) {
            String key = create("first-start");
            // printed once, on purpose: only its hash is kept
            LOG.warnf("%n%n    No recruiter API key was configured, so one was created. It is shown only now:%n%n"
                    + "        %s%n%n    It acts as an admin. Sign in to the console with it (\"Use an API key instead\") and add the "
                    + "first users under Users, or call the API with 'Authorization: Bearer <key>'. Set "
                    + "VIVA_SECURITY_API_KEYS to manage installation keys yourself.%n", key);
        }
    }

    /** Creates and stores a new key; returns the only copy of the secret. */
    @Transactional
    public String create(String label) {
        String key = Tokens.newSecret("vk_");
        ApiKey entity = new ApiKey();
        entity.id = UUID.randomUUID();
        entity.keyHash = Tokens.hash(key);
        entity.label = label;
        entity.createdAt = Instant.now();
        em.persist(entity);
        return key;
    }

    /**
     * How a bearer token fares at a recruiter-only door: 0 when it is a valid recruiter credential of any role, 403
     * for a candidate token (recognised by its prefix, so a leaked one is told apart from a typo), 401 for anything
     * else.
     */
    public int refusal(String bearerToken) {
        if (bearerToken.startsWith(RecruiterAuthFilter.CANDIDATE_TOKEN_PREFIX)) {
            return 403;
        }
        return authenticate(bearerToken).isPresent() ? 0 : 401;
    }

    /** The caller a bearer credential stands for, or empty when it is none (or no longer) valid. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return authenticateHash(Tokens.hash(token));
    }

    /**
     * The caller whose credential has this SHA-256, looked up afresh (nothing is cached, so revocation applies at
     * once). Installation keys act as admins; a configured one is named by a prefix of its hash, which identifies it
     * in the audit log without revealing it.
     */
    @Transactional
    public Optional<Principal> authenticateHash(String hash) {
        if (configuredHashes.stream().anyMatch(h -> Tokens.sameHash(h, hash))) {
            String id = "installation:" + hash.substring(0, 12);
            return Optional.of(new Principal(new Actor("key", id, "installation key " + hash.substring(0, 12)),
                    Role.ADMIN, Optional.empty(), false, hash));
        }
        Optional<Principal> stored = em.createQuery("select k from ApiKey k where k.keyHash = :h", ApiKey.class)
                .setParameter("h", hash).getResultStream().findFirst()
                .map(k -> new Principal(new Actor("key", k.id.toString(), k.label), Role.ADMIN, Optional.empty(),
                        false, hash));
        return stored.isPresent() ? stored : people.resolve(hash);
    }
}
