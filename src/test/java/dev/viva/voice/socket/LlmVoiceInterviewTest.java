package dev.viva.voice.socket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestApi.Joined;
import dev.viva.TestSocket;
import dev.viva.interviewer.AskedQuestion;
import dev.viva.interviewer.SimulatedCandidate;
import dev.viva.interviewer.generation.InterviewerModel;
import dev.viva.interviewer.generation.LlmProfile;
import dev.viva.interviewer.service.InterviewerStore;
import dev.viva.stt.ScriptedSpeechProfile;
import dev.viva.testing.FakeOpenAi;
import dev.viva.testing.FakeOpenAi.Pacing;
import dev.viva.testing.Wav;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static dev.viva.TestApi.join;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spoken interview whose follow-ups stream from the model, over real sockets: the candidate speaks (the
 * speech-to-text double hears scripted answers), the model's server on loopback streams its reply token by token,
 * and the session speaks its first sentence with FreeTTS while the model is still writing. A stream that stalls after
 * the acknowledgement goes on in the offline wording, and the turn records what was said.
 */
@QuarkusTest
@TestProfile(LlmProfile.class)
class LlmVoiceInterviewTest {

    private static final short[] ANSWER = Arrays.copyOf(Wav.fixture("long-answer-with-pauses.wav"), 16 * 3_400);
    private static final String ACK = "Right, that makes sense.";
    private static final String QUESTION = "How would you know that this approach still holds up under real load?";

    @TestHTTPResource("/")
    URL base;

    @Inject
    ScriptedSpeechProfile.Recognizer recognizer;

    @Inject
    EntityManager em;

    /** One reply as the candidate's client saw it. */
    record Reply(JsonNode utterance, List<String> pieces, long audioStartedAt, long firstAudioAt,
                 boolean audioBeforeUtterance) {
    }

    @Test
    void theFirstSentenceIsSpokenBeforeTheModelFinishesAndAStallGoesOnOffline() throws Exception {
        FakeOpenAi llm = LlmProfile.llm();
        llm.reset();
        llm.reply = r -> ACK + " " + QUESTION + "\n" + InterviewerModel.KEY_POINTS
                + "\n- names a metric to watch\n- says how it would be load tested";
        // the model pauses after its acknowledgement, still writing the question: 700 ms, under the stall limit
        llm.streaming = Pacing.of(300, 40).stallingAfter(FakeOpenAi.tokens(ACK).size() + 1, 700);

        Joined joined = join("Streaming Voice", "backend-engineer", "mid");
        UUID id = UUID.fromString(joined.id());
        TestSocket candidate = TestSocket.connect(base, "/ws/interviews/" + id, joined.token());
        candidate.send("{\"type\":\"start\",\"audio\":{\"encoding\":\"s16le\",\"sampleRate\":16000,\"channels\":1}}");
        assertThat(candidate.next("ready").get("mode").asText()).isEqualTo("voice");
        JsonNode said = candidate.next("utterance");
        played(candidate, said.get("audioId").asInt());

        Reply streamed = answerUntilFollowUp(candidate, id);
        assertThat(streamed.pieces()).as("the opener goes ahead of its sentence")
                .containsExactly("Right,", "that makes sense.", QUESTION);
        assertThat(streamed.audioBeforeUtterance()).as("audio began before the reply was complete").isTrue();
        assertThat(streamed.firstAudioAt()).as("the first reply audio arrived before the model finished writing")
                .isLessThan(llm.lastStreamFinishedAt);
        assertThat(streamed.utterance().get("text").asText()).isEqualTo(ACK + " " + QUESTION);
        Object[] turn = turn(id, streamed.utterance().get("seq").asInt());
        assertThat(turn[0]).isEqualTo("llm");
        assertThat(turn[1]).isNull();
        assertThat(turn[2]).isEqualTo(ACK + " " + QUESTION);
        assertThat((String) turn[3]).contains("load tested");
        played(candidate, streamed.utterance().get("audioId").asInt());

        // the next stream stalls for good after its acknowledgement: the offline question follows it
        llm.streaming = Pacing.of(300, 40).stallingAfter(FakeOpenAi.tokens(ACK).size() + 2, 8_000);
        Reply fallback = answerUntilFollowUp(candidate, id);
        String text = fallback.utterance().get("text").asText();
        assertThat(fallback.pieces()).hasSize(3).startsWith("Right,", "that makes sense.");
        assertThat(text).isEqualTo(String.join(" ", fallback.pieces())).doesNotContain(QUESTION);
        turn = turn(id, fallback.utterance().get("seq").asInt());
        assertThat(turn[0]).isEqualTo("offline");
        assertThat((String) turn[1]).contains("stalled").contains("after the model's acknowledgement was spoken");
        assertThat(turn[2]).as("only what was said is recorded").isEqualTo(text);
        candidate.close();
    }

