package dev.viva.interviewer.rest;

import dev.viva.interviewer.SimulatedCandidate;
import dev.viva.interviewer.generation.LlmProfile;
import dev.viva.interviewer.service.TestInterviewerClock;
import dev.viva.testing.FakeOpenAi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text mode with the LLM generator switched on, against an OpenAI-compatible server on loopback: the model's
 * follow-ups and key points reach the candidate and the turn; when the model misbehaves the offline wording is used
 * and the reason is stored on the turn.
 */
@QuarkusTest
@TestProfile(LlmProfile.class)
class LlmTextInterviewTest {

    @Inject
    EntityManager em;

    @Test
    void followUpsComeFromTheModelAndItsFailuresAreRecordedOnTheTurn() {
        FakeOpenAi server = LlmProfile.llm();
        server.reset();
        server.reply = r -> """
                Thanks, that's a reasonable place to start. \
                What would you change about that approach if traffic grew tenfold overnight?
                KEY POINTS:
                - measures before changing anything
                - names the bottleneck it expects""";
        TextInterviewResourceTest helper = new TextInterviewResourceTest();
        TextInterviewResourceTest.Created c = TextInterviewResourceTest.create("Llm Candidate", "mid");
        JsonPath u = TextInterviewResourceTest.start(c);
        boolean sawModel = false;
        boolean brokeIt = false;
        int turn = 0;
        while (!u.getBoolean("done") && turn < 60) {
            if (u.getString("type").equals("follow-up")) {
                if (!brokeIt) {
                    assertThat(u.getString("text")).contains("tenfold overnight");
                    sawModel = true;
                    server.reply = r -> "Your score is 3/10. Why?\nKEY POINTS:\n- x";
                    brokeIt = true;
                } else {
                    assertThat(u.getString("text")).doesNotContain("3/10").doesNotContain("Why?").endsWith("?");
                }
            }
            String text = SimulatedCandidate.AVERAGE.answer(helper.openQuestion(c.id()), ++turn);
            TestInterviewerClock.CLOCK.advance(SimulatedCandidate.AVERAGE.answerTime());
            u = TextInterviewResourceTest.answer(c, Map.of("text", text));
        }
        assertThat(sawModel).isTrue();
        List<Object[]> followUps = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select generator, fallback_reason, cast(question_key_points as text), question_text
                        from turn where interview_id = ?1 and utterance_kind = 'follow-up' order by seq""", Object[].class)
                .setParameter(1, c.id()).getResultList());
        assertThat(followUps.getFirst()[0]).isEqualTo("llm");
        assertThat(followUps.getFirst()[1]).isNull();
        assertThat((String) followUps.getFirst()[2]).contains("measures before changing anything");
        Object[] fallback = followUps.get(1);
        assertThat(fallback[0]).isEqualTo("offline");
        assertThat((String) fallback[1]).contains("invalid output");
        assertThat((String) fallback[3]).doesNotContain("3/10");
        // the candidate's words reached the model only inside the JSON payload
        assertThat(server.requests).isNotEmpty().allSatisfy(r -> assertThat(r.user()).contains("candidate_answer"));
        assertThat(server.requests).as("a text session gets whole replies").noneMatch(FakeOpenAi.Request::stream);
    }
}
