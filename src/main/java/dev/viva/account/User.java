package dev.viva.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A person who signs in to the console. The role is kept as its API id ({@code admin}, {@code recruiter}, {@code viewer}). */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    public UUID id;

    /** Lower-cased, so that sign-in and uniqueness ignore case. */
    @Column(nullable = false, unique = true)
    public String email;

    @Column(nullable = false)
    public String role;

    /** Argon2id in PHC string form; null until the person sets a password through their link. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(nullable = false)
    public boolean disabled;

    @Column(name = "failed_sign_ins", nullable = false)
    public int failedSignIns;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_sign_in_at")
    public Instant lastSignInAt;

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
