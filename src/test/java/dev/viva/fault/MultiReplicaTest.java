package dev.viva.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestSocket;
import dev.viva.testing.ServerProcess;
import dev.viva.webhook.Receiver;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the packaged server on one database, as behind a load balancer without session affinity: a
 * candidate talks to replica A while a recruiter watches from B (and another from A); the candidate moves to B (A's
 * socket is closed with 4409) and back; A is killed and the candidate resumes on B at the same question and finishes.
 * Webhooks go out once each although both replicas run a dispatcher, and the abandonment sweeps of both replicas mark
 * an idle interview abandoned once. Prints how much later a watcher on the other replica saw each event (not asserted:
 * the machine may be busy).
 */
class MultiReplicaTest {

    private static final String KEY = "Bearer " + FaultSuite.KEY;
    private static final String ANSWER = "A process has its own address space while the threads of one process share "
            + "its memory, so threads are cheaper to switch between but need locks around shared data.";

    /** What a watcher received: the message and when ({@link System#nanoTime()}). */
    private record Seen(JsonNode message, long at) {
        String key() {
            String type = message.get("type").asText();
            return switch (type) {
                case "question", "answer", "score", "transcript.partial" -> type + ":" + message.get("seq").asInt();
                case "status" -> type + ":" + message.get("status").asText();
                default -> null; // turn states repeat: not matched one to one
            };
        }
    }

    /** One recruiter's live view with everything it received so far. */
    private record Watcher(TestSocket socket, List<Seen> seen) {

        static Watcher on(ServerProcess replica, String id) throws Exception {
            TestSocket socket = TestSocket.connect(replica.uri("/"), "/ws/interviews/" + id + "/live", KEY);
            socket.next("snapshot");
            return new Watcher(socket, Collections.synchronizedList(new ArrayList<>()));
        }

        /** Reads until a message matches. */
        void until(Predicate<JsonNode> last) throws Exception {
            JsonNode m;
            do {
                m = socket.next();
                seen.add(new Seen(m, socket.arrivedAt(m)));
            } while (!last.test(m));
        }

        boolean saw(String key) {
            return seen.stream().anyMatch(s -> key.equals(s.key()));
        }
    }

    /** The candidate's side: a socket in text mode and the question it was last asked. */
    private static final class Candidate {
        final String id;
        final String token;
        TestSocket socket;
        JsonNode question;

        Candidate(String id, String token) {
            this.id = id;
            this.token = token;
        }

        void connect(ServerProcess replica) throws Exception {
            socket = TestSocket.connect(replica.uri("/"), "/ws/interviews/" + id, token);
            socket.send("{\"type\":\"start\",\"speech\":false}");
            question = socket.next("utterance");
        }

        /** Answers the question; returns the next utterance (the same seq again is the repeat sent on start). */
        JsonNode answer() throws Exception {
            int seq = question.get("seq").asInt();
            socket.send("{\"type\":\"answer\",\"text\":\"" + ANSWER + "\",\"seq\":" + seq + "}");
            JsonNode next = socket.next("utterance");
            while (next.get("seq").asInt() == seq && !next.get("done").asBoolean()) {
                next = socket.next("utterance");
            }
            question = next;
            return next;
        }
    }

