package dev.viva.interview.repository;

import dev.viva.interview.Interview;
import dev.viva.interview.InterviewStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InterviewRepository implements PanacheRepositoryBase<Interview, UUID> {

    /** Filters for the recruiter's list; null means "any". */
    public record Filter(InterviewStatus status, String roleId, Instant createdFrom, Instant createdTo) {
    }

    public record Slice(List<Interview> items, long total) {
    }

    public Slice search(Filter filter, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.status() != null) {
            clauses.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.roleId() != null) {
            clauses.add("roleId = :role");
            params.and("role", filter.roleId());
        }
        if (filter.createdFrom() != null) {
            clauses.add("createdAt >= :from");
            params.and("from", filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            clauses.add("createdAt < :to");
            params.and("to", filter.createdTo());
        }
        String query = clauses.isEmpty() ? "" : String.join(" and ", clauses);
        var q = find(query, Sort.descending("createdAt").and("id"), params);
        return new Slice(q.page(Page.of(page, size)).list(), q.count());
    }

    public Optional<Interview> findByTokenHash(String tokenHash) {
        return find("candidateTokenHash", tokenHash).firstResultOptional();
    }

    /** Interviews in progress whose candidate has been silent since {@code before}. */
    public List<Interview> findIdleInProgress(Instant before) {
        return list("status = ?1 and lastActivityAt < ?2", InterviewStatus.IN_PROGRESS, before);
    }
}
