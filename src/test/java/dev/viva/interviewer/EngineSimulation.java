package dev.viva.interviewer;

import dev.viva.interviewer.generation.OfflineReplyGenerator;
import dev.viva.role.Level;
import dev.viva.role.RoleTemplate;
import dev.viva.role.RoleTemplateParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Runs one whole interview of a simulated candidate through the engine alone, with a hand-moved clock. */
final class EngineSimulation {

    /** One exchange: what was answered and what the interviewer said next, with the time it happened. */
    record Exchange(String answer, Step step, Instant at) {
    }

    static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final InterviewEngine engine;
    final List<Exchange> exchanges = new ArrayList<>();
    final Step first;

    EngineSimulation(RoleTemplate role, Level level, UUID id) {
        engine = new InterviewEngine(role, level, id, "Grace Hopper", EngineSettings.defaults(),
                new KeywordAssessor(), new OfflineReplyGenerator(), clock);
        first = engine.handle(new EngineInput.Start());
    }

    static RoleTemplate role(String id) {
        return load("roles/" + id + ".yaml", id);
    }

    /** A template of the interviewer tests ({@code src/test/resources/engine-fixtures}). */
    static RoleTemplate fixture(String id) {
        return load("engine-fixtures/" + id + ".yaml", id);
    }

    private static RoleTemplate load(String resource, String id) {
        try (InputStream in = EngineSimulation.class.getClassLoader().getResourceAsStream(resource)) {
            return RoleTemplateParser.parse(resource, id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EngineSimulation run(RoleTemplate role, Level level, UUID id, SimulatedCandidate candidate) {
        EngineSimulation sim = new EngineSimulation(role, level, id);
        sim.runTo(candidate, Integer.MAX_VALUE);
        return sim;
    }

    /** Answers until done or {@code maxExchanges}. */
    void runTo(SimulatedCandidate candidate, int maxExchanges) {
        runTo(candidate, maxExchanges, candidate.answerTime());
    }

    /** A whole interview answered at {@code answerTime} per answer (a fast typist, a slow speaker). */
    static EngineSimulation run(RoleTemplate role, Level level, UUID id, SimulatedCandidate candidate,
                                Duration answerTime) {
        EngineSimulation sim = new EngineSimulation(role, level, id);
        sim.runTo(candidate, Integer.MAX_VALUE, answerTime);
        return sim;
    }

    void runTo(SimulatedCandidate candidate, int maxExchanges, Duration answerTime) {
        Utterance current = engine.lastUtterance();
        int guard = 0;
        while (!current.done() && exchanges.size() < maxExchanges) {
            if (++guard > 400) {
                throw new AssertionError("interview did not end");
            }
            String answer = candidate.answer(current.question(), exchanges.size());
            clock.advance(answerTime);
            Step step = engine.handle(new EngineInput.Answer(answer));
            exchanges.add(new Exchange(answer, step, clock.instant()));
            current = step.utterance();
        }
    }

    List<AnsweredTurn> answered() {
        return exchanges.stream().map(e -> e.step().answered()).filter(a -> a != null).toList();
    }

    List<AskedQuestion> asked() {
        List<AskedQuestion> all = new ArrayList<>();
        all.add(first.asked());
        exchanges.stream().map(e -> e.step().asked()).filter(a -> a != null).forEach(all::add);
        return all;
    }

    List<Utterance> utterances() {
        List<Utterance> all = new ArrayList<>();
        all.add(first.utterance());
        exchanges.forEach(e -> all.add(e.step().utterance()));
        return all;
    }

    /** Main (bank) questions asked, the greeting's and the wrap-up's included. */
    long mainQuestions() {
        return asked().stream().filter(q -> q.source() == dev.viva.interview.QuestionSource.BANK).count();
    }

    double meanScore() {
        return answered().stream().filter(a -> a.score() != null).mapToInt(AnsweredTurn::score).average().orElse(0);
    }
}