    @Test
    void twoReplicasShareLiveViewsTakeoversWebhooksAndTheSweep() throws Exception {
        String db = ServerProcess.freshDatabase(System.getenv().getOrDefault("VIVA_TEST_DB", "viva_test")
                + "_replicas");
        Map<String, String> env = new HashMap<>(FaultSuite.settings());
        env.put("VIVA_INTERVIEW_ABANDON_SWEEP_INTERVAL", "1s");
        try (Receiver hooks = Receiver.alwaysOk();
             ServerProcess a = new ServerProcess("replica-a", "multi-replica", db, env, ServerProcess.TEST_JVM);
             ServerProcess b = new ServerProcess("replica-b", "multi-replica", db, env, ServerProcess.TEST_JVM)) {
            CompletableFuture<Void> startingB = CompletableFuture.runAsync(() -> start(b));
            start(a);
            startingB.join();
            given().header("Authorization", KEY).contentType(ContentType.JSON)
                    .body(Map.of("url", hooks.url(), "eventTypes", List.of("interview.started", "interview.completed",
                            "interview.abandoned", "report.ready")))
                    .post(a.uri("/api/v1/webhooks/endpoints").toString()).then().statusCode(201);

            // an interview whose candidate left long ago: both replicas' sweeps run every second
            Candidate idle = create(b, "Gone Candidate");
            given().header("Authorization", idle.token).post(b.uri("/api/v1/interviews/" + idle.id + "/start")
                    .toString()).then().statusCode(200);
            sql(db, "update interview set last_activity_at = now() - interval '2 hours' where id = '" + idle.id + "'");

            Candidate candidate = create(b, "Roaming Candidate");
            Watcher onA = Watcher.on(a, candidate.id);
            Watcher onB = Watcher.on(b, candidate.id);

            // on A: two answers, watched from both replicas
            candidate.connect(a);
            for (int i = 0; i < 2; i++) {
                answerAndWatch(candidate, onA, onB);
            }
            // to B: A's connection is taken over, and B asks the same question
            TestSocket onReplicaA = candidate.socket;
            JsonNode pending = candidate.question;
            candidate.connect(b);
            assertThat(onReplicaA.closed).as("the connection on A closes when the candidate connects to B")
                    .succeedsWithin(Duration.ofSeconds(30)).isEqualTo(4409);
            assertThat(candidate.question.get("seq").asInt()).isEqualTo(pending.get("seq").asInt());
            answerAndWatch(candidate, onB, onA);
            // back to A: now B's connection is the old one
            TestSocket onReplicaB = candidate.socket;
            candidate.connect(a);
            assertThat(onReplicaB.closed).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(4409);

            // every webhook so far delivered, so that the kill interrupts no delivery (a delivery cut by a kill is
            // sent again under the same webhook-id: at least once, which the fault suite covers)
            await().atMost(Duration.ofSeconds(60)).until(() -> count(db, "select count(*) from webhook_message "
                    + "where status <> 'DELIVERED'") == 0);
            pending = candidate.question;
            a.kill();
            candidate.connect(b);
            assertThat(candidate.question.get("seq").asInt()).as("resumed on B at the same question")
                    .isEqualTo(pending.get("seq").asInt());
            assertThat(candidate.question.get("text").asText()).isEqualTo(pending.get("text").asText());
            while (!candidate.question.get("done").asBoolean()) {
                candidate.answer();
            }
            onB.until(m -> m.get("type").asText().equals("status") && m.get("status").asText().equals("COMPLETED"));

            // no turn lost or duplicated: 1, 2, 3... each answered once, with what the candidate said
            List<String> answers = answers(db, candidate.id);
            assertThat(answers).isNotEmpty().allMatch(ANSWER::equals);
            assertThat(onB.saw("score:2")).as("B's recruiter sees the scores of answers given on A").isTrue();

            // webhooks: everything delivered, each message once although two dispatchers ran
            await().atMost(Duration.ofSeconds(90)).until(() -> count(db, "select count(*) from report_job") == 0
                    && count(db, "select count(*) from webhook_message where status <> 'DELIVERED'") == 0);
            assertThat(count(db, "select count(*) from webhook_message where interview_id = '" + candidate.id
                    + "'")).as("started, completed, report.ready").isEqualTo(3);
            Map<String, Integer> deliveries = new LinkedHashMap<>();
            hooks.requests().forEach(r -> deliveries.merge(r.id(), 1, Integer::sum));
            assertThat(deliveries).hasSize(count(db, "select count(*) from webhook_message"))
                    .allSatisfy((id, n) -> assertThat(n).as("deliveries of %s", id).isEqualTo(1));

            // the sweep: abandoned once, by one of the replicas; it runs every second, so the test waits for it
            // instead of assuming it has run by now (on a loaded machine it had not, once)
            await().atMost(Duration.ofSeconds(90)).until(() -> "ABANDONED".equals(
                    single(db, "select status from interview where id = '" + idle.id + "'")));
            await().atMost(Duration.ofSeconds(90)).until(() -> count(db, "select count(*) from report where "
                    + "interview_id = '" + idle.id + "'") > 0 && count(db, "select count(*) from report_job") == 0);
            assertThat(count(db, "select count(*) from webhook_message where interview_id = '" + idle.id
                    + "' and event_type = 'interview.abandoned'")).isEqualTo(1);
            assertThat(count(db, "select count(*) from report where interview_id = '" + idle.id + "'")).isEqualTo(1);

            printLatency(onA, onB);
        }
    }

