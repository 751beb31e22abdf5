package dev.viva.interview.service;

import dev.viva.assessment.ReportFixtures;
import dev.viva.role.Level;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Retention with a real database: a finished interview older than the period is erased with its turns, report and
 * webhook delivery log, and the erasure audited as the retention job; a recent one and a running one stay; the dry
 * run lists what would go and when, and erases nothing; a second replica running at the same moment skips.
 */
@QuarkusTest
@TestProfile(RetentionTest.ThirtyDays.class)
class RetentionTest {

    public static class ThirtyDays implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("viva.retention.finished-interviews", "P30D");
        }
    }

    @Inject
    Retention retention;
    @Inject
    ReportFixtures reports;
    @Inject
    InterviewService interviews;
    @Inject
    EntityManager em;

    @Test
    void oldFinishedInterviewsAreErasedWithEverythingAndAudited() {
        UUID old = reports.completedWithReport("Old Oliver", 2);
        UUID recent = reports.completedWithReport("Recent Rita", 2);
        UUID running = interviews.create("Running Ravi", "ravi@example.com", "backend-engineer", Level.MID).interview().id;
        interviews.start(running);
        finishedDaysAgo(old, 31);
        finishedDaysAgo(recent, 29);
        // a delivery log entry of the old interview
        QuarkusTransaction.requiringNew().run(() -> {
            UUID endpoint = UUID.randomUUID();
            em.createNativeQuery("insert into webhook_endpoint (id, url, event_types, secret_enc, enabled, "
                    + "created_at, updated_at) values (?1, 'http://127.0.0.1:9/x', '{report.ready}', 'x', false, now(), now())")
                    .setParameter(1, endpoint).executeUpdate();
            em.createNativeQuery("insert into webhook_message (id, endpoint_id, event_type, interview_id, payload, status, "
                    + "created_at, next_attempt_at) values ('msg_retention', ?1, 'report.ready', ?2, '{}', 'FAILED', now(), now())")
                    .setParameter(1, endpoint).setParameter(2, old).executeUpdate();
        });

        // the dry run: what goes now, what later and when; nothing is erased by asking
        given().header("Authorization", RECRUITER).get("/api/v1/retention").then().statusCode(200)
                .body("period", equalTo("PT720H"))
                .body("periodText", equalTo("30 days"))
                .body("dueNow", equalTo(1))
                .body("interviews.find { it.interviewId == '" + old + "' }.due", equalTo(true))
                .body("interviews.find { it.interviewId == '" + recent + "' }.due", equalTo(false))
                .body("interviews.interviewId", not(hasItem(running.toString())));
        var recentEntry = retention.plan(Instant.now(), 100).stream().filter(p -> p.interviewId().equals(recent))
                .findFirst().orElseThrow();
        assertThat(recentEntry.eraseAt()).isEqualTo(recentEntry.finishedAt().plus(30, ChronoUnit.DAYS));
        assertThat(count("interview", old)).isEqualTo(1);
        given().header("Authorization", RECRUITER).get("/api/v1/retention").then().body("dueNow", equalTo(1));

        OptionalInt erased = retention.eraseDue(Instant.now());
        assertThat(erased).hasValue(1);
        assertThat(count("interview", old)).isZero();
        assertThat(count("turn", old)).isZero();
        assertThat(count("report", old)).isZero();
        assertThat(count("webhook_message", old)).isZero();
        assertThat(count("interview", recent)).isEqualTo(1);
        assertThat(count("report", recent)).isEqualTo(1);
        assertThat(count("interview", running)).isEqualTo(1);
        given().header("Authorization", RECRUITER).get("/api/v1/interviews/" + old).then().statusCode(404);

        String audit = given().header("Authorization", RECRUITER).queryParam("targetType", "interview")
                .queryParam("targetId", old.toString()).get("/api/v1/audit").then().statusCode(200)
                .body("[0].action", equalTo("interview.erased"))
                .body("[0].actor.kind", equalTo("system"))
                .body("[0].actor.id", equalTo("retention"))
                .body("[0].details.status", equalTo("COMPLETED"))
                .body("[0].reason", containsString("retention period"))
                .extract().asString();
        // the entry must not keep what was erased
        assertThat(audit).doesNotContain("Old Oliver");

        // nothing more is due
        assertThat(retention.eraseDue(Instant.now())).hasValue(0);
    }

    @Test
    void whileAnotherReplicaErasesThisOneSkips() throws Exception {
        UUID old = reports.completedWithReport("Locked Lou", 1);
        finishedDaysAgo(old, 40);
        // another replica holds the erase lock in its open transaction
        var held = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        Thread other = Thread.ofPlatform().start(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, Retention.ERASE_LOCK)
                    .getSingleResult();
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        held.await();
        try {
            assertThat(retention.eraseDue(Instant.now())).isEmpty();
            assertThat(count("interview", old)).isEqualTo(1);
        } finally {
            release.countDown();
            other.join();
        }
        assertThat(retention.eraseDue(Instant.now()).orElse(0)).isPositive();
        assertThat(count("interview", old)).isZero();
    }

    private void finishedDaysAgo(UUID id, int days) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update interview set ended_at = now() - make_interval(days => ?2) where id = ?1")
                .setParameter(1, id).setParameter(2, days).executeUpdate());
    }

    private long count(String table, UUID interviewId) {
        String column = table.equals("interview") ? "id" : "interview_id";
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + table + " where " + column + " = ?1").setParameter(1, interviewId)
                .getSingleResult()).longValue());
    }
}
