package dev.viva.assessment.llm;

import io.quarkus.narayana.jta.QuarkusTransaction;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code llm_rubric} table (migration V10). Each statement commits on its own, outside the report's transaction:
 * a rubric the model was paid for stays cached even when the report that asked for it fails, and a claim is seen by
 * other reports at once.
 */
final class RubricCache {

    enum Status { PENDING, READY, INVALID, FAILED }

    record Row(Status status, String rubric, String reason) {
    }

    private final DataSource dataSource;
    private final Duration retryAfter;
    private final Duration staleAfter;

    /**
     * @param retryAfter how long a FAILED question waits before it is asked again
     * @param staleAfter how long a PENDING claim holds: longer than a call may take, so a live claim is never taken
     *                   over, but a claim left by a crashed server does not block the question for ever
     */
    RubricCache(DataSource dataSource, Duration retryAfter, Duration staleAfter) {
        this.dataSource = dataSource;
        this.retryAfter = retryAfter;
        this.staleAfter = staleAfter;
    }

    Optional<Row> find(String roleId, String hash) {
        return tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select status, rubric, reason from llm_rubric where role_id = ? and question_hash = ?")) {
                s.setString(1, roleId);
                s.setString(2, hash);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Row(Status.valueOf(r.getString(1)), r.getString(2), r.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Makes this caller the one that asks the model, in one statement so two reports never both ask: true for a
     * question never seen, one whose last request failed longer than {@code retryAfter} ago, or one whose claim is
     * stale; false while it has a rubric, was answered unusably, failed recently or is being asked by someone else.
     */
    boolean claim(String roleId, String hash, String question, String model) {
        return tx(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into llm_rubric (role_id, question_hash, question, status, model, attempts, created_at, updated_at)
                    values (?, ?, ?, 'PENDING', ?, 1, now(), now())
                    on conflict (role_id, question_hash) do update
                       set status = 'PENDING', reason = null, model = excluded.model,
                           attempts = llm_rubric.attempts + 1, updated_at = now()
                     where (llm_rubric.status = 'FAILED' and llm_rubric.updated_at <= now() - make_interval(secs => ?))
                        or (llm_rubric.status = 'PENDING' and llm_rubric.updated_at <= now() - make_interval(secs => ?))""")) {
                s.setString(1, roleId);
                s.setString(2, hash);
                s.setString(3, question);
                s.setString(4, model);
                s.setDouble(5, retryAfter.toMillis() / 1000.0);
                s.setDouble(6, staleAfter.toMillis() / 1000.0);
                return s.executeUpdate() == 1;
            }
        });
    }

    void ready(String roleId, String hash, String rubricJson) {
        finish(roleId, hash, Status.READY, rubricJson, null);
    }

    void failed(String roleId, String hash, Status status, String reason) {
        finish(roleId, hash, status, null, reason);
    }

    private void finish(String roleId, String hash, Status status, String rubric, String reason) {
        tx(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    update llm_rubric set status = ?, rubric = ?, reason = ?, updated_at = now()
                     where role_id = ? and question_hash = ?""")) {
                s.setString(1, status.name());
                s.setString(2, rubric);
                s.setString(3, reason);
                s.setString(4, roleId);
                s.setString(5, hash);
                return s.executeUpdate();
            }
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        });
    }
}
