package dev.viva.interview.repository;

import dev.viva.interview.Turn;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TurnRepository implements PanacheRepositoryBase<Turn, UUID> {

    public List<Turn> forInterview(UUID interviewId) {
        return list("interviewId", Sort.ascending("seq"), interviewId);
    }

    public int nextSeq(UUID interviewId) {
        Integer max = getEntityManager()
                .createQuery("select max(t.seq) from Turn t where t.interviewId = :id", Integer.class)
                .setParameter("id", interviewId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
