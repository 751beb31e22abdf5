package dev.viva.interviewer.rest;

import dev.viva.interviewer.AskedQuestion;
import dev.viva.interviewer.EngineSnapshot;
import io.quarkus.arc.Arc;
import dev.viva.interviewer.SimulatedCandidate;
import dev.viva.interviewer.service.InterviewerStore;
import dev.viva.interviewer.service.TestInterviewerClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.viva.TestApi.RECRUITER;
import static dev.viva.TestApi.candidate;
import static dev.viva.TestApi.createInterview;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Text mode end to end: real HTTP, real PostgreSQL, simulated candidates, a test clock to move time. */
@QuarkusTest
class TextInterviewResourceTest {

    @Inject
    InterviewerStore store;

    @Inject
    EntityManager em;

    record Created(UUID id, String token) {
    }

    static Created create(String name, String level) {
        JsonPath body = createInterview(candidate(name, "backend-engineer", level)).statusCode(201).extract().jsonPath();
        return new Created(UUID.fromString(body.getString("id")), "Bearer " + body.getString("candidateToken"));
    }

    static JsonPath start(Created c) {
        return given().header("Authorization", c.token()).when().post("/api/v1/interviews/{id}/start", c.id())
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath answer(Created c, Object body) {
        return given().header("Authorization", c.token()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/interviews/{id}/answers", c.id()).then().statusCode(200).extract().jsonPath();
    }

    EngineSnapshot snapshot(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> store.snapshot(id).orElseThrow());
    }

    /** What the simulated candidate is being asked (it "knows" the answer the way a prepared human would). */
    AskedQuestion openQuestion(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(InterviewerStore.class).get()
                .snapshot(id).orElseThrow().open());
    }

    /** Plays a whole interview; returns every utterance. */
    List<JsonPath> play(Created c, SimulatedCandidate candidate) {
        List<JsonPath> said = new ArrayList<>();
        JsonPath u = start(c);
        said.add(u);
        int turn = 0;
        while (!u.getBoolean("done")) {
            assertThat(turn++).isLessThan(200);
            String text = candidate.answer(openQuestion(c.id()), turn);
            TestInterviewerClock.CLOCK.advance(candidate.answerTime());
            u = answer(c, Map.of("text", text));
            said.add(u);
        }
        return said;
    }

