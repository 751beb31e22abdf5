package dev.viva.webhook.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.viva.interview.EndReason;
import dev.viva.interview.InterviewEvent;
import dev.viva.interview.StoredReport;
import dev.viva.interview.service.InterviewService;
import dev.viva.webhook.EventType;
import dev.viva.webhook.Receiver;
import dev.viva.webhook.WebhookAttempt;
import dev.viva.webhook.WebhookEndpoint;
import dev.viva.webhook.WebhookFixtures;
import dev.viva.webhook.WebhookMessage;
import dev.viva.webhook.service.EndpointService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** End-to-end delivery to real HTTP receivers on loopback, on the fast retry schedule of the test profile. */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    WebhookFixtures fixtures;
    @Inject
    EndpointService endpoints;
    @Inject
    InterviewService interviews;
    @Inject
    Event<InterviewEvent> events;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @AfterEach
    void cleanUp() {
        fixtures.deleteAllEndpoints();
    }

    @Test
    void interviewEventsAreDeliveredSignedToEachSubscriber() throws Exception {
        try (Receiver all = Receiver.alwaysOk(); Receiver completedOnly = Receiver.alwaysOk()) {
            var a = fixtures.subscribe(all, EventType.INTERVIEW_STARTED, EventType.INTERVIEW_COMPLETED);
            var b = fixtures.subscribe(completedOnly, EventType.INTERVIEW_COMPLETED);
            UUID id = fixtures.newInterview();
            interviews.start(id);
            interviews.complete(id, EndReason.PLAN_COMPLETE);

            await().atMost(WAIT).until(() -> all.requests().size() == 2 && completedOnly.requests().size() == 1);
            for (Receiver.Request r : all.requests()) {
                WebhookFixtures.verify(a.secret(), r);
            }
            Receiver.Request completed = completedOnly.requests().getFirst();
            WebhookFixtures.verify(b.secret(), completed);
            assertThatThrownBy(() -> WebhookFixtures.verify(a.secret(), completed))
                    .isInstanceOf(WebhookVerificationException.class);

            JsonNode body = json.readTree(completed.body());
            assertThat(body.get("type").asText()).isEqualTo("interview.completed");
            assertThat(Instant.parse(body.get("timestamp").asText())).isCloseTo(Instant.now(), within(60));
            assertThat(body.at("/data/interviewId").asText()).isEqualTo(id.toString());
            assertThat(body.at("/data/status").asText()).isEqualTo("COMPLETED");
            assertThat(body.at("/data/endReason").asText()).isEqualTo("PLAN_COMPLETE");
            assertThat(body.at("/data/candidateEmail").asText()).isEqualTo("ada@example.com");
            assertThat(completed.headers().getFirst("Content-Type")).isEqualTo("application/json");
            assertThat(Long.parseLong(completed.headers().getFirst("webhook-timestamp")))
                    .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));

            List<String> types = all.requests().stream().map(r -> type(r.body())).toList();
            assertThat(types).containsExactlyInAnyOrder("interview.started", "interview.completed");
            await().atMost(WAIT).until(() -> fixtures.messagesOf(b.endpoint().id).getFirst().status
                    == WebhookMessage.Status.DELIVERED);
            WebhookMessage m = fixtures.messagesOf(b.endpoint().id).getFirst();
            assertThat(m.id).isEqualTo(completed.id()).startsWith("msg_");
            assertThat(m.interviewId).isEqualTo(id);
            assertThat(m.attempts).isEqualTo(1);
            WebhookAttempt log = fixtures.attemptsOf(m.id).getFirst();
            assertThat(log.statusCode).isEqualTo(200);
            assertThat(log.succeeded).isTrue();
            assertThat(log.responseBody).isEqualTo("ok");
            assertThat(log.latencyMs).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void theOutboxRowCommitsOrRollsBackWithTheEvent() {
        try (Receiver receiver = Receiver.alwaysOk()) {
            var e = fixtures.subscribe(receiver, EventType.INTERVIEW_COMPLETED);
            UUID id = fixtures.newInterview();
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                events.fire(new InterviewEvent.Completed(id, Instant.now()));
                throw new IllegalStateException("the interview change failed after the event");
            })).hasMessageContaining("failed after the event");
            assertThat(fixtures.messagesOf(e.endpoint().id)).isEmpty();

            QuarkusTransaction.requiringNew().run(() -> {
                events.fire(new InterviewEvent.Completed(id, Instant.now()));
                // visible inside the transaction that fired the event, before it commits
                assertThat(em.createQuery("select count(m) from WebhookMessage m where m.interviewId = :i", Long.class)
                        .setParameter("i", id).getSingleResult()).isEqualTo(1L);
            });
            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            // events that are not webhook events leave the outbox alone
            interviews.start(id);
            assertThat(fixtures.messagesOf(e.endpoint().id)).hasSize(1);
        }
    }

    @Test
    void reportReadyCarriesTheReportOrALinkWhenItIsLarge() throws Exception {
        try (Receiver receiver = Receiver.alwaysOk()) {
            fixtures.subscribe(receiver, EventType.REPORT_READY);
            UUID small = fixtures.newInterview();
            UUID large = fixtures.newInterview();
            storeReportAndAnnounce(small, "{\"overall\": {\"score\": 71}, \"notes\": \"concise\"}");
            storeReportAndAnnounce(large, "{\"notes\": \"" + "x".repeat(5000) + "\"}");

            await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
            JsonNode inline = receiver.requests().stream().map(r -> tree(r.body()))
                    .filter(n -> n.at("/data/interviewId").asText().equals(small.toString())).findFirst().orElseThrow();
            assertThat(inline.get("type").asText()).isEqualTo("report.ready");
            assertThat(inline.at("/data/report/overall/score").asInt()).isEqualTo(71);
            assertThat(inline.at("/data/schemaVersion").asInt()).isEqualTo(3);

            JsonNode linked = receiver.requests().stream().map(r -> tree(r.body()))
                    .filter(n -> n.at("/data/interviewId").asText().equals(large.toString())).findFirst().orElseThrow();
            assertThat(linked.at("/data/report").isMissingNode()).isTrue();
            assertThat(linked.at("/data/reportUrl").asText())
                    .isEqualTo("https://viva.example.test/api/v1/interviews/" + large + "/report");
            assertThat(linked.at("/data/reportBytes").asInt()).isGreaterThan(4096);
        }
    }

    @Test
    void anIntermittentReceiverGetsEveryMessageOnceItAnswers2xx() {
        // each message fails twice, then succeeds
        try (Receiver receiver = Receiver.start(r -> Receiver.Answer.status(500))) {
            receiver.answer(r -> receiver.timesReceived(r.id()) <= 2 ? Receiver.Answer.status(500) : Receiver.Answer.ok());
            var e = fixtures.subscribe(receiver, EventType.PING);
            List<String> ids = java.util.stream.IntStream.range(0, 8).mapToObj(i -> endpoints.ping(e.endpoint().id).id).toList();

            await().atMost(WAIT).until(() -> fixtures.messagesOf(e.endpoint().id).stream()
                    .allMatch(m -> m.status == WebhookMessage.Status.DELIVERED));
            for (String id : ids) {
                assertThat(receiver.timesReceived(id)).as("deliveries of %s", id).isEqualTo(3);
                WebhookMessage m = fixtures.message(id);
                assertThat(m.attempts).isEqualTo(3);
                List<WebhookAttempt> log = fixtures.attemptsOf(id);
                assertThat(log).extracting(a -> a.statusCode).containsExactly(500, 500, 200);
                assertThat(log.get(0).nextAttemptAt).isAfter(log.get(0).startedAt);
                assertThat(log.get(2).nextAttemptAt).isNull();
            }
            assertThat(fixtures.endpoint(e.endpoint().id).failingSince).isNull();
        }
    }

    @Test
    void aReceiverSlowerThanTheTimeoutIsRetriedWithTheSameWebhookId() {
        AtomicInteger calls = new AtomicInteger();
        try (Receiver receiver = Receiver.start(r -> calls.incrementAndGet() == 1
                ? new Receiver.Answer(200, Map.of(), "too late", 3000) : Receiver.Answer.ok())) {
            var e = fixtures.subscribe(receiver, EventType.PING);
            String id = endpoints.ping(e.endpoint().id).id;

            await().atMost(WAIT).until(() -> fixtures.message(id).status == WebhookMessage.Status.DELIVERED);
            List<WebhookAttempt> log = fixtures.attemptsOf(id);
            assertThat(log).hasSize(2);
            assertThat(log.get(0).succeeded).isFalse();
            assertThat(log.get(0).error).contains("timed out");
            assertThat(log.get(0).latencyMs).isBetween(1400, 2500);
            assertThat(log.get(1).statusCode).isEqualTo(200);
            // the slow attempt reached the receiver too: same id both times, so the receiver can deduplicate
            assertThat(receiver.requests()).extracting(Receiver.Request::id).containsExactly(id, id);
        }
    }

    @Test
    void goneDisablesTheEndpointAndKeepsItsMessagesUntilItIsEnabledAgain() {
        try (Receiver receiver = Receiver.start(r -> Receiver.Answer.status(410))) {
            var e = fixtures.subscribe(receiver, EventType.PING);
            UUID endpointId = e.endpoint().id;
            String id = endpoints.ping(endpointId).id;

            await().atMost(WAIT).until(() -> !fixtures.endpoint(endpointId).enabled);
            WebhookEndpoint disabled = fixtures.endpoint(endpointId);
            assertThat(disabled.disabledReason).contains("410 Gone").contains(id);
            given().header("Authorization", RECRUITER).when().get("/api/v1/webhooks/endpoints/" + endpointId)
                    .then().statusCode(200).body("enabled", equalTo(false))
                    .body("disabledReason", org.hamcrest.Matchers.containsString("410 Gone"));
            assertThat(fixtures.message(id).status).isEqualTo(WebhookMessage.Status.PENDING);
            sleep(800);
            assertThat(receiver.requests()).hasSize(1);

            receiver.answer(r -> Receiver.Answer.ok());
            endpoints.enable(endpointId);
            await().atMost(WAIT).until(() -> fixtures.message(id).status == WebhookMessage.Status.DELIVERED);
            assertThat(receiver.timesReceived(id)).isEqualTo(2);
        }
    }

    @Test
    void retryAfterOn429IsHonoured() {
        try (Receiver receiver = Receiver.start(r -> Receiver.Answer.ok())) {
            receiver.answer(r -> receiver.timesReceived(r.id()) == 1
                    ? new Receiver.Answer(429, Map.of("Retry-After", "2"), "slow down", 0) : Receiver.Answer.ok());
            var e = fixtures.subscribe(receiver, EventType.PING);
            String id = endpoints.ping(e.endpoint().id).id;

            await().atMost(WAIT).until(() -> fixtures.message(id).status == WebhookMessage.Status.DELIVERED);
            List<Receiver.Request> requests = receiver.requests();
            assertThat(requests).hasSize(2);
            long gapMs = (requests.get(1).nanoTime() - requests.get(0).nanoTime()) / 1_000_000;
            // the schedule alone would retry after about 200 ms
            assertThat(gapMs).isGreaterThanOrEqualTo(1900);
            assertThat(fixtures.attemptsOf(id).getFirst().statusCode).isEqualTo(429);
        }
    }

    @Test
    void anExhaustedMessageFailsAndCanBeRedeliveredOrReplayed() {
        try (Receiver receiver = Receiver.start(r -> Receiver.Answer.status(500))) {
            var e = fixtures.subscribe(receiver, EventType.PING);
            UUID endpointId = e.endpoint().id;
            Instant before = Instant.now().minusSeconds(1);
            String id = endpoints.ping(endpointId).id;

            await().atMost(WAIT).until(() -> fixtures.message(id).status == WebhookMessage.Status.FAILED);
            // the test schedule has 4 retries: 5 attempts in all, then nothing more
            sleep(700);
            assertThat(receiver.timesReceived(id)).isEqualTo(5);
            assertThat(fixtures.message(id).nextAttemptAt).isNull();
            assertThat(fixtures.endpoint(endpointId).failingSince).isNotNull();

            receiver.answer(r -> Receiver.Answer.ok());
            given().header("Authorization", RECRUITER).when().post("/api/v1/webhooks/messages/" + id + "/redeliver")
                    .then().statusCode(202).body("status", equalTo("PENDING"));
            await().atMost(WAIT).until(() -> fixtures.message(id).status == WebhookMessage.Status.DELIVERED);
            assertThat(receiver.timesReceived(id)).isEqualTo(6);
            assertThat(fixtures.endpoint(endpointId).failingSince).isNull();

            given().header("Authorization", RECRUITER).contentType("application/json")
                    .body(Map.of("since", before.toString()))
                    .when().post("/api/v1/webhooks/endpoints/" + endpointId + "/replay")
                    .then().statusCode(202).body("requeued", equalTo(1));
            await().atMost(WAIT).until(() -> receiver.timesReceived(id) == 7);
            given().header("Authorization", RECRUITER).when().get("/api/v1/webhooks/messages/" + id)
                    .then().statusCode(200).body("attempts", hasSize(7)).body("message.attempts", equalTo(7))
                    .body("attempts[0].statusCode", equalTo(200));
        }
    }

    @Test
    void anEndpointFailingForDaysIsDisabledWithTheReason() {
        try (Receiver receiver = Receiver.start(r -> Receiver.Answer.status(502))) {
            var e = fixtures.subscribe(receiver, EventType.PING);
            UUID endpointId = e.endpoint().id;
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update webhook_endpoint set failing_since = now() - interval '6 days' where id = ?1")
                    .setParameter(1, endpointId).executeUpdate());
            endpoints.ping(endpointId);

            await().atMost(WAIT).until(() -> !fixtures.endpoint(endpointId).enabled);
            assertThat(fixtures.endpoint(endpointId).disabledReason)
                    .startsWith("no delivery has succeeded since").contains("HTTP 502");
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void privateTargetsAreRefusedAgainAtDeliveryTime() {
        try (Receiver receiver = Receiver.alwaysOk()) {
            var e = fixtures.subscribe(receiver, EventType.PING);
            UUID endpointId = e.endpoint().id;
            // an endpoint saved when its address was acceptable, now pointing somewhere internal
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update webhook_endpoint set url = 'http://10.0.0.1:" + 9 + "/hook' where id = ?1")
                    .setParameter(1, endpointId).executeUpdate());
            String id = endpoints.ping(endpointId).id;

            await().atMost(WAIT).until(() -> !fixtures.attemptsOf(id).isEmpty());
            WebhookAttempt attempt = fixtures.attemptsOf(id).getFirst();
            assertThat(attempt.error).startsWith("refused: '10.0.0.1' resolves to 10.0.0.1, a private");
            assertThat(attempt.statusCode).isNull();
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void duringASecretRotationBothSecretsSignThenOnlyTheNewOne() throws Exception {
        try (Receiver receiver = Receiver.alwaysOk()) {
            var e = fixtures.subscribe(receiver, EventType.PING);
            UUID endpointId = e.endpoint().id;
            String old = e.secret();
            String fresh = endpoints.rotateSecret(endpointId, Duration.ofHours(1)).secret();
            endpoints.ping(endpointId);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            Receiver.Request overlapping = receiver.requests().getFirst();
            assertThat(overlapping.headers().getFirst("webhook-signature").split(" ")).hasSize(2);
            WebhookFixtures.verify(old, overlapping);
            WebhookFixtures.verify(fresh, overlapping);

            String newest = endpoints.rotateSecret(endpointId, Duration.ZERO).secret();
            endpoints.ping(endpointId);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
            Receiver.Request after = receiver.requests().get(1);
            WebhookFixtures.verify(newest, after);
            assertThatThrownBy(() -> WebhookFixtures.verify(fresh, after)).isInstanceOf(WebhookVerificationException.class);
        }
    }

    @Test
    void pingOnDemandAndTheDeliveryLogOverRest() {
        String big = "y".repeat(5000);
        try (Receiver receiver = Receiver.start(r -> new Receiver.Answer(202, Map.of(), big, 0))) {
            var e = fixtures.subscribe(receiver, EventType.REPORT_READY);
            String base = "/api/v1/webhooks/endpoints/" + e.endpoint().id;
            String id = given().header("Authorization", RECRUITER).when().post(base + "/ping")
                    .then().statusCode(202).body("eventType", equalTo("ping")).extract().path("id");
            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            assertThat(type(receiver.requests().getFirst().body())).isEqualTo("ping");
            await().atMost(WAIT).until(() -> fixtures.message(id).status == WebhookMessage.Status.DELIVERED);

            given().header("Authorization", RECRUITER).when().get(base + "/messages?status=delivered")
                    .then().statusCode(200).body("id", equalTo(List.of(id))).body("[0].lastStatusCode", equalTo(202));
            given().header("Authorization", RECRUITER).when().get(base + "/attempts")
                    .then().statusCode(200).body("$", hasSize(1)).body("[0].messageId", equalTo(id))
                    .body("[0].succeeded", equalTo(true))
                    .body("[0].responseBody.length()", equalTo(2048));
        }
    }

    private void storeReportAndAnnounce(UUID interviewId, String body) {
        QuarkusTransaction.requiringNew().run(() -> {
            StoredReport r = new StoredReport();
            r.interviewId = interviewId;
            r.schemaVersion = 3;
            r.body = body;
            r.generatedAt = Instant.now();
            r.persist();
            em.flush();
            events.fire(new InterviewEvent.ReportReady(interviewId, r.generatedAt));
        });
    }

    private String type(String body) {
        return tree(body).get("type").asText();
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(seconds, ChronoUnit.SECONDS);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
