package dev.viva.account.service;

import dev.viva.account.AccountsConfig;
import dev.viva.account.User;
import dev.viva.platform.audit.Actor;
import dev.viva.platform.audit.AuditLog;
import dev.viva.platform.security.Tokens;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Signing in with e-mail and password, and out. Password guessing is slowed twice: per network address (a sliding
 * window of failures, kept in PostgreSQL so that every replica counts them) and per account (consecutive failures
 * lock it for a while, visibly to admins, who can unlock it). Whatever went wrong, the answer is the same, so that
 * nobody learns which e-mail addresses have accounts, or whether a guess at a locked account was right.
 */
@ApplicationScoped
public class SignIn {

    /** What a sign-in attempt came to; a refusal is committed (counted) before it is answered. */
    public sealed interface Outcome {
        record SignedIn(User user, String token, Instant expiresAt) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    private static final Actor GUARD = Actor.system("sign-in");

    private final EntityManager em;
    private final AuditLog audit;
    private final AccountsConfig config;
    private final Clock clock = Clock.systemUTC();

    SignIn(EntityManager em, AuditLog audit, AccountsConfig config) {
        this.em = em;
        this.audit = audit;
        this.config = config;
    }

    @Transactional
    public Outcome attempt(String email, String password, String address) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(config.addressWindow());
        em.createNativeQuery("delete from sign_in_failure where at < ?1").setParameter(1, windowStart).executeUpdate();
        // the count, and how long until the oldest failure leaves the window (what Retry-After says)
        Object[] recent = (Object[]) em.createNativeQuery("select count(*), "
                        + "coalesce(ceil(extract(epoch from min(at) - ?2)), 0) from sign_in_failure where address = ?1")
                .setParameter(1, address).setParameter(2, windowStart).getSingleResult();
        if (((Number) recent[0]).longValue() >= config.addressFailureLimit()) {
            return new Outcome.Throttled(Duration.ofSeconds(Math.max(1, ((Number) recent[1]).longValue())));
        }
        String normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        String given = password == null ? "" : password;
        User user = em.createQuery("select u from User u where u.email = :e", User.class).setParameter("e", normalised)
                .getResultStream().findFirst().orElse(null);
        if (user == null || given.length() > Accounts.PASSWORD_MAX_LENGTH) {
            Passwords.decoy(given.substring(0, Math.min(given.length(), Accounts.PASSWORD_MAX_LENGTH)));
            return fail(null, address, now);
        }
        boolean matches = Passwords.verify(given, user.passwordHash);
        if (!matches || user.disabled || user.lockedAt(now)) {
            return fail(matches ? null : user, address, now);
        }
        user.failedSignIns = 0;
        user.lockedUntil = null;
        user.lastSignInAt = now;
        String token = Tokens.newSecret("vs_");
        Instant expires = now.plus(config.sessionLifetime());
        em.createNativeQuery("insert into user_session (token_hash, user_id, created_at, expires_at) "
                        + "values (?1, ?2, ?3, ?4)").setParameter(1, Tokens.hash(token)).setParameter(2, user.id)
                .setParameter(3, now).setParameter(4, expires).executeUpdate();
        return new Outcome.SignedIn(user, token, expires);
    }

    /** Counts the failure against the address and, for a wrong password, against the account, which may lock it. */
    private Outcome fail(User user, String address, Instant now) {
        em.createNativeQuery("insert into sign_in_failure (address, at) values (?1, ?2)").setParameter(1, address)
                .setParameter(2, now).executeUpdate();
        if (user != null && !user.lockedAt(now)) {
            if (user.lockedUntil != null) { // a lock that ran out: the count starts again
                user.lockedUntil = null;
                user.failedSignIns = 0;
            }
            user.failedSignIns++;
            if (user.failedSignIns >= config.lockoutThreshold()) {
                user.lockedUntil = now.plus(config.lockoutDuration());
                audit.record(GUARD, "user.locked", "user", user.id.toString(), "repeated failed sign-ins",
                        Map.of("email", user.email, "failedSignIns", user.failedSignIns, "address", address,
                                "lockedUntil", user.lockedUntil.toString()));
            }
        }
        return new Outcome.Refused();
    }

    /** Expired sessions and set-password links are useless; deleting them is idempotent, so every replica may. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purgeExpired() {
        Instant now = clock.instant();
        em.createNativeQuery("delete from user_session where expires_at < ?1").setParameter(1, now).executeUpdate();
        em.createNativeQuery("delete from password_link where expires_at < ?1").setParameter(1, now).executeUpdate();
    }

    /** Ends the session with this token hash (signing out). */
    @Transactional
    public void signOut(String tokenHash) {
        em.createNativeQuery("delete from user_session where token_hash = ?1").setParameter(1, tokenHash)
                .executeUpdate();
    }
}
