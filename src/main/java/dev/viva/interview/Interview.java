package dev.viva.interview;

import dev.viva.role.Level;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One scheduled interview of one candidate for one role and level. */
@Entity
@Table(name = "interview")
public class Interview extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "candidate_name", nullable = false)
    public String candidateName;

    @Column(name = "candidate_email", nullable = false)
    public String candidateEmail;

    @Column(name = "role_id", nullable = false)
    public String roleId;

    /** The version of the role template the interview was created with; its questions and its report use it. */
    @Column(name = "role_version", nullable = false)
    public int roleVersion;

    @Convert(converter = LevelConverter.class)
    @Column(nullable = false)
    public Level level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InterviewStatus status;

    @Column(name = "candidate_token_hash", nullable = false, unique = true)
    public String candidateTokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** Why it ended (a closed set); null while it has not. */
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    /** Free-text detail of the end, e.g. how long an abandoned candidate had been idle; often null. */
    @Column(name = "end_detail")
    public String endDetail;

    /** When the candidate consented to the AI interview, its transcription and its report; null if never. */
    @Column(name = "consented_at")
    public Instant consentedAt;

    /** Start of the scheduling window: it cannot be started before; null means at once. */
    @Column(name = "opens_at")
    public Instant opensAt;

    /** End of the scheduling window: not started by then, its link has expired; null means never. */
    @Column(name = "closes_at")
    public Instant closesAt;

    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;

    @Version
    public long version;

    /** Real time spent in the interview: start to end, or start to now while it runs; null before it starts. */
    public Long durationSeconds(Instant now) {
        if (startedAt == null) {
            return null;
        }
        Instant end = endedAt != null ? endedAt : now;
        return Duration.between(startedAt, end).toSeconds();
    }

    /** The candidate's join link; the token travels in the fragment, which browsers never send to servers or logs. */
    public static String joinUrl(String publicUrl, UUID id, String candidateToken) {
        return publicUrl + "/interview/" + id + "#token=" + candidateToken;
    }

    /** Never started and its window has closed (whether or not the sweep has marked it EXPIRED yet). */
    public boolean hasExpired(Instant now) {
        return status == InterviewStatus.SCHEDULED && closesAt != null && !now.isBefore(closesAt);
    }

    @Converter
    public static class LevelConverter implements AttributeConverter<Level, String> {
        @Override
        public String convertToDatabaseColumn(Level level) {
            return level == null ? null : level.id();
        }

        @Override
        public Level convertToEntityAttribute(String value) {
            return value == null ? null : Level.parse(value);
        }
    }
}
