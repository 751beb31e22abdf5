package dev.viva.interviewer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestSocket;
import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.AnswerAssessor;
import dev.viva.interviewer.AskedQuestion;
import dev.viva.interviewer.EngineInput;
import dev.viva.interviewer.EngineSettings;
import dev.viva.interviewer.FollowUpGrammar;
import dev.viva.interviewer.Intent;
import dev.viva.interviewer.IntentClassifier;
import dev.viva.interviewer.InterviewEngine;
import dev.viva.interviewer.MutableClock;
import dev.viva.interviewer.SimulatedCandidate;
import dev.viva.interviewer.Utterance;
import dev.viva.interviewer.generation.OfflineReplyGenerator;
import dev.viva.interviewer.service.TestInterviewerClock;
import dev.viva.role.Level;
import dev.viva.role.RoleCatalog;
import dev.viva.role.RoleTemplate;
import dev.viva.tts.SpeechChunk;
import dev.viva.tts.SpeechListener;
import dev.viva.tts.SpeechSynthesizer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;

/**
 * The interviewer as a conversation, measured on the shipped backend-engineer mid plan with the real assessment:
 * simulated candidates (strong, average, weak, off-topic) take whole interviews by typing, over the REST API and over
 * the candidate socket, until at least 200 follow-ups have been asked. Prints the main questions per interview, the
 * follow-ups per main question, follow-ups failing the grammar ({@link FollowUpGrammar}), hints after answers scored
 * 70 or more, the overlap of main questions between two interviews of the same role and level over 50 pairs, and the
 * opening's length spoken by FreeTTS. Asserts nothing about time. Not part of the normal run:
 * {@code ./mvnw -B test -Pbench -Dtest=ConversationBenchmark -Dviva.bench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "viva.bench", matches = "true")
class ConversationBenchmark {

    private static final String ROLE = "backend-engineer";
    private static final List<SimulatedCandidate> CANDIDATES = List.of(SimulatedCandidate.STRONG,
            SimulatedCandidate.AVERAGE, SimulatedCandidate.WEAK, SimulatedCandidate.OFF_TOPIC);
    private static final int MIN_FOLLOW_UPS = Integer.getInteger("followUps", 200);
    private static final int PAIRS = 50;

    @TestHTTPResource("/")
    URL base;

    @Inject
    RoleCatalog roles;

    @Inject
    AnswerAssessor assessor;

    @Inject
    SpeechSynthesizer tts;

    /** What one interview showed. */
    record Run(SimulatedCandidate candidate, String transport, int main, List<Integer> followUpsPerMain,
               int followUps, List<String> grammarFailures, int strongAnswers, int hintsAfterStrong, int redirects,
               String ended) {
    }

    @Test
    void conversation() throws Exception {
        RoleTemplate role = roles.find(ROLE).orElseThrow();
        long probed = role.questions().stream().filter(q -> q.levels().contains(Level.MID))
                .flatMap(q -> q.keyPoints().stream().filter(k -> !q.probesFor(k).isEmpty())).count();
        long keyPoints = role.questions().stream().filter(q -> q.levels().contains(Level.MID))
                .mapToLong(q -> q.keyPoints().size()).sum();
        FollowUpGrammar grammar = new FollowUpGrammar(role);
        TextInterviewResourceTest helper = new TextInterviewResourceTest();
        List<Run> runs = new ArrayList<>();
        int followUps = 0;
        for (int round = 0; followUps < MIN_FOLLOW_UPS || round < 2; round++) {
            for (SimulatedCandidate c : CANDIDATES) {
                for (String transport : List.of("rest", "socket")) {
                    Run r = interview(helper, role, grammar, c, transport, round);
                    runs.add(r);
                    followUps += r.followUps();
                }
            }
            if (round > 40) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "%nCONVERSATION BENCHMARK: %s mid plan (%d main questions planned), %d of %d "
                        + "mid key points with authored probes; %d interviews (REST and socket, text)%n", ROLE,
                role.phases().stream().mapToInt(RoleTemplate.PhaseSpec::questions).sum(), probed, keyPoints,
                runs.size());
        for (SimulatedCandidate c : CANDIDATES) {
            List<Run> of = runs.stream().filter(r -> r.candidate() == c).toList();
            List<Integer> perMain = of.stream().flatMap(r -> r.followUpsPerMain().stream()).toList();
            System.out.printf(Locale.ROOT, "%-9s main questions per interview: min %d, mean %.1f, max %d; follow-ups "
                            + "per main question: mean %.2f, max %d; redirects %d; ended %s%n", c,
                    of.stream().mapToInt(Run::main).min().orElse(0),
                    of.stream().mapToInt(Run::main).average().orElse(0),
                    of.stream().mapToInt(Run::main).max().orElse(0),
                    perMain.stream().mapToInt(Integer::intValue).average().orElse(0),
                    perMain.stream().mapToInt(Integer::intValue).max().orElse(0),
                    of.stream().mapToInt(Run::redirects).sum(),
                    of.stream().collect(java.util.stream.Collectors.groupingBy(Run::ended,
                            java.util.stream.Collectors.counting())));
        }
        List<String> failures = runs.stream().flatMap(r -> r.grammarFailures().stream()).toList();
        System.out.printf(Locale.ROOT, "follow-ups failing the grammar: %d of %d%n", failures.size(), followUps);
        failures.stream().limit(5).forEach(f -> System.out.println("  " + f));
        System.out.printf(Locale.ROOT, "hints after an answer scored >= 70: %d (of %d such answers)%n",
                runs.stream().mapToInt(Run::hintsAfterStrong).sum(), runs.stream().mapToInt(Run::strongAnswers).sum());
        overlap(role);
        opening(role);
        System.out.println();
    }

    private Run interview(TextInterviewResourceTest helper, RoleTemplate role, FollowUpGrammar grammar,
                          SimulatedCandidate candidate, String transport, int round) throws Exception {
        TextInterviewResourceTest.Created c = TextInterviewResourceTest.create("Bench " + candidate + " " + round, "mid");
        TestSocket socket = null;
        JsonNode said;
        if (transport.equals("socket")) {
            socket = TestSocket.connect(base, "/ws/interviews/" + c.id(), c.token());
            socket.send("{\"type\":\"start\",\"speech\":false}");
            said = socket.next("utterance");
        } else {
            said = json(TextInterviewResourceTest.start(c));
        }
        List<String> hints = role.questions().stream().map(RoleTemplate.Question::hint)
                .filter(h -> h != null && !h.isBlank()).toList();
        int main = 1;
        List<Integer> perMain = new ArrayList<>(List.of(0));
        int followUps = 0;
        int strong = 0;
        int hintsAfterStrong = 0;
        int redirects = 0;
        List<String> failures = new ArrayList<>();
        int turn = 0;
        while (!said.get("done").asBoolean() && turn < 200) {
            AskedQuestion open = helper.openQuestion(c.id());
            String answer = candidate.answer(open, ++turn);
            Integer score = score(role, open, answer);
            TestInterviewerClock.CLOCK.advance(candidate.answerTime());
            if (socket != null) {
                socket.send(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                        Map.of("type", "answer", "text", answer, "seq", said.get("seq").asInt())));
                said = socket.next("utterance");
            } else {
                said = json(TextInterviewResourceTest.answer(c, Map.of("text", answer,
                        "seq", said.get("seq").asInt())));
            }
            String kind = said.has("kind") ? said.get("kind").asText() : said.get("type").asText();
            String text = said.get("text").asText();
            if (score != null && score >= 70) {
                strong++;
                if (kind.equals("hint") || hints.stream().anyMatch(text::contains)) {
                    hintsAfterStrong++;
                }
            }
            switch (kind) {
                case "question" -> {
                    main++;
                    perMain.add(0);
                }
                case "follow-up" -> {
                    followUps++;
                    perMain.set(perMain.size() - 1, perMain.getLast() + 1);
                    Optional<String> problem = grammar.followUp(text, helper.openQuestion(c.id()).question(), answer);
                    problem.ifPresent(failures::add);
                }
                case "hint" -> perMain.set(perMain.size() - 1, perMain.getLast() + 1);
                case "redirect" -> redirects++;
                default -> {
                }
            }
            FollowUpGrammar.quotes(text, answer).ifPresent(failures::add);
        }
        if (socket != null) {
            socket.abort(); // the server closes it after the goodbye; a close handshake may find it gone
        }
        String ended = given().header("Authorization", dev.viva.TestApi.RECRUITER)
                .get("/api/v1/interviews/{id}", c.id()).then().extract().path("endReason");
        return new Run(candidate, transport, main, perMain, followUps, failures, strong, hintsAfterStrong, redirects,
                ended);
    }

    /** The score the interviewer saw: the same offline assessment of the same answer to the same question. */
    private Integer score(RoleTemplate role, AskedQuestion open, String answer) {
        Intent intent = IntentClassifier.classify(answer, open.phase());
        if (!open.scored() || (intent != Intent.ANSWER && intent != Intent.INSTRUCTION)) {
            return null;
        }
        AnswerAssessment a = assessor.assess(role.id(), Level.MID, open.spec(), answer);
        return a.answered() ? a.score() : null;
    }

    private static JsonNode json(JsonPath path) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(path.prettify());
    }

    /** Two interviews of the same role and level (average candidates, the real assessment): shared main questions. */
    private void overlap(RoleTemplate role) {
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            List<String> a = mainQuestions(role);
            List<String> b = mainQuestions(role);
            shares.add(a.stream().filter(b::contains).count() / (double) Math.min(a.size(), b.size()));
        }
        List<Double> sorted = shares.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "main questions shared by two interviews (%d pairs): mean %.0f%%, median %.0f%%,"
                        + " max %.0f%% (introduction and wrap-up included)%n", PAIRS,
                100 * sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                100 * sorted.get(sorted.size() / 2), 100 * sorted.getLast());
    }

    private List<String> mainQuestions(RoleTemplate role) {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
        InterviewEngine engine = new InterviewEngine(role, Level.MID, UUID.randomUUID(), "Pat Pair",
                EngineSettings.defaults(), assessor, new OfflineReplyGenerator(), clock);
        Utterance u = engine.handle(new EngineInput.Start()).utterance();
        List<String> ids = new ArrayList<>(List.of(u.question().bankId()));
        int turn = 0;
        while (!u.done()) {
            String answer = SimulatedCandidate.AVERAGE.answer(u.question(), ++turn);
            clock.advance(SimulatedCandidate.AVERAGE.answerTime());
            var step = engine.handle(new EngineInput.Answer(answer));
            if (step.asked() != null && step.asked().kind() == dev.viva.interviewer.UtteranceKind.QUESTION) {
                ids.add(step.asked().bankId());
            }
            u = step.utterance();
        }
        return ids;
    }

    /** The opening before the first question, in words and as FreeTTS speaks it. */
    private void opening(RoleTemplate role) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
        Utterance first = new InterviewEngine(role, Level.MID, UUID.randomUUID(), "Ada Lovelace",
                EngineSettings.defaults(), assessor, new OfflineReplyGenerator(), clock)
                .handle(new EngineInput.Start()).utterance();
        String opening = first.text().substring(0, first.text().length() - first.question().question().length()).strip();
        int words = opening.split("\\s+").length;
        if (!tts.isAvailable()) {
            System.out.printf(Locale.ROOT, "opening before the first question: %d words (FreeTTS unavailable)%n", words);
            return;
        }
        AtomicLong samples = new AtomicLong();
        CompletableFuture<String> done = new CompletableFuture<>();
        tts.synthesize(opening, new SpeechListener() {
            @Override
            public void onChunk(SpeechChunk chunk) {
                samples.addAndGet(chunk.samples().length);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }

            @Override
            public void onFailure(String reason) {
                done.complete(reason);
            }
        });
        String failure = done.get(60, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "opening before the first question: %d words, %.1f s spoken by FreeTTS%s: \"%s\"%n",
                words, samples.get() / (double) SpeechSynthesizer.SAMPLE_RATE,
                failure == null ? "" : " (failed: " + failure + ")", opening);
    }
}
