package dev.viva.testing;

import dev.viva.platform.database.DatabaseBootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code target/quarkus-app/quarkus-run.jar}, which {@code ./mvnw test} builds before the tests)
 * as a separate process on a port of its own, for tests and benchmarks that kill, restart or multiply it: the fault
 * suite, the multi-replica test, the replica load benchmark. Each start appends to the same log file.
 */
public final class ServerProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** JVM options for a test server: a small heap, and quick to start rather than fast after warming up. */
    public static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private final Path log;
    private final int port = freePort();
    private Process process;

    /**
     * A server named {@code name} (its log is {@code target/<logDir>/<name>.log}) on the database at {@code dbUrl},
     * with {@code env} on top of the datasource, port and public URL set here.
     */
    public ServerProcess(String name, String logDir, String dbUrl, Map<String, String> env, List<String> jvmOptions)
            throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: this runs the packaged server, which ./mvnw test "
                    + "builds before the tests (do not pass -Dquarkus.build.skip to run it)");
        }
        this.name = name;
        this.jvmOptions = jvmOptions;
        this.log = Files.createDirectories(Path.of("target", logDir)).resolve(name + ".log");
        Files.deleteIfExists(log);
        this.env = new HashMap<>(env);
        this.env.put("QUARKUS_DATASOURCE_JDBC_URL", dbUrl);
        this.env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        this.env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        this.env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        this.env.put("VIVA_SERVER_PUBLIC_URL", "http://127.0.0.1:" + port);
    }

    /**
     * What every test server runs with: this recruiter key, the test role fixtures (and the shipped roles), no model
     * download and no speech synthesis (interviews go on in text), webhooks to loopback receivers over plain HTTP
     * with the test suite's secret key.
     */
    public static Map<String, String> testSettings(String recruiterKey) {
        return Map.of("VIVA_SECURITY_API_KEYS", recruiterKey,
                "VIVA_ROLES_DIRECTORY", "src/test/resources/role-fixtures",
                "VIVA_STT_DOWNLOAD", "false",
                "VIVA_TTS_ENABLED", "false",
                "VIVA_WEBHOOK_ALLOW_HTTP", "true",
                "VIVA_WEBHOOK_ALLOWED_TARGETS", "127.0.0.1/32",
                "VIVA_WEBHOOK_SECRET_KEY", "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=");
    }

    /** Starts the server unless it runs, and returns once it is ready (at most {@code patience}). */
    public synchronized void start(Duration patience) throws Exception {
        if (alive()) {
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " at start; see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException(name + " did not become ready within " + patience + "; see " + log);
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, waiting until the process is gone; true if it was running. */
    public synchronized boolean kill() throws InterruptedException {
        if (!alive()) {
            return false;
        }
        process.destroyForcibly();
        process.waitFor();
        return true;
    }

    /** SIGTERM (a graceful stop); returns the process, to wait for. */
    public synchronized Process terminate() {
        process.destroy();
        return process;
    }

    /** The process id, for sampling its CPU and memory. */
    public synchronized long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path log() {
        return log;
    }

    @Override
    public synchronized void close() {
        if (alive()) {
            process.destroyForcibly();
        }
    }

    /** Drops and creates {@code database} on the local PostgreSQL; returns its JDBC URL. */
    public static String freshDatabase(String database) throws SQLException {
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); var st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
        }
        DatabaseBootstrap.createIfMissing(admin, "postgres", "", database);
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
