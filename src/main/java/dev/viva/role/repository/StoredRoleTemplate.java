package dev.viva.role.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A role template: where it comes from, which version new interviews get, and whether it is retired. */
@Entity
@Table(name = "role_template")
public class StoredRoleTemplate extends PanacheEntityBase {

    /** Installed files are read-only here; custom templates are authored over the API. */
    public static final String BUILTIN = "builtin";
    public static final String DIRECTORY = "directory";
    public static final String CUSTOM = "custom";

    @Id
    public String id;

    @Column(nullable = false)
    public String origin;

    /** The published version new interviews get; null until one is published. */
    @Column(name = "current_version")
    public Integer currentVersion;

    /** When it stopped taking new interviews; null while it takes them. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean editable() {
        return CUSTOM.equals(origin);
    }
}
