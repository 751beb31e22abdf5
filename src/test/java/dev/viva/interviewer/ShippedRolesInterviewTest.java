package dev.viva.interviewer;

import dev.viva.role.Level;
import dev.viva.role.Phase;
import dev.viva.role.RoleTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped role runs a whole interview at every level, through every phase, within its time. */
class ShippedRolesInterviewTest {

    @ParameterizedTest
    @ValueSource(strings = {"backend-engineer", "frontend-engineer", "ml-engineer", "site-reliability-engineer",
            "qa-automation-engineer", "ios-engineer"})
    void everyRoleAndLevelRunsToTheEnd(String id) {
        RoleTemplate role = EngineSimulation.role(id);
        for (Level level : Level.values()) {
            for (SimulatedCandidate c : new SimulatedCandidate[]{SimulatedCandidate.STRONG, SimulatedCandidate.WEAK}) {
                EngineSimulation sim = EngineSimulation.run(role, level, UUID.randomUUID(), c);
                assertThat(sim.engine.isDone()).isTrue();
                assertThat(sim.utterances().stream().map(Utterance::phase).distinct())
                        .as(id + " " + level + " " + c).containsExactly(Phase.values());
                assertThat(sim.utterances().getFirst().text()).contains(role.persona().name());
                assertThat(java.time.Duration.between(EngineSimulation.T0, sim.exchanges.getLast().at()))
                        .isLessThanOrEqualTo(java.time.Duration.ofMinutes(role.totalMinutes())
                                .plus(EngineSettings.defaults().overrun()));
            }
        }
    }
}
