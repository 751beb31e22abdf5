package dev.viva.interviewer.rest;

import dev.viva.assessment.DevSet;
import dev.viva.interviewer.AskedQuestion;
import dev.viva.interviewer.SimulatedCandidate;
import dev.viva.interviewer.service.TestInterviewerClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.viva.TestApi.RECRUITER;
import static dev.viva.TestApi.candidate;
import static dev.viva.TestApi.createInterview;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Whole candidates of one quality band taken through real text interviews (HTTP, the interviewer's adaptive plan, the
 * report built when the interview completes): where the development set (src/test/resources/devset) has an answer of
 * the band to the bank question asked, that answer is given; otherwise, and for follow-ups, the simulated candidate's
 * answer of the band, as told to the real assessment ({@link SimulatedCandidate#told}). Prints each interview's overall score and recommendation. Not part of the normal run:
 * {@code ./mvnw -B test -Pbench -Dtest=CandidateBandsBenchmark -Dviva.bench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "viva.bench", matches = "true")
class CandidateBandsBenchmark {

    @Test
    void bands() throws IOException {
        Map<String, List<DevSet>> devset = devset();
        TextInterviewResourceTest helper = new TextInterviewResourceTest();
        System.out.printf(Locale.ROOT, "%nCANDIDATE BANDS THROUGH TEXT INTERVIEWS (mid level, offline interviewer)%n");
        for (String role : List.of("backend-engineer", "frontend-engineer", "ml-engineer", "site-reliability-engineer")) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-26s", role));
            for (SimulatedCandidate band : List.of(SimulatedCandidate.STRONG, SimulatedCandidate.AVERAGE,
                    SimulatedCandidate.WEAK)) {
                JsonPath body = createInterview(candidate("Band " + band + " " + role, role, "mid")).statusCode(201)
                        .extract().jsonPath();
                var c = new TextInterviewResourceTest.Created(UUID.fromString(body.getString("id")),
                        "Bearer " + body.getString("candidateToken"));
                JsonPath u = TextInterviewResourceTest.start(c);
                int turn = 0;
                int fromDevset = 0;
                while (!u.getBoolean("done")) {
                    AskedQuestion q = helper.openQuestion(c.id());
                    String text = null;
                    if (q.kind() == dev.viva.interviewer.UtteranceKind.QUESTION && q.bankId() != null) {
                        text = devset.getOrDefault(q.bankId(), List.of()).stream()
                                .filter(a -> matches(band, a.label())).map(DevSet::answer)
                                .findFirst().orElse(null);
                    }
                    if (text == null) {
                        text = band.told(q, ++turn);
                    } else {
                        fromDevset++;
                    }
                    TestInterviewerClock.CLOCK.advance(band.answerTime());
                    u = TextInterviewResourceTest.answer(c, Map.of("text", text));
                }
                JsonPath report = await().atMost(Duration.ofSeconds(60)).until(() -> given()
                        .header("Authorization", RECRUITER).get("/api/v1/interviews/{id}/report", c.id()).then()
                        .extract(), r -> r.statusCode() == 200).jsonPath();
                if (System.getProperty("verbose") != null) { // -Dverbose: each answer's score, to see what moved one
                    List<Map<String, Object>> answers = report.getList("answers");
                    for (Map<String, Object> a : answers) {
                        Object assessment = a.get("assessment");
                        System.out.printf(Locale.ROOT, "    %s %s #%s %-9s %-10s %s %.70s%n", role, band, a.get("seq"),
                                a.get("phase"), a.get("questionSource"), assessment == null ? "-"
                                        : ((Map<?, ?>) assessment).get("score"), a.get("question"));
                    }
                }
                line.append(String.format(Locale.ROOT, "  %s: %3d %-12s (%d answers, %d from the development set)",
                        band.name().toLowerCase(Locale.ROOT), report.getInt("overallScore"),
                        report.getString("recommendation"), report.getInt("candidate.answersAssessed"), fromDevset));
            }
            System.out.println(line);
        }
    }

    private static boolean matches(SimulatedCandidate band, int label) {
        return switch (band) {
            case STRONG -> label == 3;
            case AVERAGE -> label == 2;
            default -> label <= 1;
        };
    }

    private static Map<String, List<DevSet>> devset() throws IOException {
        return DevSet.load().stream().filter(a -> a.questionId() != null && !a.category().startsWith("injection"))
                .collect(Collectors.groupingBy(DevSet::questionId));
    }
}
