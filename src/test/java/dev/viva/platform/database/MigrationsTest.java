package dev.viva.platform.database;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flyway migrations build the whole schema on a brand-new, empty PostgreSQL database. */
class MigrationsTest {

    private static final String HOST = System.getenv().getOrDefault("VIVA_TEST_DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("VIVA_TEST_DB_PORT", "5432");
    private final String database = "viva_migrations_" + ProcessHandle.current().pid();

    private Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", "postgres", "");
    }

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        try (Connection c = admin(); var s = c.createStatement()) {
            s.execute("drop database if exists " + database);
            s.execute("create database " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection c = admin(); var s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void migrationsApplyToAnEmptyDatabase() throws SQLException {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
        var result = Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load()
                .migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);

        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        assertThat(tables).contains("api_key", "interview", "turn", "report", "flyway_schema_history");

        // the lifecycle is enforced by the database too, not only by the service
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); var s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute(
                    "insert into interview (id, candidate_name, candidate_email, role_id, level, status, "
                            + "candidate_token_hash, created_at, last_activity_at) values (gen_random_uuid(), 'x', "
                            + "'x@x', 'r', 'mid', 'PAUSED', 'h', now(), now())"))
                    .hasMessageContaining("interview_status_check");
        }
        // why an interview ended is a closed set (V42), and earlier free text moved to end_detail
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); var s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute(
                    "insert into interview (id, candidate_name, candidate_email, role_id, level, status, "
                            + "candidate_token_hash, created_at, last_activity_at, end_reason) values "
                            + "(gen_random_uuid(), 'x', 'x@x', 'r', 'mid', 'COMPLETED', 'h2', now(), now(), 'completed')"))
                    .hasMessageContaining("interview_end_reason_check");
        }
        // a second run finds nothing to do
        assertThat(Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load()
                .migrate().migrationsExecuted).isZero();
    }

    @Test
    void endReasonsWrittenBeforeV42BecomeTheClosedSetWithTheirTextKeptAsDetail() throws SQLException {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").target("41").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); var s = c.createStatement()) {
            String insert = "insert into interview (id, candidate_name, candidate_email, role_id, level, status, "
                    + "candidate_token_hash, created_at, last_activity_at, end_reason) values ('%s', 'x', 'x@x', 'r', "
                    + "'mid', '%s', '%s', now(), now(), %s)";
            s.execute(insert.formatted("00000000-0000-0000-0000-000000000001", "COMPLETED", "h1", "'completed'"));
            s.execute(insert.formatted("00000000-0000-0000-0000-000000000002", "ABANDONED", "h2",
                    "'no activity from the candidate since yesterday'"));
            s.execute(insert.formatted("00000000-0000-0000-0000-000000000003", "CANCELLED", "h3",
                    "'cancelled by a recruiter'"));
            s.execute(insert.formatted("00000000-0000-0000-0000-000000000004", "IN_PROGRESS", "h4", "null"));
        }
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select end_reason, end_detail from interview order by id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " | " + rs.getString(2));
            }
        }
        assertThat(rows).containsExactly("PLAN_COMPLETE | null",
                "ABANDONED | no activity from the candidate since yesterday",
                "CANCELLED | cancelled by a recruiter", "null | null");
    }
}
