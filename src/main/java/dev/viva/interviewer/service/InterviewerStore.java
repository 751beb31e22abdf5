package dev.viva.interviewer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.interviewer.AnsweredTurn;
import dev.viva.interviewer.AskedQuestion;
import dev.viva.interviewer.EngineSnapshot;
import dev.viva.interview.QuestionSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The interviewer's own columns on {@code turn} and its {@code interviewer_state} table (migration V20). Native SQL
 * because the turn entity belongs to the interview package and does not know these columns.
 */
@ApplicationScoped
public class InterviewerStore {

    private final EntityManager em;
    private final ObjectMapper json;

    public InterviewerStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public Optional<EngineSnapshot> snapshot(UUID interviewId) {
        List<?> rows = em.createNativeQuery("select cast(snapshot as text) from interviewer_state where interview_id = ?1")
                .setParameter(1, interviewId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue((String) rows.getFirst(), EngineSnapshot.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored interviewer state of " + interviewId + " is unreadable", e);
        }
    }

    public void save(UUID interviewId, EngineSnapshot snapshot, Instant at) {
        em.flush();
        em.createNativeQuery("""
                        insert into interviewer_state (interview_id, snapshot, updated_at) values (?1, cast(?2 as jsonb), ?3)
                        on conflict (interview_id) do update set snapshot = excluded.snapshot, updated_at = excluded.updated_at""")
                .setParameter(1, interviewId).setParameter(2, write(snapshot)).setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }

    public void describeQuestion(UUID turnId, AskedQuestion q) {
        em.flush();
        // bank questions keep their key points in the template; a generated one's are the only record of them
        String keyPoints = q.source() == QuestionSource.GENERATED ? write(q.keyPoints()) : "null";
        em.createNativeQuery("""
                        update turn set utterance_kind = ?2, question_key_points = nullif(cast(?3 as jsonb), 'null'),
                        generator = ?4, fallback_reason = nullif(?5, '') where id = ?1""")
                .setParameter(1, turnId).setParameter(2, q.kind().id()).setParameter(3, keyPoints)
                .setParameter(4, q.generator()).setParameter(5, q.fallbackReason() == null ? "" : q.fallbackReason())
                .executeUpdate();
    }

    public void describeAnswer(UUID turnId, AnsweredTurn a) {
        em.flush();
        em.createNativeQuery("""
                        update turn set answer_intent = ?2, ability = cast(?3 as jsonb), ability_overall = ?4,
                        for_recruiter = ?5 where id = ?1""")
                .setParameter(1, turnId).setParameter(2, a.intent().name()).setParameter(3, write(a.ability()))
                .setParameter(4, (float) a.overall()).setParameter(5, a.forRecruiter())
                .executeUpdate();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("interviewer records always serialise", e);
        }
    }
}
