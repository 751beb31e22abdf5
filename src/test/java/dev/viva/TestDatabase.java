package dev.viva;

import dev.viva.platform.database.DatabaseBootstrap;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.SQLException;
import java.util.Map;

/**
 * Creates the test database ({@code VIVA_TEST_DB}, default {@code viva_test}) on the local PostgreSQL when it is
 * missing, so {@code ./mvnw test} works on a machine that only has PostgreSQL running.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String host = System.getenv().getOrDefault("VIVA_TEST_DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("VIVA_TEST_DB_PORT", "5432");
        String name = System.getenv().getOrDefault("VIVA_TEST_DB", "viva_test");
        try {
            DatabaseBootstrap.createIfMissing("jdbc:postgresql://" + host + ":" + port + "/postgres", "postgres", "", name);
        } catch (SQLException e) {
            throw new IllegalStateException("the tests need PostgreSQL at " + host + ":" + port + " (user postgres, no "
                    + "password): " + e.getMessage(), e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // the database is kept: Flyway cleans it at the next start
    }
}
