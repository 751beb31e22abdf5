package dev.viva.interview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** The report of an interview as JSON with its schema version; produced by the assessment, served as is. */
@Entity
@Table(name = "report")
public class StoredReport extends PanacheEntityBase {

    @Id
    @Column(name = "interview_id")
    public UUID interviewId;

    @Column(name = "schema_version", nullable = false)
    public int schemaVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String body;

    @Column(name = "generated_at", nullable = false)
    public Instant generatedAt;
}
