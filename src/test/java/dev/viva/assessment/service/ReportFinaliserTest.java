package dev.viva.assessment.service;

import dev.viva.TestApi;
import dev.viva.TestApi.Joined;
import dev.viva.interview.service.ReportJobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Report finalisation as durable work: an interview that ended but whose report was never produced (the process died
 * between the two) gets exactly one report and one report.ready when the worker runs, however many workers run.
 */
@QuarkusTest
class ReportFinaliserTest {

    @Inject
    ReportFinaliser finaliser;

    @Inject
    EntityManager em;

    @Inject
    ReportJobs jobs;

    UUID endpoint;

    @BeforeEach
    void subscribe() {
        // an endpoint subscribed to report.ready, so each announcement is a row in its outbox (delivery may fail)
        endpoint = UUID.fromString(given().header("Authorization", RECRUITER).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/reports\",\"eventTypes\":[\"report.ready\"]}")
                .post("/api/v1/webhooks/endpoints").then().statusCode(201).extract().<String>path("id"));
    }

    /**
     * An interview with one answer, then COMPLETED with its report owed, as the transaction that ends an interview
     * leaves it, but with the job not yet due: the state a kill -9 right after the answer's commit leaves behind.
     */
    private UUID endedWithoutReport(String name) {
        Joined j = TestApi.join(name, "backend-engineer", "junior");
        given().header("Authorization", j.token()).post("/api/v1/interviews/{id}/start", j.id()).then().statusCode(200);
        given().header("Authorization", j.token()).contentType(ContentType.JSON)
                .body("{\"text\":\"I build REST services in Python with FastAPI and PostgreSQL, with tests.\",\"seq\":1}")
                .post("/api/v1/interviews/{id}/answers", j.id()).then().statusCode(200);
        UUID id = UUID.fromString(j.id());
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update interview set status = 'COMPLETED', ended_at = now(), end_reason = 'PLAN_COMPLETE' "
                    + "where id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("insert into report_job (interview_id, requested_at, next_attempt) "
                    + "values (?1, now(), now() + interval '1 hour')").setParameter(1, id).executeUpdate();
        });
        return id;
    }

    private void due(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update report_job set next_attempt = now() where interview_id = ?1").setParameter(1, id).executeUpdate());
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, id)
                .getSingleResult()).longValue());
    }

    /** report.ready messages for the interview in this test's endpoint's outbox. */
    private long announcements(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from webhook_message where interview_id = ?1 and endpoint_id = ?2 "
                                + "and event_type = 'report.ready'")
                .setParameter(1, id).setParameter(2, endpoint).getSingleResult()).longValue());
    }

    private long jobs(UUID id) {
        return count("select count(*) from report_job where interview_id = ?1", id);
    }

    /** Runs the worker, then waits for a worker (this one, or one started by a commit elsewhere) to finish the job. */
    private void finalised(UUID id) {
        finaliser.drain();
        await().atMost(Duration.ofSeconds(60)).until(() -> jobs(id) == 0);
    }

    @Test
    void anInterruptedFinalisationIsCompletedByTheWorkerExactlyOnce() {
        UUID id = endedWithoutReport("Interrupted Report");
        given().header("Authorization", RECRUITER).get("/api/v1/interviews/{id}/report", id).then().statusCode(409);
        assertThat(announcements(id)).isZero();

        due(id);
        finalised(id);
        given().header("Authorization", RECRUITER).get("/api/v1/interviews/{id}/report", id).then().statusCode(200)
                .body("candidate.name", org.hamcrest.Matchers.equalTo("Interrupted Report"));
        assertThat(jobs(id)).as("the job is gone with the report's commit").isZero();
        assertThat(announcements(id)).isEqualTo(1);

        finaliser.drain();
        assertThat(announcements(id)).as("a second run produces nothing again").isEqualTo(1);
    }

    @Test
    void workersRunningAtOnceProduceEachReportOnce() throws Exception {
        List<UUID> ids = List.of(endedWithoutReport("Parallel One"), endedWithoutReport("Parallel Two"),
                endedWithoutReport("Parallel Three"));
        ids.forEach(this::due);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return finaliser.drain();
                }));
            }
            go.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (UUID id : ids) {
            await().atMost(Duration.ofSeconds(60)).until(() -> jobs(id) == 0);
            assertThat(announcements(id)).isEqualTo(1);
            assertThat(jobs(id)).isZero();
            assertThat(count("select count(*) from report where interview_id = ?1", id)).isEqualTo(1);
        }
    }

    @Test
    void twoClaimersAtOnceNeverGetTheSameJob() throws Exception {
        List<UUID> ids = List.of(endedWithoutReport("Claimed Once One"), endedWithoutReport("Claimed Once Two"));
        ids.forEach(this::due);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // one replica's claim, its transaction still open (the row locked, the lease not yet committed)
        var first = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
            var claim = jobs.claim(Duration.ofMinutes(5));
            held.countDown();
            release.await(60, TimeUnit.SECONDS);
            return claim;
        }));
        held.await(60, TimeUnit.SECONDS);
        var second = QuarkusTransaction.requiringNew().call(() -> jobs.claim(Duration.ofMinutes(5)));
        release.countDown();
        var firstClaim = first.get(60, TimeUnit.SECONDS);
        // the background worker may have taken some of the due jobs too; what matters is that none is taken twice
        assertThat(firstClaim.isPresent() || second.isPresent()).isTrue();
        if (firstClaim.isPresent() && second.isPresent()) {
            assertThat(second.get().interviewId()).isNotEqualTo(firstClaim.get().interviewId());
        }
        // once the lease is committed, a later claimer does not get the job either
        var third = QuarkusTransaction.requiringNew().call(() -> jobs.claim(Duration.ofMinutes(5)));
        third.ifPresent(c -> assertThat(c.interviewId()).isNotIn(
                firstClaim.map(ReportJobs.Claim::interviewId).orElse(null),
                second.map(ReportJobs.Claim::interviewId).orElse(null)));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_job set leased_until = null "
                + "where interview_id = any(?1)").setParameter(1, ids.toArray(UUID[]::new)).executeUpdate());
        ids.forEach(this::finalised);
    }

    @Test
    void aFailingJobIsKeptForLaterNotLostAndNotRetriedInALoop() {
        UUID id = endedWithoutReport("Role Gone");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update interview set role_id = 'uninstalled-role' where id = ?1").setParameter(1, id).executeUpdate());
        due(id);
        finaliser.drain();
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from report_job where interview_id = ?1 and last_error is not null", id) == 1);
        var row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select attempts, last_error, next_attempt > now() from report_job where interview_id = ?1")
                .setParameter(1, id).getSingleResult());
        assertThat(((Number) row[0]).intValue()).isEqualTo(1);
        assertThat((String) row[1]).contains("uninstalled-role");
        assertThat((Boolean) row[2]).as("backed off").isTrue();
        assertThat(announcements(id)).isZero();
    }

    @Test
    void anInterviewThatCompletesNormallyHasItsJobRecordedAndDone() {
        Joined j = TestApi.join("Normal Completion", "backend-engineer", "junior");
        given().header("Authorization", j.token()).post("/api/v1/interviews/{id}/start", j.id()).then().statusCode(200);
        UUID id = UUID.fromString(j.id());
        // ended by the lifecycle itself: the job is written in that transaction
        QuarkusTransaction.requiringNew().run(() -> {
            var service = io.quarkus.arc.Arc.container().instance(dev.viva.interview.service.InterviewService.class).get();
            service.abandon(id, "test");
        });
        finalised(id);
        given().header("Authorization", RECRUITER).get("/api/v1/interviews/{id}/report", id).then().statusCode(200);
        assertThat(jobs(id)).isZero();
        assertThat(announcements(id)).isEqualTo(1);
    }
}
