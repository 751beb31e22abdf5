package dev.viva.account.service;

import dev.viva.account.AccountsConfig;
import dev.viva.account.User;
import dev.viva.platform.audit.Actor;
import dev.viva.platform.audit.AuditLog;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.Role;
import dev.viva.platform.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * People who sign in: created by an admin with a one-time set-password link, given a role, disabled, unlocked,
 * deleted; and their own password. Every change is recorded in the audit log in the same transaction.
 */
@ApplicationScoped
public class Accounts {

    /** Longer passwords buy nothing and only make each hash more work for the server. */
    static final int PASSWORD_MAX_LENGTH = 256;

    /** A new user's (or a reset) one-time link to choose a password, shown once. */
    public record PasswordLink(String token, Instant expiresAt) {
    }

    public record Created(User user, PasswordLink link) {
    }

    private final EntityManager em;
    private final AuditLog audit;
    private final AccountsConfig config;
    private final Clock clock = Clock.systemUTC();

    Accounts(EntityManager em, AuditLog audit, AccountsConfig config) {
        this.em = em;
        this.audit = audit;
        this.config = config;
    }

    @Transactional
    public List<User> list() {
        return em.createQuery("select u from User u order by u.email", User.class).getResultList();
    }

    @Transactional
    public User get(UUID id) {
        return Optional.ofNullable(em.find(User.class, id))
                .orElseThrow(() -> ApiProblem.notFound("no user " + id + "; GET /api/v1/users lists them"));
    }

    @Transactional
    public Created create(String email, Role role) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        Long taken = em.createQuery("select count(u) from User u where u.email = :e", Long.class)
                .setParameter("e", normalised).getSingleResult();
        if (taken > 0) {
            throw ApiProblem.conflict("a user with the e-mail " + normalised + " already exists");
        }
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = normalised;
        user.role = role.id();
        user.createdAt = clock.instant();
        em.persist(user);
        audit.record("user.created", "user", user.id.toString(), null, Map.of("email", user.email, "role", user.role));
        return new Created(user, newLink(user));
    }

    /** A fresh set-password link for the user (a reset); earlier unused links stop working. */
    @Transactional
    public PasswordLink resetLink(UUID id) {
        User user = get(id);
        PasswordLink link = newLink(user);
        audit.record("user.password-link.created", "user", user.id.toString(), null, Map.of("email", user.email));
        return link;
    }

    private PasswordLink newLink(User user) {
        em.createNativeQuery("delete from password_link where user_id = ?1").setParameter(1, user.id).executeUpdate();
        String token = Tokens.newSecret("vp_");
        Instant expires = clock.instant().plus(config.passwordLinkLifetime());
        em.createNativeQuery("insert into password_link (token_hash, user_id, expires_at) values (?1, ?2, ?3)")
                .setParameter(1, Tokens.hash(token)).setParameter(2, user.id).setParameter(3, expires).executeUpdate();
        return new PasswordLink(token, expires);
    }

    /**
     * Changes a user's role and whether they are disabled; an admin cannot do either to themselves, so that nobody
     * locks themselves out by mistake. Disabling ends the user's sessions at once (their keys stop with them).
     */
    @Transactional
    public User change(UUID id, Optional<UUID> callerId, Optional<Role> role, Optional<Boolean> disabled) {
        User user = get(id);
        if (callerId.filter(id::equals).isPresent()) {
            throw ApiProblem.conflict("you cannot change your own role or disable yourself; ask another admin");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("email", user.email);
        role.filter(r -> !r.id().equals(user.role)).ifPresent(r -> {
            details.put("from", user.role);
            details.put("to", r.id());
            user.role = r.id();
            audit.record("user.role.changed", "user", user.id.toString(), null, details);
        });
        disabled.filter(d -> d != user.disabled).ifPresent(d -> {
            user.disabled = d;
            if (d) {
                endSessions(user.id, null);
            }
            audit.record(d ? "user.disabled" : "user.enabled", "user", user.id.toString(), null,
                    Map.of("email", user.email));
        });
        return user;
    }

    @Transactional
    public User unlock(UUID id) {
        User user = get(id);
        boolean wasLocked = user.lockedAt(clock.instant());
        user.failedSignIns = 0;
        user.lockedUntil = null;
        if (wasLocked) {
            audit.record("user.unlocked", "user", user.id.toString(), null, Map.of("email", user.email));
        }
        return user;
    }

    /** Deletes the user with their sessions, keys and links; the audit log keeps what they did. */
    @Transactional
    public void delete(UUID id, Optional<UUID> callerId) {
        User user = get(id);
        if (callerId.filter(id::equals).isPresent()) {
            throw ApiProblem.conflict("you cannot delete yourself; ask another admin");
        }
        em.remove(user);
        audit.record("user.deleted", "user", user.id.toString(), null, Map.of("email", user.email, "role", user.role));
    }

    /** Sets the password through a one-time link; the link is used up, and earlier sessions end. */
    @Transactional
    public User redeemLink(String token, String password) {
        List<?> used = em.createNativeQuery("delete from password_link where token_hash = ?1 and expires_at > now() "
                + "returning user_id").setParameter(1, Tokens.hash(token)).getResultList();
        if (used.isEmpty()) {
            throw ApiProblem.badRequest("token",
                    "this set-password link has expired or was already used; ask an admin for a new one");
        }
        User user = get((UUID) used.getFirst());
        setPassword(user, password);
        // the person proved they hold the link: a lockout from guesses at the old password is theirs to clear
        user.failedSignIns = 0;
        user.lockedUntil = null;
        endSessions(user.id, null);
        audit.record(new Actor("user", user.id.toString(), user.email), "user.password.set", "user",
                user.id.toString(), null, Map.of("email", user.email));
        return user;
    }

    /** Changes the caller's own password, which they must know; their other sessions end. */
    @Transactional
    public void changePassword(UUID userId, String currentPassword, String newPassword, String keepSessionHash) {
        User user = get(userId);
        if (!Passwords.verify(currentPassword == null ? "" : currentPassword, user.passwordHash)) {
            throw ApiProblem.badRequest("currentPassword", "the current password is not right");
        }
        setPassword(user, newPassword);
        endSessions(user.id, keepSessionHash);
        audit.record("user.password.changed", "user", user.id.toString(), null, Map.of("email", user.email));
    }

    private void setPassword(User user, String password) {
        checkPassword(password, user.email);
        user.passwordHash = Passwords.hash(password);
    }

    private void checkPassword(String password, String email) {
        int min = config.passwordMinLength();
        if (password == null || password.codePointCount(0, password.length()) < min) {
            throw ApiProblem.badRequest("password", "the password needs at least " + min + " characters; a few "
                    + "unrelated words make a long one that is easy to remember");
        }
        if (password.length() > PASSWORD_MAX_LENGTH) {
            throw ApiProblem.badRequest("password", "the password can have at most " + PASSWORD_MAX_LENGTH
                    + " characters");
        }
        if (password.strip().equalsIgnoreCase(email) || password.isBlank()) {
            throw ApiProblem.badRequest("password", "the password cannot be your e-mail address or only spaces");
        }
    }

    /** Ends a user's sessions, but the one with {@code keepHash} (null: all). */
    private void endSessions(UUID userId, String keepHash) {
        em.createNativeQuery("delete from user_session where user_id = ?1 and token_hash <> ?2")
                .setParameter(1, userId).setParameter(2, keepHash == null ? "" : keepHash).executeUpdate();
    }
}
