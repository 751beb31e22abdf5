package dev.viva.platform.database;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseBootstrapTest {

    @Test
    void anExplicitDatasourceUrlIsLeftAlone() {
        Properties system = new Properties();
        DatabaseBootstrap.prepare(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db.example:5432/x"), system);
        assertThat(system).isEmpty();
        DatabaseBootstrap.prepare(Map.of("VIVA_DATABASE_MODE", "external"), system);
        assertThat(system).isEmpty();
    }

    @Test
    void autoModeUsesTheLocalServerAndCreatesTheDatabase() throws Exception {
        Properties system = new Properties();
        DatabaseBootstrap.prepare(Map.of(), system);
        // the local server answered, so nothing embedded was started and the default URL stays in force
        assertThat(system).doesNotContainKey("quarkus.datasource.jdbc.url");
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/viva", "postgres", "")) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void anUnknownModeIsAClearError() {
        assertThatThrownBy(() -> DatabaseBootstrap.prepare(Map.of("VIVA_DATABASE_MODE", "cloud"), new Properties()))
                .hasMessageContaining("viva.database.mode must be auto, local, embedded or external, was 'cloud'");
    }
}
