package dev.viva.interview;

import dev.viva.role.Phase;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One question asked in an interview and, once final, the candidate's answer. */
@Entity
@Table(name = "turn")
public class Turn extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "interview_id", nullable = false)
    public UUID interviewId;

    @Column(nullable = false)
    public int seq;

    @Convert(converter = PhaseConverter.class)
    @Column(nullable = false)
    public Phase phase;

    @Column(nullable = false)
    public int difficulty;

    @Column(name = "question_text", nullable = false)
    public String questionText;

    /** The words of the question the candidate heard before interrupting it; null when heard in full. */
    @Column(name = "question_heard")
    public String questionHeard;

    @Enumerated(EnumType.STRING)
    @Column(name = "question_source", nullable = false)
    public QuestionSource questionSource;

    @Column(name = "question_id")
    public String questionId;

    @Column(name = "answer_text")
    public String answerText;

    @Column(name = "answer_start_ms")
    public Long answerStartMs;

    @Column(name = "answer_end_ms")
    public Long answerEndMs;

    @Column(name = "audio_duration_ms")
    public Long audioDurationMs;

    @Enumerated(EnumType.STRING)
    @Column(name = "input_mode")
    public InputMode inputMode;

    @Column(name = "stt_confidence")
    public Float sttConfidence;

    @Column(name = "asked_at", nullable = false)
    public Instant askedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public boolean isAnswered() {
        return answeredAt != null;
    }

    @Converter
    public static class PhaseConverter implements AttributeConverter<Phase, String> {
        @Override
        public String convertToDatabaseColumn(Phase phase) {
            return phase == null ? null : phase.id();
        }

        @Override
        public Phase convertToEntityAttribute(String value) {
            return value == null ? null : Phase.parse(value);
        }
    }
}
