package dev.viva.interviewer;

import dev.viva.assessment.AnswerAssessor;
import dev.viva.assessment.service.AnswerScorer;
import dev.viva.assessment.signal.SentenceEmbedder;
import dev.viva.interviewer.generation.OfflineReplyGenerator;
import dev.viva.role.Level;
import dev.viva.role.RoleTemplate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine driven by the real offline assessment (MiniLM key-point coverage and friends) instead of the keyword
 * stand-in: the simulated candidates must come out in the right order and difficulty must follow them.
 */
class RealScorerSimulationTest {

    private static final AnswerScorer SCORER = dev.viva.assessment.Embedders.scorer();
    private static final AnswerAssessor REAL = (role, level, q, answer) -> SCORER.score(q, answer).assessment();

    @Test
    void theRealAssessmentOrdersTheCandidatesAndMovesDifficulty() {
        RoleTemplate role = EngineSimulation.role("backend-engineer");
        Map<SimulatedCandidate, Double> ability = new EnumMap<>(SimulatedCandidate.class);
        Map<SimulatedCandidate, Double> score = new EnumMap<>(SimulatedCandidate.class);
        for (SimulatedCandidate c : List.of(SimulatedCandidate.STRONG, SimulatedCandidate.AVERAGE,
                SimulatedCandidate.WEAK, SimulatedCandidate.OFF_TOPIC, SimulatedCandidate.HOSTILE)) {
            MutableClock clock = new MutableClock(EngineSimulation.T0);
            // the interview id seeds the draw of questions: fixed, so the run is the same every time
            InterviewEngine engine = new InterviewEngine(role, Level.MID,
                    UUID.nameUUIDFromBytes(("real-scorer-" + c).getBytes(StandardCharsets.UTF_8)), "Sam Real",
                    EngineSettings.defaults(), REAL, new OfflineReplyGenerator(), clock);
            Utterance u = engine.handle(new EngineInput.Start()).utterance();
            int turn = 0;
            double sum = 0;
            int scored = 0;
            while (!u.done()) {
                String answer = c.answer(u.question(), ++turn);
                clock.advance(c.answerTime());
                Step step = engine.handle(new EngineInput.Answer(answer));
                if (step.answered() != null && step.answered().score() != null) {
                    sum += step.answered().score();
                    scored++;
                }
                u = step.utterance();
            }
            ability.put(c, engine.ability().overall());
            score.put(c, scored == 0 ? 0 : sum / scored);
        }
        double prior = AbilityEstimate.initial(role, Level.MID).prior();
        assertThat(ability.get(SimulatedCandidate.STRONG)).as(ability.toString()).isGreaterThan(prior);
        assertThat(ability.get(SimulatedCandidate.WEAK)).as(ability.toString()).isLessThan(prior);
        assertThat(ability.get(SimulatedCandidate.STRONG)).isGreaterThan(ability.get(SimulatedCandidate.AVERAGE));
        assertThat(ability.get(SimulatedCandidate.AVERAGE)).isGreaterThan(ability.get(SimulatedCandidate.WEAK));
        assertThat(score.get(SimulatedCandidate.STRONG)).as(score.toString())
                .isGreaterThan(score.get(SimulatedCandidate.AVERAGE));
        assertThat(score.get(SimulatedCandidate.AVERAGE)).isGreaterThan(score.get(SimulatedCandidate.WEAK));
        // a vague answer or a stated myth earns no more than token credit, as an answer about something else does
        // (which of the two is a few points higher depends on the questions drawn)
        assertThat(score.get(SimulatedCandidate.WEAK)).isLessThan(15);
        assertThat(score.get(SimulatedCandidate.OFF_TOPIC)).isLessThan(15);
        assertThat(score.get(SimulatedCandidate.HOSTILE)).isLessThan(score.get(SimulatedCandidate.AVERAGE));
        System.out.println("real scorer: ability " + ability + " mean score " + score);
    }
}
