package dev.viva.voice.socket;

import dev.viva.interview.InterviewStatus;
import dev.viva.platform.cluster.Cluster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which candidate connection owns an interview across replicas ({@code candidate_session}): each new connection takes
 * the next generation in one atomic upsert and announces it when that commits; the highest generation is the only
 * session allowed to live.
 */
@ApplicationScoped
class SessionClaims {

    /** Where an interview stands for a replica checking its sessions: its status and the newest generation. */
    record Standing(InterviewStatus status, String endReason, long generation) {
    }

    private final EntityManager em;
    private final Cluster cluster;

    SessionClaims(EntityManager em, Cluster cluster) {
        this.em = em;
        this.cluster = cluster;
    }

    /** Claims the interview for a new connection on this replica; returns its generation (higher than any before). */
    @Transactional
    long claim(UUID interviewId) {
        long generation = ((Number) em.createNativeQuery("""
                        insert into candidate_session (interview_id, generation, replica, opened_at)
                        values (?1, 1, ?2, now())
                        on conflict (interview_id) do update
                            set generation = candidate_session.generation + 1, replica = excluded.replica,
                                opened_at = excluded.opened_at
                        returning generation""")
                .setParameter(1, interviewId).setParameter(2, cluster.replica()).getSingleResult()).longValue();
        cluster.sendInTransaction(SessionSignal.TOPIC, new SessionSignal.TakenOver(interviewId, generation));
        return generation;
    }

    /** The standing of each interview (those erased meanwhile are missing). */
    @Transactional
    Map<UUID, Standing> standing(Collection<UUID> interviewIds) {
        Map<UUID, Standing> result = new HashMap<>();
        if (interviewIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select i.id, i.status, coalesce(i.end_detail, i.end_reason), coalesce(s.generation, 0)
                        from interview i left join candidate_session s on s.interview_id = i.id
                        where i.id = any(?1)""")
                .setParameter(1, interviewIds.toArray(UUID[]::new)).getResultList();
        for (Object[] r : rows) {
            result.put((UUID) r[0], new Standing(InterviewStatus.valueOf((String) r[1]), (String) r[2],
                    ((Number) r[3]).longValue()));
        }
        return result;
    }
}
