package dev.viva.platform.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestApi.Joined;
import dev.viva.TestSocket;
import dev.viva.interview.InputMode;
import dev.viva.interview.QuestionSource;
import dev.viva.interview.service.InterviewService;
import dev.viva.live.LiveEvent;
import dev.viva.live.LiveHub;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.UUID;

import static dev.viva.TestApi.RECRUITER;
import static dev.viva.TestApi.join;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * This application as one replica among several: the test plays another replica by sending NOTIFY payloads on the
 * shared channel, as that replica would, and drops the listening connection to stand for a network cut. (Two real
 * server processes on one database: {@code dev.viva.fault.MultiReplicaTest}.)
 */
@QuarkusTest
class ClusterTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    InterviewService interviews;

    @Inject
    Cluster cluster;

    @Inject
    EntityManager em;

    @Inject
    LiveHub hub;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sends {@code message} on the channel as a replica named "other" would, outside any transaction of the app. */
    private void fromOtherReplica(String topic, String message) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("select 1 from pg_notify('viva_cluster', ?1)")
                .setParameter(1, "{\"r\":\"other\",\"t\":\"" + topic + "\",\"m\":" + message + "}").getSingleResult());
    }

    private UUID running(String name) {
        UUID id = interviews.create(name, "c@example.com", "tiny-role", Level.MID).interview().id;
        interviews.start(id);
        return id;
    }

    private TestSocket watch(UUID id) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(cluster::connected);
        TestSocket watcher = TestSocket.connect(base, "/ws/interviews/" + id + "/live", RECRUITER);
        watcher.next("snapshot");
        return watcher;
    }

    @Test
    void factsFromAnotherReplicaAreReadFromTheTablesAndStaleCaptionsDropped() throws Exception {
        UUID id = running("Remote Facts");
        TestSocket watcher = watch(id);
        // committed "on the other replica": written without this app's events, then announced by reference
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into turn (id, interview_id, seq, phase, difficulty, question_text, "
                            + "question_source, asked_at) values (?1, ?2, 1, 'foundation', 2, 'What is a lock?', "
                            + "'BANK', now())")
                .setParameter(1, UUID.randomUUID()).setParameter(2, id).executeUpdate());
        fromOtherReplica("live", "{\"k\":\"asked\",\"interviewId\":\"" + id + "\",\"seq\":1}");
        JsonNode question = watcher.next("question");
        assertThat(question.get("text").asText()).as("read from the turn, not carried").isEqualTo("What is a lock?");

        fromOtherReplica("live", "{\"k\":\"partial\",\"interviewId\":\"" + id + "\",\"seq\":1,\"text\":\"a lock is\"}");
        assertThat(watcher.next("transcript.partial").get("text").asText()).isEqualTo("a lock is");
        fromOtherReplica("live", "{\"k\":\"state\",\"interviewId\":\"" + id + "\",\"state\":\"thinking\"}");
        assertThat(watcher.next().get("state").asText()).isEqualTo("thinking");

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update turn set answer_text = 'a mutex', "
                + "input_mode = 'VOICE', answered_at = now() where interview_id = ?1 and seq = 1")
                .setParameter(1, id).executeUpdate());
        fromOtherReplica("live", "{\"k\":\"answered\",\"interviewId\":\"" + id + "\",\"seq\":1}");
        assertThat(watcher.next().get("text").asText()).isEqualTo("a mutex");
        // a caption of the answered turn that travelled slower than the answer, then one more fact
        fromOtherReplica("live", "{\"k\":\"partial\",\"interviewId\":\"" + id + "\",\"seq\":1,\"text\":\"a lock\"}");
        fromOtherReplica("live", "{\"k\":\"scored\",\"interviewId\":\"" + id + "\",\"seq\":1,\"score\":71,"
                + "\"relevance\":0.8}");
        JsonNode next = watcher.next();
        assertThat(next.get("type").asText()).as("the stale caption was dropped").isEqualTo("score");
        assertThat(next.get("score").asInt()).isEqualTo(71);
    }

    @Test
    void signalsReachTheOtherReplicasCoalescedAndFactsOnlyOnceCommitted() throws Exception {
        UUID id = running("Heard Elsewhere");
        try (Connection other = DriverManager.getConnection(ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class), "postgres", "")) {
            other.createStatement().execute("LISTEN viva_cluster");
            // three states in a row: the others need only the last one
            for (String state : new String[]{"listening", "thinking", "speaking"}) {
                hub.signal(id, new LiveEvent.TurnState(state));
            }
            hub.signal(id, new LiveEvent.PartialTranscript(1, "x".repeat(5_000)));
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                interviews.askQuestion(id, Phase.FOUNDATION, 2, "Never committed?", QuestionSource.BANK, "found");
                throw new IllegalStateException("rolled back");
            })).hasMessageContaining("rolled back");
            interviews.askQuestion(id, Phase.FOUNDATION, 2, "Committed?", QuestionSource.BANK, "found");

            List<JsonNode> heard = new ArrayList<>();
            PGConnection pg = other.unwrap(PGConnection.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // signals leave at most every signal-interval, facts at their commit: either may come first
            while (!(heard.stream().anyMatch(m -> m.path("k").asText().equals("asked"))
                    && heard.stream().anyMatch(m -> m.path("state").asText().equals("speaking"))
                    && heard.stream().anyMatch(m -> m.path("k").asText().equals("partial")))
                    && System.nanoTime() < deadline) {
                PGNotification[] got = pg.getNotifications(1_000);
                for (PGNotification n : got == null ? new PGNotification[0] : got) {
                    JsonNode envelope = JSON.readTree(n.getParameter());
                    assertThat(envelope.get("r").asText()).isEqualTo(cluster.replica());
                    if (envelope.get("m").path("interviewId").asText().equals(id.toString())) {
                        heard.add(envelope.get("m"));
                    }
                }
            }
            // usually only "speaking" (the three are queued within the rate limit's wait), never out of order
            List<String> states = heard.stream().filter(m -> m.path("k").asText().equals("state"))
                    .map(m -> m.get("state").asText()).toList();
            assertThat(states).endsWith("speaking");
            assertThat(List.of("listening", "thinking", "speaking")).containsSubsequence(states);
            JsonNode partial = heard.stream().filter(m -> m.path("k").asText().equals("partial")).findFirst()
                    .orElseThrow();
            assertThat(partial.get("text").asText()).as("clipped to its end").hasSize(2_000).startsWith("…");
            assertThat(heard.stream().filter(m -> m.path("k").asText().equals("asked"))
                    .map(m -> m.get("seq").asInt())).as("the rolled-back question was never announced")
                    .containsExactly(1);
        }
    }

    @Test
    void thisReplicasOwnNotificationsAreNotDeliveredTwice() throws Exception {
        UUID id = running("Own Echo");
        TestSocket watcher = watch(id);
        var t = interviews.askQuestion(id, Phase.FOUNDATION, 2, "What is a thread?", QuestionSource.BANK, "found");
        interviews.recordAnswer(t.id, new InterviewService.Answer("a path of execution", InputMode.TEXT, null, null,
                null, null));
        // sent after this app's own notifications were committed, so it arrives after them: anything they caused
        // would come first
        fromOtherReplica("live", "{\"k\":\"state\",\"interviewId\":\"" + id + "\",\"state\":\"speaking\"}");
        var types = watcher.until(m -> m.get("type").asText().equals("state")).stream()
                .map(m -> m.get("type").asText()).toList();
        assertThat(types).containsExactly("question", "answer", "state");
    }

    @Test
    void aNewerConnectionOnAnotherReplicaOrACancelThereClosesTheSessionHere() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(cluster::connected);
        Joined a = join("Moved Elsewhere", "tiny-role", "mid");
        TestSocket first = talking(a);
        long generation = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select generation from candidate_session where interview_id = ?1")
                .setParameter(1, UUID.fromString(a.id())).getSingleResult()).longValue());
        fromOtherReplica("session", "{\"k\":\"taken-over\",\"interviewId\":\"" + a.id() + "\",\"generation\":"
                + (generation - 1) + "}");
        fromOtherReplica("session", "{\"k\":\"taken-over\",\"interviewId\":\"" + a.id() + "\",\"generation\":"
                + (generation + 1) + "}");
        assertThat(first.closed).as("an older claim is ignored, a newer one wins")
                .succeedsWithin(Duration.ofSeconds(20)).isEqualTo(4409);

        Joined b = join("Cancelled Elsewhere", "tiny-role", "mid");
        TestSocket second = talking(b);
        fromOtherReplica("session", "{\"k\":\"ended\",\"interviewId\":\"" + b.id()
                + "\",\"reason\":\"the interview was cancelled\"}");
        assertThat(second.closed).succeedsWithin(Duration.ofSeconds(20)).isEqualTo(4410);
        assertThat(second.closeReason).contains("cancelled");
    }

    @Test
    void afterTheListeningConnectionDropsSessionsAndWatchersAreRebuiltFromTheDatabase() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(cluster::connected);
        Joined j = join("Missed While Away", "tiny-role", "mid");
        TestSocket candidate = talking(j);
        UUID id = UUID.fromString(j.id());
        TestSocket watcher = watch(id);
        // what another replica did while this one could not hear it: a question asked, then the interview cancelled
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into turn (id, interview_id, seq, phase, difficulty, question_text, "
                            + "question_source, asked_at) values (?1, ?2, 2, 'foundation', 2, 'Asked elsewhere?', "
                            + "'BANK', now())")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, id).executeUpdate();
            em.createNativeQuery("update interview set status = 'CANCELLED', ended_at = now(), "
                    + "end_reason = 'CANCELLED' where id = ?1").setParameter(1, id).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("select pg_terminate_backend(pid) "
                + "from pg_stat_activity where datname = current_database() "
                + "and application_name = ?1").setParameter(1, "viva-cluster-listener " + cluster.replica())
                .getResultList());

        JsonNode snapshot = watcher.next("snapshot");
        assertThat(snapshot.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(snapshot.get("turns").findValuesAsText("question")).contains("Asked elsewhere?");
        assertThat(candidate.closed).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(4410);
        await().atMost(Duration.ofSeconds(30)).until(cluster::connected);
    }

    /** A candidate connected in text mode and asked the first question. */
    private TestSocket talking(Joined j) throws Exception {
        TestSocket socket = TestSocket.connect(base, "/ws/interviews/" + j.id(), j.token());
        socket.send("{\"type\":\"start\",\"speech\":false}");
        socket.next("utterance");
        given().header("Authorization", RECRUITER).get("/api/v1/interviews/{id}", j.id()).then().statusCode(200);
        return socket;
    }
}
