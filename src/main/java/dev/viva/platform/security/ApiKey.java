package dev.viva.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A recruiter API key created by the server; only its SHA-256 is stored. */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    UUID id;

    @Column(name = "key_hash", nullable = false, unique = true)
    String keyHash;

    @Column(nullable = false)
    String label;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
