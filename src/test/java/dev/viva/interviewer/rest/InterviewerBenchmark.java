package dev.viva.interviewer.rest;

import dev.viva.interviewer.SimulatedCandidate;
import dev.viva.interviewer.service.TestInterviewerClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Time from a submitted answer to the next utterance in text mode (HTTP round trip on loopback, including the
 * database commit), over whole simulated interviews with the offline generator. Not part of the normal test run:
 * {@code ./mvnw test -Dtest=InterviewerBenchmark -Dviva.bench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "viva.bench", matches = "true")
class InterviewerBenchmark {

    @Test
    void answerToNextUtterance() {
        TextInterviewResourceTest helper = new TextInterviewResourceTest();
        // warm-up: one interview whose timings are thrown away
        run(helper, "Warm Up", SimulatedCandidate.AVERAGE, new ArrayList<>());
        List<Long> micros = new ArrayList<>();
        int interviews = 0;
        for (int round = 0; round < 2; round++) {
            for (SimulatedCandidate c : List.of(SimulatedCandidate.STRONG, SimulatedCandidate.AVERAGE,
                    SimulatedCandidate.WEAK, SimulatedCandidate.OFF_TOPIC)) {
                run(helper, "Bench " + c + " " + round, c, micros);
                interviews++;
            }
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("%nINTERVIEWER BENCHMARK: %d answers over %d simulated interviews (offline generator)%n",
                sorted.size(), interviews);
        System.out.printf("answer -> next utterance: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n%n",
                pct(sorted, 50) / 1000.0, pct(sorted, 95) / 1000.0, sorted.getLast() / 1000.0);
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void run(TextInterviewResourceTest helper, String name, SimulatedCandidate candidate,
                            List<Long> micros) {
        TextInterviewResourceTest.Created c = TextInterviewResourceTest.create(name, "mid");
        JsonPath u = TextInterviewResourceTest.start(c);
        int turn = 0;
        while (!u.getBoolean("done")) {
            String text = candidate.answer(helper.openQuestion(c.id()), ++turn);
            TestInterviewerClock.CLOCK.advance(candidate.answerTime());
            long t0 = System.nanoTime();
            u = given().header("Authorization", c.token()).contentType(ContentType.JSON).body(Map.of("text", text))
                    .when().post("/api/v1/interviews/{id}/answers", c.id()).then().statusCode(200).extract().jsonPath();
            micros.add((System.nanoTime() - t0) / 1000);
        }
    }
}