    /** Speaks average answers until the interviewer streams a follow-up; returns that reply. */
    private Reply answerUntilFollowUp(TestSocket candidate, UUID id) throws Exception {
        for (int turn = 1; turn < 30; turn++) {
            AskedQuestion open = QuarkusTransaction.requiringNew().call(() -> Arc.container()
                    .instance(InterviewerStore.class).get().snapshot(id).orElseThrow().open());
            recognizer.scripted().transcripts(SimulatedCandidate.AVERAGE.answer(open, turn));
            SpokenTurns.streamRealTime(candidate, Wav.concat(hiss(300, turn), ANSWER, Wav.silence(1_200)), 0);
            List<String> pieces = new ArrayList<>();
            JsonNode m = candidate.next();
            long audioStartedAt = 0;
            boolean audioFirst = false;
            while (!m.path("type").asText().equals("utterance")) {
                switch (m.path("type").asText()) {
                    case "utterance.delta" -> pieces.add(m.get("text").asText());
                    case "audio.start" -> {
                        audioStartedAt = candidate.arrivedAt(m);
                        audioFirst = true;
                    }
                    default -> {
                    }
                }
                m = candidate.next();
            }
            if (!pieces.isEmpty()) {
                long firstAudio = candidate.firstBinaryAfter(audioStartedAt, Duration.ofSeconds(30));
                return new Reply(m, pieces, audioStartedAt, firstAudio, audioFirst);
            }
            assertThat(m.get("kind").asText()).as("every follow-up streams").isNotEqualTo("follow-up");
            played(candidate, m.get("audioId").asInt());
        }
        throw new AssertionError("no follow-up in 30 answers");
    }

    /**
     * Near-silence (about -76 dBFS, far below voicing) that differs from turn to turn: the speech-to-text double takes
     * audio that begins the same way as the previous answer for more of that answer.
     */
    static short[] hiss(int ms, int turn) {
        short[] out = new short[ms * 16];
        Arrays.fill(out, (short) (turn % 2 == 0 ? 5 : -5));
        for (int i = 0; i < out.length; i += 1 + turn) {
            out[i] = 0;
        }
        return out;
    }

    /** Waits for the utterance's audio to end and tells the server it was played. */
    static void played(TestSocket candidate, int audioId) throws Exception {
        JsonNode end = candidate.next("audio.end");
        while (end.get("audioId").asInt() != audioId) {
            end = candidate.next("audio.end");
        }
        candidate.send("{\"type\":\"playback\",\"state\":\"ended\",\"audioId\":" + audioId + "}");
        candidate.next("state");
    }

    /** generator, fallback_reason, question_text, question_key_points of a turn. */
    private Object[] turn(UUID id, int seq) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                        select generator, fallback_reason, question_text, cast(question_key_points as text)
                        from turn where interview_id = ?1 and seq = ?2""", Object[].class)
                .setParameter(1, id).setParameter(2, seq).getSingleResult());
    }
}
