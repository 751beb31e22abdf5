package dev.viva.voice.socket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestSocket;
import dev.viva.stt.RandomWhisperModel;
import dev.viva.testing.ServerProcess;
import dev.viva.testing.Wav;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;

/**
 * Sessions per replica at a turn-latency p95 of 1.5 s, measured from outside: the packaged server runs as separate
 * processes (one replica, then two on one database), and this JVM is the load client: real WebSockets, spoken answers
 * streamed in real time ({@link SpokenTurns}), whisper.cpp on the random-weights tiny.en model decoding about what
 * 8 s of speech needs, FreeTTS replies. With two replicas the interviews alternate between them and each has a
 * recruiter watching from the other replica, so every fact crosses replicas; afterwards the database and the
 * watchers are checked for lost or duplicated turns. Per replica it samples the process's CPU time and resident
 * memory, which size the Kubernetes requests. Prints figures, asserts nothing:
 * {@code ./mvnw -B test -Pbench -Dtest=ReplicaScaleBenchmark} (builds the package first), with
 * {@code -Dviva.bench.sessions=8,16,24} (interviews at once on one replica), {@code -Dviva.bench.replica-sessions=16,24}
 * (at once over two replicas) and {@code -Dviva.bench.turns=5} (answers per interview).
 */
class ReplicaScaleBenchmark {

    private static final String KEY = "scale-key";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final short[] LONG = Wav.fixture("long-answer-with-pauses.wav");
    private static final short[][] CLIPS = {Arrays.copyOf(LONG, 16 * 3_400), Arrays.copyOf(LONG, 16 * 7_700), LONG};
    /** The heap the Kubernetes manifests give a replica (MaxRAMPercentage=50 of a 3 GiB limit). */
    private static final List<String> JVM = List.of("-Xmx1536m");

    @Test
    void sessionsPerReplica() throws Exception {
        Path model = RandomWhisperModel.benchModel(RandomWhisperModel.Decoding.SPOKEN_LENGTH);
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, String> env = new HashMap<>(ServerProcess.testSettings(KEY));
        env.put("VIVA_TTS_ENABLED", "true");
        env.put("VIVA_STT_MODEL", model.toAbsolutePath().toString());
        env.put("VIVA_STT_WORKERS", Integer.toString(cores));
        env.put("VIVA_STT_THREADS_PER_TRANSCRIPTION", "1");
        int turns = Integer.getInteger("viva.bench.turns", 5);
        System.out.printf("%n== replica scale: %s, %d cores, load average %s, %d answers per interview ==%n",
                Instant.now(), cores, loadAverage(), turns);

        String db = ServerProcess.freshDatabase(database());
        try (ServerProcess one = new ServerProcess("scale-single", "replica-scale", db, env, JVM)) {
            one.start(PATIENCE);
            warmUp(one);
            for (int sessions : levels("viva.bench.sessions", "8,16,24")) {
                run(sessions, turns, List.of(one), db);
            }
        }
        db = ServerProcess.freshDatabase(database());
        try (ServerProcess a = new ServerProcess("scale-a", "replica-scale", db, env, JVM);
             ServerProcess b = new ServerProcess("scale-b", "replica-scale", db, env, JVM)) {
            CompletableFuture<Void> startingB = CompletableFuture.runAsync(() -> start(b));
            a.start(PATIENCE);
            startingB.join();
            warmUp(a);
            warmUp(b);
            for (int sessions : levels("viva.bench.replica-sessions", "16,24")) {
                run(sessions, turns, List.of(a, b), db);
            }
        }
    }

