package dev.viva.interview.repository;

import jakarta.persistence.LockModeType;
import org.hibernate.LockOptions;

import dev.viva.interview.Interview;
import dev.viva.interview.InterviewStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InterviewRepository implements PanacheRepositoryBase<Interview, UUID> {

    /**
     * Filters for the recruiter's list; null means "any".
     *
     * @param candidate part of the candidate's name or e-mail address, matched ignoring case
     */
    public record Filter(InterviewStatus status, String roleId, Instant createdFrom, Instant createdTo,
                         String candidate) {
    }

    /** The headline of an interview's report, as the list shows it. */
    public record ReportSummary(int overallScore, String recommendation) {
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
        if (filter.candidate() != null) {
            clauses.add("(lower(candidateName) like :candidate escape '!' or lower(candidateEmail) like :candidate escape '!')");
            params.and("candidate", "%" + likeEscaped(filter.candidate().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        String query = clauses.isEmpty() ? "" : String.join(" and ", clauses);
        var q = find(query, Sort.descending("createdAt").and("id"), params);
        return new Slice(q.page(Page.of(page, size)).list(), q.count());
    }

    /** A search term taken literally: its own % and _ match themselves, not any text. */
    private static String likeEscaped(String term) {
        return term.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * The score and recommendation of those of {@code ids} that have a report, read from the stored JSON: a
     * reviewer's recommendation where one overrode the assessment's, since that is the decision a list should show.
     */
    public Map<UUID, ReportSummary> reportSummaries(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select interview_id, (body ->> 'overallScore')::int,
                               coalesce((select o ->> 'recommendation'
                                         from jsonb_array_elements(coalesce(body -> 'overrides', '[]'::jsonb)) o
                                         where o ->> 'dimension' is null limit 1), body ->> 'recommendation')
                        from report where interview_id in (:ids)""")
                .setParameter("ids", ids).getResultList();
        Map<UUID, ReportSummary> summaries = new HashMap<>();
        for (Object[] row : rows) {
            summaries.put((UUID) row[0], new ReportSummary(((Number) row[1]).intValue(), (String) row[2]));
        }
        return summaries;
    }

    public Optional<Interview> findByTokenHash(String tokenHash) {
        return find("candidateTokenHash", tokenHash).firstResultOptional();
    }

    /**
     * Interviews in progress whose candidate has been silent since {@code before}, locked for update; rows another
     * transaction holds (an answer being committed, a cancel) are skipped, and looked at again by the next sweep.
     */
    public List<Interview> findIdleInProgress(Instant before) {
        return find("status = ?1 and lastActivityAt < ?2", InterviewStatus.IN_PROGRESS, before)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .list();
    }

    /** Scheduled interviews whose window closed before {@code now}, locked for update, skipping rows held elsewhere. */
    public List<Interview> findScheduledClosedBefore(Instant now) {
        return find("status = ?1 and closesAt <= ?2", InterviewStatus.SCHEDULED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .list();
    }

    /**
     * The interview with its row locked until the transaction ends ({@code select ... for update}): every status
     * change goes through here, so two changes of one interview happen one after the other, the second seeing the
     * first's result.
     */
    public Optional<Interview> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
