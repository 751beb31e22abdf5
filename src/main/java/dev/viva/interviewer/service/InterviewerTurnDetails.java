package dev.viva.interviewer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.assessment.TurnDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives the report what the interviewer stored on each turn (V20 and V42 columns): key points of generated questions,
 * the kind of turn, how the answer was read, the ability trajectory, and the questions passed on to the recruiter.
 */
@ApplicationScoped
public class InterviewerTurnDetails implements TurnDetails {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Double>> ABILITY = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public InterviewerTurnDetails(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    @Transactional
    public Map<UUID, Detail> forInterview(UUID interviewId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select id, cast(question_key_points as text), utterance_kind, answer_intent, cast(ability as text),
                               for_recruiter
                        from turn where interview_id = ?1""", Object[].class)
                .setParameter(1, interviewId).getResultList();
        Map<UUID, Detail> details = new HashMap<>();
        for (Object[] r : rows) {
            details.put((UUID) r[0], new Detail(read((String) r[1], STRINGS, List.of()), (String) r[2],
                    (String) r[3], read((String) r[4], ABILITY, null), Boolean.TRUE.equals(r[5])));
        }
        return details;
    }

    private <T> T read(String value, TypeReference<T> type, T absent) {
        if (value == null) {
            return absent;
        }
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("interviewer turn columns hold JSON written by the interviewer", e);
        }
    }
}
