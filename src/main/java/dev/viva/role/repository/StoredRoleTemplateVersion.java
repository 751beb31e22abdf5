package dev.viva.role.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One version of a role template: its YAML as written, never changed once published. */
@Entity
@Table(name = "role_template_version")
@IdClass(StoredRoleTemplateVersion.Key.class)
public class StoredRoleTemplateVersion extends PanacheEntityBase {

    /** The composite key; Hibernate fills it field by field. */
    public static class Key implements Serializable {
        public String roleId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && version == k.version && Objects.equals(roleId, k.roleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roleId, version);
        }
    }

    @Id
    @Column(name = "role_id")
    public String roleId;

    @Id
    public int version;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String yaml;

    @Column(nullable = false)
    public String sha256;

    /** How it was written: file, upload, form, copy or draft (proposed by a model from a job description). */
    @Column(nullable = false)
    public String source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The actor's display name. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** Null while a draft. */
    @Column(name = "published_at")
    public Instant publishedAt;
}
