package dev.viva.interview.service;

import dev.viva.TestApi;
import dev.viva.TestApi.Joined;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that change one interview at the same moment, over real HTTP: status changes happen under the interview's
 * row lock, so they are applied one after the other and the losers get a 409 naming the state they lost to.
 */
@QuarkusTest
class LifecycleRaceTest {

    private static Joined started(String name) {
        Joined j = TestApi.join(name, "backend-engineer", "junior");
        given().header("Authorization", j.token()).post("/api/v1/interviews/{id}/start", j.id()).then().statusCode(200);
        return j;
    }

    /** Runs the calls at once (released together by a latch) and returns their responses in order. */
    private static List<ExtractableResponse<Response>> atOnce(List<Callable<ExtractableResponse<Response>>> calls)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
            for (Callable<ExtractableResponse<Response>> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<ExtractableResponse<Response>> out = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ExtractableResponse<Response> cancel(Joined j) {
        return given().header("Authorization", RECRUITER).post("/api/v1/interviews/{id}/cancel", j.id()).then()
                .extract();
    }

    @Test
    void tenSimultaneousCancelsGiveOne200AndNine409s() throws Exception {
        Joined j = started("Ten Cancels");
        List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> cancel(j));
        }
        List<ExtractableResponse<Response>> responses = atOnce(calls);
        assertThat(responses).extracting(ExtractableResponse::statusCode).filteredOn(s -> s == 200).hasSize(1);
        List<ExtractableResponse<Response>> lost = responses.stream().filter(r -> r.statusCode() != 200).toList();
        assertThat(lost).hasSize(9).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("detail")).contains("is CANCELLED").contains("cannot become CANCELLED");
        });
        assertThat(given().header("Authorization", RECRUITER).get("/api/v1/interviews/{id}", j.id()).then()
                .statusCode(200).extract().<String>path("status")).isEqualTo("CANCELLED");
    }

    @Test
    void aCancelRacingAnAnswerAndItsRetryNeverGivesA500AndAlwaysWins() throws Exception {
        for (int round = 0; round < 12; round++) {
            Joined j = started("Racing Cancel " + round);
            List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
            calls.add(() -> given().header("Authorization", j.token()).contentType(ContentType.JSON)
                    .body("{\"text\":\"I build REST services with FastAPI and PostgreSQL, and I care about tests.\","
                            + "\"seq\":1}")
                    .post("/api/v1/interviews/{id}/answers", j.id()).then().extract());
            calls.add(() -> cancel(j));
            calls.add(calls.getFirst()); // the client's retry of the same answer (same seq), at the same moment
            List<ExtractableResponse<Response>> responses = atOnce(calls);
            boolean answered = false;
            for (ExtractableResponse<Response> answer : List.of(responses.get(0), responses.get(2))) {
                assertThat(answer.statusCode()).as(answer.body().asString()).isIn(200, 409);
                if (answer.statusCode() == 409) {
                    assertThat(answer.jsonPath().getString("detail")).contains("CANCELLED");
                }
                answered |= answer.statusCode() == 200;
            }
            assertThat(responses.get(1).statusCode()).as(responses.get(1).body().asString()).isEqualTo(200);
            var view = given().header("Authorization", RECRUITER).get("/api/v1/interviews/{id}", j.id()).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(view.getString("status")).isEqualTo("CANCELLED");
            // an answer that won the race is in the transcript exactly once; one that lost is not there at all
            List<String> answers = given().header("Authorization", RECRUITER)
                    .get("/api/v1/interviews/{id}/transcript", j.id()).then().statusCode(200).extract()
                    .path("turns.findAll { it.answer != null }.answer");
            assertThat(answers).hasSize(answered ? 1 : 0);
        }
    }
}