    List<Object[]> turns(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select seq, phase, difficulty, question_source, answer_text, answered_at is not null,
                               utterance_kind, generator, ability_overall, answer_intent, input_mode
                        from turn where interview_id = ?1 order by seq""", Object[].class)
                .setParameter(1, id).getResultList());
    }

    @Test
    void aCandidateTakesTheWholeInterviewByTypingAndItCompletes() {
        Created c = create("Ada Lovelace", "mid");
        JsonPath first = start(c);
        assertThat(first.getString("text")).contains("Sophia").contains("Ada");
        assertThat(first.getString("phase")).isEqualTo("introduction");
        assertThat(first.getInt("difficulty")).isBetween(1, 5);
        assertThat(first.getBoolean("done")).isFalse();
        assertThat(first.getInt("seq")).isEqualTo(1);
        assertThat(first.getMap("")).doesNotContainKeys("keyPoints", "score");

        List<JsonPath> said = play(c, SimulatedCandidate.AVERAGE);
        assertThat(said.getLast().getString("text")).contains("next steps");
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/{id}", c.id())
                .then().statusCode(200).body("status", equalTo("COMPLETED"));

        List<Object[]> turns = turns(c.id());
        assertThat(turns).hasSizeGreaterThan(8);
        assertThat(turns).allSatisfy(t -> {
            assertThat((Boolean) t[5]).as("every turn answered and committed").isTrue();
            assertThat(t[6]).isNotNull();
            assertThat(t[7]).isEqualTo("offline");
            assertThat(t[10]).isEqualTo("TEXT");
        });
        assertThat(turns.stream().map(t -> (String) t[3])).contains("BANK", "GENERATED");
        assertThat(turns.stream().map(t -> (String) t[1]).distinct())
                .containsExactly("introduction", "foundation", "intermediate", "system-design", "soft-skills", "wrap-up");

        // after the end, start and answers return the closing words again and change nothing
        JsonPath again = start(c);
        assertThat(again.getBoolean("done")).isTrue();
        assertThat(again.getString("type")).isEqualTo("closing");
        assertThat(answer(c, Map.of("text", "hello?")).getBoolean("done")).isTrue();
        assertThat(turns(c.id())).hasSameSizeAs(turns);
    }

    /**
     * At the wrap-up the candidate asks about the team, the interviewer answers and asks whether there is anything
     * else, and the candidate closes politely: in the report that reply is the candidate's turn, never an exam answer
     * scored 0 and flagged off topic.
     */
    @Test
    void aPoliteCloseAfterTheInterviewerAnsweredAQuestionIsNotAnOffTopicAnswer() {
        Created c = create("Barbara Liskov", "mid");
        JsonPath u = start(c);
        int turn = 0;
        while (!u.getString("phase").equals("wrap-up")) {
            assertThat(turn++).isLessThan(200);
            u = answer(c, Map.of("text", SimulatedCandidate.AVERAGE.answer(openQuestion(c.id()), turn)));
        }
        JsonPath told = answer(c, Map.of("text", "Who would I be working with on the team?"));
        assertThat(told.getString("text")).contains("six engineers");
        u = answer(c, Map.of("text", "No, that's all from me, thank you."));
        while (!u.getBoolean("done")) {
            assertThat(turn++).isLessThan(200);
            u = answer(c, Map.of("text", "No, that's everything, thanks."));
        }
        JsonPath report = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> given().header("Authorization", RECRUITER)
                        .when().get("/api/v1/interviews/{id}/report", c.id()).then().extract(),
                        r -> r.statusCode() == 200).jsonPath();
        List<Integer> wrapUp = report.getList("answers.findAll { it.phase == 'wrap-up' }.seq", Integer.class);
        assertThat(wrapUp).hasSizeGreaterThanOrEqualTo(2);
        assertThat(report.getList("flags.findAll { it.code == 'OFF_TOPIC' }.seq", Integer.class))
                .doesNotContainAnyElementsOf(wrapUp);
        assertThat(report.getList("answers.findAll { it.phase == 'wrap-up' }.assessment.score", Integer.class))
                .allSatisfy(score -> assertThat(score).isGreaterThanOrEqualTo(50));
    }

    @Test
    void theCandidateEndsEarlyByRestOrBySayingSoAndTheReportSaysHowMuchWasCovered() {
        Created c = create("Edsger Dijkstra", "mid");
        start(c);
        answer(c, Map.of("text", SimulatedCandidate.AVERAGE.answer(openQuestion(c.id()), 1)));
        JsonPath end = given().header("Authorization", c.token()).when().post("/api/v1/interviews/{id}/end", c.id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(end.getBoolean("done")).isTrue();
        assertThat(end.getString("type")).isEqualTo("closing");
        assertThat(end.getString("text")).contains("stop here").contains("next steps");
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/{id}", c.id())
                .then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("endReason", equalTo("CANDIDATE_ENDED"));
        // ending again returns the closing words; answers change nothing
        given().header("Authorization", c.token()).when().post("/api/v1/interviews/{id}/end", c.id())
                .then().statusCode(200).body("done", equalTo(true));
        JsonPath report = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> given().header("Authorization", RECRUITER)
                        .when().get("/api/v1/interviews/{id}/report", c.id()).then().extract(),
                        r -> r.statusCode() == 200).jsonPath();
        assertThat(report.getString("candidate.endReason")).isEqualTo("CANDIDATE_ENDED");
        assertThat(report.getInt("candidate.coverage.mainQuestionsAsked")).isEqualTo(2);
        assertThat(report.getInt("candidate.coverage.mainQuestionsPlanned")).isEqualTo(12);
        assertThat(report.getList("candidate.coverage.phasesReached")).containsExactly("introduction", "foundation");
        String md = given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/{id}/report?format=md",
                c.id()).then().statusCode(200).extract().asString();
        assertThat(md).contains("2 of 12 planned main questions").contains("ended early by the candidate");

        // the same by saying so, and no end without the candidate's token
        Created said = create("Tony Hoare", "mid");
        start(said);
        given().when().post("/api/v1/interviews/{id}/end", said.id()).then().statusCode(401);
        JsonPath stop = answer(said, Map.of("text", "I'd like to stop here, thank you."));
        assertThat(stop.getBoolean("done")).isTrue();
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/{id}", said.id())
                .then().statusCode(200).body("endReason", equalTo("CANDIDATE_ENDED"));
        Created other = create("Niklaus Wirth", "mid");
        given().header("Authorization", other.token()).when().post("/api/v1/interviews/{id}/end", said.id())
                .then().statusCode(403);
    }

    @Test
    void difficultyRisesForAStrongCandidateAndFallsForAWeakOneAndIsStoredPerTurn() {
        Created strong = create("Strong Candidate", "mid");
        Created weak = create("Weak Candidate", "mid");
        play(strong, SimulatedCandidate.STRONG);
        play(weak, SimulatedCandidate.WEAK);
        List<Object[]> s = turns(strong.id());
        List<Object[]> w = turns(weak.id());
        float strongAbility = ((Number) s.getLast()[8]).floatValue();
        float weakAbility = ((Number) w.getLast()[8]).floatValue();
        // a mid-level plan starts at its median difficulty, 3; where the strong candidate ends depends on the
        // questions drawn (3.9 to 4.7 over 25 draws with the in-process engine), half a step above it in every one
        assertThat(strongAbility).isGreaterThan(3.5f);
        assertThat(weakAbility).isLessThan(2.0f);
        int strongMax = s.stream().mapToInt(t -> ((Number) t[2]).intValue()).max().orElseThrow();
        int weakMin = w.stream().filter(t -> "foundation".equals(t[1]) || "intermediate".equals(t[1]))
                .mapToInt(t -> ((Number) t[2]).intValue()).min().orElseThrow();
        // main questions are drawn within one step of the best fit, so the strongest reach 4 or 5
        assertThat(strongMax).isGreaterThanOrEqualTo(4);
        assertThat(weakMin).isLessThanOrEqualTo(2);
    }

    @Test
    void everySimulatedCandidateFinishesAndTheStoredTrajectoriesOrderThem() {
        Map<SimulatedCandidate, Float> finalAbility = new java.util.EnumMap<>(SimulatedCandidate.class);
        Map<SimulatedCandidate, UUID> ids = new java.util.EnumMap<>(SimulatedCandidate.class);
        for (SimulatedCandidate candidate : SimulatedCandidate.values()) {
            Created c = create("Sim " + candidate, "mid");
            ids.put(candidate, c.id());
            List<JsonPath> said = play(c, candidate);
            assertThat(said.getLast().getBoolean("done")).as(candidate.name()).isTrue();
            given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/{id}", c.id())
                    .then().statusCode(200).body("status", equalTo("COMPLETED"));
            List<Object[]> turns = turns(c.id());
            assertThat(turns).allSatisfy(t -> assertThat((Boolean) t[5]).isTrue());
            finalAbility.put(candidate, ((Number) turns.getLast()[8]).floatValue());
            switch (candidate) {
                case SILENT -> assertThat(turns.stream().map(t -> (String) t[9])).containsOnly("EMPTY");
                case HOSTILE -> {
                    assertThat(turns.stream().map(t -> (String) t[9])).contains("INSTRUCTION");
                    assertThat(said).allSatisfy(u -> assertThat(u.getString("text")).doesNotContainIgnoringCase(
                            "full marks"));
                }
                default -> { }
            }
        }
        assertThat(finalAbility.get(SimulatedCandidate.STRONG)).isGreaterThan(finalAbility.get(SimulatedCandidate.AVERAGE));
        assertThat(finalAbility.get(SimulatedCandidate.AVERAGE)).isGreaterThan(finalAbility.get(SimulatedCandidate.WEAK));
        // silence is not scored as wrong: the estimate of a silent candidate does not move
        assertThat(finalAbility.get(SimulatedCandidate.WEAK)).isLessThan(finalAbility.get(SimulatedCandidate.SILENT));

        // the reports, finalised when each interview completed, order the candidates
        Map<SimulatedCandidate, Integer> overall = new java.util.EnumMap<>(SimulatedCandidate.class);
        ids.forEach((candidate, id) -> {
            JsonPath report = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofMillis(500))
                    .until(() -> given().header("Authorization", RECRUITER)
                            .when().get("/api/v1/interviews/{id}/report", id).then().extract(),
                            r -> r.statusCode() == 200).jsonPath();
            overall.put(candidate, report.getInt("overallScore"));
            if (candidate == SimulatedCandidate.STRONG) {
                // the difficulty trajectory reaches the report with every answer
                assertThat(report.getList("answers.ability")).anySatisfy(a -> assertThat(a).isNotNull());
            }
        });
        assertThat(overall.get(SimulatedCandidate.STRONG)).as(overall.toString())
                .isGreaterThan(overall.get(SimulatedCandidate.AVERAGE));
        assertThat(overall.get(SimulatedCandidate.AVERAGE)).as(overall.toString())
                .isGreaterThan(overall.get(SimulatedCandidate.WEAK));
        // vague answers and stated myths earn no more than token credit, as answers about something else do (which
        // of the two is a few points higher depends on the questions drawn)
        assertThat(overall.get(SimulatedCandidate.WEAK)).as(overall.toString()).isLessThan(15);
        assertThat(overall.get(SimulatedCandidate.OFF_TOPIC)).as(overall.toString()).isLessThan(15);
        assertThat(overall.get(SimulatedCandidate.HOSTILE)).as(overall.toString())
                .isLessThan(overall.get(SimulatedCandidate.AVERAGE));
        assertThat(overall.get(SimulatedCandidate.SILENT)).as(overall.toString())
                .isLessThan(overall.get(SimulatedCandidate.AVERAGE));
    }

    @Test
    void reconnectingResumesAtTheSamePointAndARetriedAnswerIsNotAppliedTwice() {
        Created c = create("Retry Person", "junior");
        JsonPath first = start(c);
        assertThat(start(c).getString("text")).isEqualTo(first.getString("text"));
        JsonPath second = answer(c, Map.of("text", "I build Django and FastAPI services at a small agency.",
                "seq", first.getInt("seq")));
        assertThat(second.getInt("seq")).isEqualTo(2);
        int turnsBefore = turns(c.id()).size();
        // the client never saw the reply and sends the same answer again for turn 1
        JsonPath retried = answer(c, Map.of("text", "I build Django and FastAPI services at a small agency.",
                "seq", first.getInt("seq")));
        assertThat(retried.getString("text")).isEqualTo(second.getString("text"));
        assertThat(turns(c.id())).hasSize(turnsBefore);
        // reconnecting (start again) shows the open question, and nothing was asked twice
        JsonPath resumed = start(c);
        assertThat(resumed.getString("text")).isEqualTo(second.getString("text"));
        assertThat(resumed.getInt("seq")).isEqualTo(2);
        // a request to repeat keeps the same turn open
        JsonPath repeat = answer(c, Map.of("text", "Sorry, could you repeat that?"));
        assertThat(repeat.getString("type")).isEqualTo("repeat");
        assertThat(repeat.getInt("seq")).isEqualTo(2);
        assertThat(turns(c.id())).hasSize(turnsBefore);
    }

    @Test
    void twoCopiesOfTheSameAnswerSentAtOnceAreAppliedOnce() throws Exception {
        Created c = create("Double Clicker", "mid");
        JsonPath first = start(c);
        Map<String, Object> body = Map.of("text", "I run FastAPI services on Kubernetes for a retailer.",
                "seq", first.getInt("seq"));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var a = pool.submit(() -> answer(c, body).getString("text"));
            var b = pool.submit(() -> answer(c, body).getString("text"));
            assertThat(a.get()).isEqualTo(b.get());
        }
        List<Object[]> turns = turns(c.id());
        assertThat(turns).hasSize(2);
        assertThat((Boolean) turns.get(0)[5]).isTrue();
        assertThat((Boolean) turns.get(1)[5]).isFalse();
    }

    @Test
    void badRequestsGetProblemDetailsAndChangeNothing() {
        Created c = create("Careful Tester", "mid");
        Created other = create("Other Person", "mid");
        // answers before the start
        given().header("Authorization", c.token()).contentType(ContentType.JSON).body(Map.of("text", "hi"))
                .when().post("/api/v1/interviews/{id}/answers", c.id())
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("start"));
        start(c);
        given().when().post("/api/v1/interviews/{id}/start", c.id()).then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", other.token()).when().post("/api/v1/interviews/{id}/start", c.id())
                .then().statusCode(403);
        given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/{id}/start", c.id())
                .then().statusCode(401);
        given().header("Authorization", c.token()).contentType(ContentType.JSON)
                .when().post("/api/v1/interviews/{id}/answers", c.id())
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", c.token()).contentType(ContentType.JSON).body(Map.of("seq", 1))
                .when().post("/api/v1/interviews/{id}/answers", c.id())
                .then().statusCode(400).body("detail", containsString("required"));
        given().header("Authorization", c.token()).contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/interviews/{id}/answers", c.id())
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", c.token()).contentType(ContentType.JSON).body(Map.of("text", "x".repeat(10_001)))
                .when().post("/api/v1/interviews/{id}/answers", c.id())
                .then().statusCode(400).body("detail", containsString("10000"));
        given().header("Authorization", c.token()).contentType(ContentType.JSON).body(Map.of("text", "a", "seq", 9))
                .when().post("/api/v1/interviews/{id}/answers", c.id())
                .then().statusCode(400).body("detail", containsString("current turn is 1"));
        assertThat(turns(c.id())).hasSize(1).allSatisfy(t -> assertThat((Boolean) t[5]).isFalse());

        // an empty answer is not an error: the interviewer did not catch it, and the turn stays open
        JsonPath empty = answer(c, Map.of("text", ""));
        assertThat(empty.getString("type")).isEqualTo("not-caught");
        assertThat(empty.getString("text")).contains("didn't catch");

        given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/{id}/cancel", c.id())
                .then().statusCode(200);
        given().header("Authorization", c.token()).contentType(ContentType.JSON).body(Map.of("text", "hello"))
                .when().post("/api/v1/interviews/{id}/answers", c.id())
                .then().statusCode(409).body("detail", containsString("CANCELLED"));
        given().header("Authorization", c.token()).when().post("/api/v1/interviews/{id}/start", c.id())
                .then().statusCode(409).body("detail", notNullValue());
    }
}
