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
    void aMissingDatabaseNamedByAnExplicitUrlIsCreated() throws Exception {
        String name = "viva_boot_" + Long.toHexString(System.nanoTime());
        String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
        Properties system = new Properties();
        try {
            DatabaseBootstrap.prepare(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url), system);
            assertThat(system).isEmpty(); // the URL stays the operator's
            try (var c = DriverManager.getConnection(url, "postgres", "")) {
                assertThat(c.isValid(2)).isTrue();
            }
            DatabaseBootstrap.prepare(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url), system); // exists: nothing to do
        } finally {
            admin("drop database if exists " + name);
        }
    }

    @Test
    void aMissingDatabaseTheUserMayNotCreateStopsWithOneLineSayingWhatToDo() throws Exception {
        admin("do $$ begin if not exists (select 1 from pg_roles where rolname = 'viva_no_createdb') then "
                + "create role viva_no_createdb login nocreatedb; end if; end $$");
        String url = "jdbc:postgresql://127.0.0.1:5432/viva_never_created";
        assertThatThrownBy(() -> DatabaseBootstrap.prepare(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url,
                "QUARKUS_DATASOURCE_USERNAME", "viva_no_createdb"), new Properties()))
                .isInstanceOf(DatabaseBootstrap.StartupRefused.class)
                .hasMessageStartingWith("Database 'viva_never_created' does not exist on 127.0.0.1:5432 and user "
                        + "'viva_no_createdb' could not create it")
                .hasMessageContaining("createdb -h 127.0.0.1 -p 5432")
                .hasMessageContaining("grant CREATEDB to 'viva_no_createdb'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    private static void admin(String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void anUnknownModeIsAClearError() {
        assertThatThrownBy(() -> DatabaseBootstrap.prepare(Map.of("VIVA_DATABASE_MODE", "cloud"), new Properties()))
                .hasMessageContaining("viva.database.mode must be auto, local, embedded or external, was 'cloud'");
    }
}
