package dev.viva.voice.socket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.TestApi.Joined;
import dev.viva.TestSocket;
import dev.viva.stt.ScriptedSpeechProfile;
import dev.viva.testing.Wav;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Arrays;
import java.util.List;

import static dev.viva.TestApi.join;
import static dev.viva.TestApi.RECRUITER;
import static dev.viva.voice.socket.CandidateSocketTest.stream;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spoken answers end to end over real sockets: the candidate's audio goes through the real VAD, turn-taking and
 * interviewer against PostgreSQL; speech-to-text is the deterministic double (no Whisper weights exist here) and
 * speech is real FreeTTS. A recruiter watches on the live socket.
 */
@QuarkusTest
@TestProfile(ScriptedSpeechProfile.class)
class VoiceSocketTest {

    private static final short[] ANSWER = Arrays.copyOf(Wav.fixture("long-answer-with-pauses.wav"), 16 * 3_400);
    private static final String ANSWER_TEXT = "I have built FastAPI services for four years and I look after "
            + "our PostgreSQL schema migrations and the query performance of the reporting endpoints";

    @TestHTTPResource("/")
    URL base;

    @Inject
    ScriptedSpeechProfile.Recognizer recognizer;

    @Test
    void aSpokenAnswerIsCommittedScoredAndWatchedLive() throws Exception {
        Joined joined = join("Voice Person", "backend-engineer", "mid");
        String id = joined.id();
        TestSocket candidate = TestSocket.connect(base, "/ws/interviews/" + id, joined.token());
        TestSocket recruiter = TestSocket.connect(base, "/ws/interviews/" + id + "/live", RECRUITER);
        assertThat(recruiter.next("snapshot").get("turns").size()).isZero();

        candidate.send("{\"type\":\"start\",\"audio\":{\"encoding\":\"s16le\",\"sampleRate\":16000,\"channels\":1}}");
        assertThat(candidate.next("ready").get("mode").asText()).isEqualTo("voice");
        int audioId = candidate.next("utterance").get("audioId").asInt();
        JsonNode end = candidate.next("audio.end");
        assertThat(end.get("durationMs").asLong()).as("FreeTTS spoke the greeting").isGreaterThan(3_000);
        assertThat(candidate.binaryBytes.get() / 32).as("all of it was sent").isEqualTo(end.get("durationMs").asLong());
        candidate.send("{\"type\":\"playback\",\"state\":\"ended\",\"audioId\":" + audioId + "}");
        assertThat(candidate.next("state").get("state").asText()).isEqualTo("listening");

        recognizer.scripted().transcripts(ANSWER_TEXT);
        stream(candidate, Wav.concat(Wav.silence(300), ANSWER, Wav.silence(1_200)));
        JsonNode heard = candidate.next("transcript.final");
        assertThat(heard.get("text").asText()).isEqualTo(ANSWER_TEXT);
        assertThat(heard.get("seq").asInt()).isEqualTo(1);
        JsonNode next = candidate.next("utterance");
        assertThat(next.get("seq").asInt()).isEqualTo(2);

        JsonPath transcript = given().header("Authorization", RECRUITER)
                .get("/api/v1/interviews/{id}/transcript", id).then().statusCode(200).extract().jsonPath();
        assertThat(transcript.getString("turns[0].answer")).isEqualTo(ANSWER_TEXT);
        assertThat(transcript.getString("turns[0].inputMode")).isEqualTo("VOICE");
        assertThat(transcript.getLong("turns[0].audioDurationMs")).isBetween(3_400L, 5_000L);
        assertThat(transcript.getLong("turns[0].answerStartMs")).isLessThan(transcript.getLong("turns[0].answerEndMs"));
        assertThat(transcript.getString("turns[0].questionHeard")).as("heard in full").isNull();

        List<String> seen = recruiter.until(m -> m.get("type").asText().equals("question")
                        && m.get("seq").asInt() == 2).stream()
                .map(m -> m.get("type").asText() + (m.has("state") ? ":" + m.get("state").asText() : "")).toList();
        // in the order it happened: one transaction started the interview and asked, another answered and asked again
        assertThat(seen).containsSubsequence("status", "question", "state:speaking", "state:listening",
                "transcript.partial", "state:thinking", "answer", "question");
    }

    @Test
    void aConnectionLostMidAnswerIsToldToGiveTheAnswerAgain() throws Exception {
        Joined joined = join("Flaky Network", "backend-engineer", "junior");
        String id = joined.id();
        String token = joined.token();
        TestSocket first = TestSocket.connect(base, "/ws/interviews/" + id, token);
        first.send("{\"type\":\"start\",\"audio\":{\"encoding\":\"s16le\",\"sampleRate\":16000,\"channels\":1}}");
        int audioId = first.next("utterance").get("audioId").asInt();
        first.next("audio.end");
        first.send("{\"type\":\"playback\",\"state\":\"ended\",\"audioId\":" + audioId + "}");
        first.next("state");
        stream(first, Arrays.copyOf(ANSWER, 16 * 1_500));
        first.abort();

        TestSocket second = TestSocket.connect(base, "/ws/interviews/" + id, token);
        assertThat(second.next("utterance").get("seq").asInt()).as("still waiting for that answer").isEqualTo(1);
        JsonNode notice = second.next("notice");
        assertThat(notice.get("code").asText()).isEqualTo("resumed");
        assertThat(notice.get("detail").asText()).contains("give that answer again");
    }
}