    /** One level: {@code sessions} interviews at once, spread over the replicas, started 1.3 s apart. */
    private static void run(int sessions, int turns, List<ServerProcess> replicas, String db) throws Exception {
        Map<ServerProcess, Sampler> samplers = new HashMap<>();
        replicas.forEach(r -> samplers.put(r, new Sampler(r.pid())));
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        List<Future<List<SpokenTurns.Turn>>> running = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<TestSocket> watchers = new ArrayList<>();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < sessions; i++) {
            ServerProcess replica = replicas.get(i % replicas.size());
            String[] joined = join(replica, "Scale Candidate " + i);
            ids.add(joined[0]);
            if (replicas.size() > 1) {
                ServerProcess other = replicas.get((i + 1) % replicas.size());
                TestSocket w = TestSocket.connect(other.uri("/"), "/ws/interviews/" + joined[0] + "/live",
                        "Bearer " + KEY);
                watchers.add(w);
            }
            running.add(pool.submit(() -> {
                try {
                    return SpokenTurns.interview(replica.uri("/"), joined[0], joined[1], turns, CLIPS, PATIENCE);
                } catch (Exception | AssertionError e) {
                    failures.merge(String.valueOf(e.getMessage()).lines().findFirst().orElse("?"), 1, Integer::sum);
                    return List.of();
                }
            }));
            Thread.sleep(1_300); // staggered, as real candidates are
        }
        List<SpokenTurns.Turn> all = new ArrayList<>();
        for (Future<List<SpokenTurns.Turn>> f : running) {
            all.addAll(f.get(30, TimeUnit.MINUTES));
        }
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        String label = sessions + " interviews at once on " + replicas.size() + " replica(s)";
        if (all.isEmpty()) {
            System.out.printf("%s: no turn completed; sessions that failed: %s%n", label, failures);
            return;
        }
        SpokenTurns.report(label, all);
        System.out.printf("   sessions that failed (by reason): %s; wall %.0f s; load average now %s%n", failures,
                wallSeconds, loadAverage());
        for (ServerProcess r : replicas) {
            Sampler s = samplers.get(r);
            s.stop();
            int here = (sessions + replicas.size() - 1 - replicas.indexOf(r)) / replicas.size();
            System.out.printf("   %s: %d sessions, CPU %.2f cores on average (%.3f cores per session), resident "
                            + "memory %d MB before, %d MB at most (%.1f MB per session)%n", r.log().getFileName(),
                    here, s.cores(), s.cores() / here, s.rssBefore >> 20, s.rssMax.get() >> 20,
                    (s.rssMax.get() - s.rssBefore) / 1048576.0 / here);
        }
        if (replicas.size() > 1) {
            crossReplicaCheck(ids, watchers, db, replicas);
        }
    }

    /**
     * Two replicas: every answered turn is in the database once, numbered without gaps, and the recruiter on the other
     * replica saw each answer exactly once; cluster warnings and errors in the replicas' logs are counted.
     */
    private static void crossReplicaCheck(List<String> ids, List<TestSocket> watchers, String db,
                                          List<ServerProcess> replicas) throws Exception {
        int answered = 0;
        int gaps = 0;
        Map<String, Integer> perInterview = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db, "postgres", "")) {
            for (String id : ids) {
                try (var st = c.prepareStatement("select seq, answer_text from turn where interview_id = ?::uuid "
                        + "order by seq")) {
                    st.setString(1, id);
                    ResultSet rs = st.executeQuery();
                    int expected = 1;
                    int n = 0;
                    while (rs.next()) {
                        gaps += rs.getInt(1) == expected++ ? 0 : 1;
                        n += rs.getString(2) != null ? 1 : 0;
                    }
                    perInterview.put(id, n);
                    answered += n;
                }
            }
        }
        Thread.sleep(2_000); // the last answers' notifications
        int seen = 0;
        int mismatched = 0;
        for (int i = 0; i < watchers.size(); i++) {
            int answers = 0;
            for (JsonNode m = watchers.get(i).poll(); m != null; m = watchers.get(i).poll()) {
                answers += m.path("type").asText().equals("answer") ? 1 : 0;
            }
            seen += answers;
            mismatched += answers == perInterview.get(ids.get(i)) ? 0 : 1;
            watchers.get(i).close();
        }
        long clusterProblems = 0;
        for (ServerProcess r : replicas) {
            clusterProblems += Files.readAllLines(r.log()).stream()
                    .filter(l -> l.contains("ERROR") || (l.contains("WARN") && l.contains("cluster"))).count();
        }
        System.out.printf("   cross-replica: %d answered turns in the database (numbering gaps or repeats: %d), "
                        + "%d answers seen by recruiters on the other replica (interviews where that differs: %d), "
                        + "errors and cluster warnings in the logs so far: %d%n", answered, gaps, seen, mismatched,
                clusterProblems);
    }

    private static void warmUp(ServerProcess replica) throws Exception {
        String[] joined = join(replica, "Warm-up");
        SpokenTurns.interview(replica.uri("/"), joined[0], joined[1], 2, CLIPS, PATIENCE);
    }

    private static String[] join(ServerProcess replica, String name) {
        var created = given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON)
                .body(Map.of("candidateName", name, "candidateEmail", "scale@example.com", "role", "backend-engineer",
                        "level", "mid"))
                .post(replica.uri("/api/v1/interviews").toString()).then().statusCode(201).extract();
        return new String[]{created.path("id"), "Bearer " + created.path("candidateToken")};
    }

    private static void start(ServerProcess replica) {
        try {
            replica.start(PATIENCE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String database() {
        return System.getenv().getOrDefault("VIVA_TEST_DB", "viva_test") + "_scale";
    }

    private static List<Integer> levels(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** A server process's CPU time (from /proc) over a run and its peak resident memory, sampled every 500 ms. */
    private static final class Sampler {
        private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
        private final long pid;
        private final long cpuBefore;
        private final long startedAt = System.nanoTime();
        private final long rssBefore;
        private final AtomicLong rssMax = new AtomicLong();
        private final ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor();
        private double cores;

        Sampler(long pid) {
            this.pid = pid;
            this.cpuBefore = cpuTicks();
            this.rssBefore = rss();
            rssMax.set(rssBefore);
            every.scheduleAtFixedRate(() -> rssMax.accumulateAndGet(rss(), Math::max), 500, 500,
                    TimeUnit.MILLISECONDS);
        }

        void stop() {
            every.shutdownNow();
            cores = (cpuTicks() - cpuBefore) / (double) TICKS_PER_SECOND / ((System.nanoTime() - startedAt) / 1e9);
        }

        double cores() {
            return cores;
        }

        private long cpuTicks() {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (java.io.IOException e) {
                return 0;
            }
        }

        private long rss() {
            try {
                return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                        .filter(l -> l.startsWith("VmRSS:")).findFirst()
                        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).orElse(0L);
            } catch (java.io.IOException e) {
                return 0;
            }
        }
    }
}
