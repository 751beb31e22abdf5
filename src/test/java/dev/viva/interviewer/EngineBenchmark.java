package dev.viva.interviewer;

import dev.viva.role.Level;
import dev.viva.role.RoleTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The engine's own share of the answer-to-utterance time (classification, stand-in assessment, difficulty update,
 * question choice, offline wording), without HTTP or the database:
 * {@code ./mvnw test -Dtest=EngineBenchmark -Dviva.bench=true}.
 */
@EnabledIfSystemProperty(named = "viva.bench", matches = "true")
class EngineBenchmark {

    @Test
    void engineStepTime() {
        RoleTemplate role = EngineSimulation.role("backend-engineer");
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            for (SimulatedCandidate c : List.of(SimulatedCandidate.STRONG, SimulatedCandidate.AVERAGE,
                    SimulatedCandidate.WEAK, SimulatedCandidate.OFF_TOPIC)) {
                EngineSimulation sim = new EngineSimulation(role, Level.MID, UUID.randomUUID());
                Utterance u = sim.engine.lastUtterance();
                int turn = 0;
                while (!u.done()) {
                    String answer = c.answer(u.question(), ++turn);
                    sim.clock.advance(c.answerTime());
                    long t0 = System.nanoTime();
                    u = sim.engine.handle(new EngineInput.Answer(answer)).utterance();
                    if (i >= 10) {
                        nanos.add(System.nanoTime() - t0);
                    }
                }
            }
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf("%nENGINE BENCHMARK: %d steps over %d interviews%n", sorted.size(), 50 * 4);
        System.out.printf("engine step: p50 %.3f ms, p95 %.3f ms%n%n", sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.95)) / 1e6);
    }
}