    /**
     * Answers the candidate's question on the replica {@code local} watches, then reads both watchers up to what
     * followed (the next question, or the end); the other replica's watcher must have seen every fact the local one
     * saw.
     */
    private static void answerAndWatch(Candidate candidate, Watcher local, Watcher remote) throws Exception {
        int seq = candidate.question.get("seq").asInt();
        JsonNode next = candidate.answer();
        Predicate<JsonNode> upToNext = next.get("done").asBoolean()
                ? m -> m.get("type").asText().equals("status")
                : m -> m.get("type").asText().equals("question") && m.get("seq").asInt() == next.get("seq").asInt();
        local.until(upToNext);
        remote.until(upToNext);
        List<String> facts = local.seen().stream().map(Seen::key)
                .filter(k -> k != null && (k.endsWith(":" + seq) || k.startsWith("question:"))).toList();
        assertThat(facts).allMatch(remote::saw);
    }

    /** How much later the watcher on the other replica saw each event than the one on the candidate's replica. */
    private static void printLatency(Watcher onA, Watcher onB) {
        Map<String, Long> atA = new HashMap<>();
        onA.seen().forEach(s -> {
            if (s.key() != null) {
                atA.putIfAbsent(s.key(), s.at());
            }
        });
        List<Long> delays = new ArrayList<>();
        onB.seen().forEach(s -> {
            Long a = s.key() == null ? null : atA.get(s.key());
            if (a != null) {
                delays.add(Math.abs(s.at() - a) / 1_000_000);
            }
        });
        Collections.sort(delays);
        if (delays.isEmpty()) {
            return;
        }
        System.out.printf("multi-replica: cross-replica delivery of %d live events (question, answer, score, status):"
                        + " p50 %d ms, p95 %d ms, max %d ms (the issue asks p95 <= 1000 ms)%n", delays.size(),
                delays.get(delays.size() / 2), delays.get(Math.min(delays.size() - 1,
                        (int) Math.ceil(0.95 * delays.size()) - 1)), delays.getLast());
    }

    private static void start(ServerProcess replica) {
        try {
            replica.start(Duration.ofSeconds(120));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Candidate create(ServerProcess replica, String name) {
        var created = given().header("Authorization", KEY).contentType(ContentType.JSON)
                .body(Map.of("candidateName", name, "candidateEmail", "roaming@example.com", "role", "tiny-role",
                        "level", "mid"))
                .post(replica.uri("/api/v1/interviews").toString()).then().statusCode(201).extract();
        return new Candidate(created.path("id"), "Bearer " + created.path("candidateToken"));
    }

    private static List<String> answers(String db, String id) throws SQLException {
        List<String> answers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db, "postgres", ""); var st = c.createStatement()) {
            ResultSet rs = st.executeQuery("select seq, answer_text from turn where interview_id = '" + id
                    + "' order by seq");
            int expected = 1;
            while (rs.next()) {
                assertThat(rs.getInt(1)).as("turns numbered without gaps or repeats").isEqualTo(expected++);
                if (rs.getString(2) != null) {
                    answers.add(rs.getString(2));
                }
            }
        }
        return answers;
    }

    private static String single(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db, "postgres", ""); var st = c.createStatement()) {
            ResultSet rs = st.executeQuery(sql);
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static int count(String db, String sql) throws SQLException {
        return Integer.parseInt(single(db, sql));
    }

    private static void sql(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db, "postgres", ""); var st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
