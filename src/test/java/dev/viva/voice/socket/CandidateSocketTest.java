package dev.viva.voice.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.EagerSocket;
import dev.viva.TestApi;
import dev.viva.TestApi.Joined;
import dev.viva.TestSocket;
import dev.viva.stt.WhisperSpeechRecognizer;
import dev.viva.testing.Wav;
import dev.viva.voice.Pcm;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The candidate socket over a real WebSocket client, with the real adapters: Whisper (whisper.cpp's weightless test
 * model: the real loading and audio path, which recognises nothing) and FreeTTS.
 */
@QuarkusTest
class CandidateSocketTest {

    private static final String START_VOICE =
            "{\"type\":\"start\",\"audio\":{\"encoding\":\"s16le\",\"sampleRate\":16000,\"channels\":1}}";

    @TestHTTPResource("/")
    URL base;

    @Inject
    WhisperSpeechRecognizer whisper;

    private static Joined join(String name) {
        return TestApi.join(name, "backend-engineer", "junior");
    }

    private TestSocket connect(Joined j) {
        return TestSocket.connect(base, "/ws/interviews/" + j.id(), j.token());
    }

    /** Connects, starts without speech and returns once the interviewer has said its first words. */
    private TestSocket talking(Joined j) throws Exception {
        TestSocket socket = connect(j);
        socket.send("{\"type\":\"start\",\"speech\":false}");
        socket.next("utterance", Duration.ofSeconds(60)); // the first interview of a cold application is slow
        return socket;
    }

    @Test
    void theInterviewRunsOverTheSocketInTextModeAndAReconnectResumesIt() throws Exception {
        Joined j = join("Socket Person");
        TestSocket first = connect(j);
        first.send("{\"type\":\"start\",\"speech\":false,\"consent\":true}");
        JsonNode ready = first.next("ready");
        assertThat(ready.get("mode").asText()).isEqualTo("text");
        JsonNode greeting = first.next("utterance");
        assertThat(greeting.get("text").asText()).contains("Sophia");
        assertThat(greeting.get("phase").asText()).isEqualTo("introduction");
        assertThat(greeting.get("done").asBoolean()).isFalse();
        assertThat(greeting.has("audioId")).isFalse();
        JsonNode progress = first.next("progress");
        assertThat(progress.get("phaseIndex").asInt()).isEqualTo(1);
        assertThat(progress.get("phaseCount").asInt()).isEqualTo(6);
        // time left is the role's plan minus the time since the interview started
        int plannedMinutes = given().get("/api/v1/roles").then().extract()
                .path("find { it.id == 'backend-engineer' }.plannedMinutes");
        long plannedSeconds = plannedMinutes * 60L;
        assertThat(plannedSeconds).isPositive();
        assertThat(progress.get("elapsedSeconds").asLong()).isLessThan(60);
        assertThat(progress.get("remainingSeconds").asLong())
                .isEqualTo(plannedSeconds - progress.get("elapsedSeconds").asLong());

        first.send("{\"type\":\"answer\",\"text\":\"I write Flask and FastAPI services for a logistics startup and "
                + "look after our PostgreSQL database.\",\"seq\":1}");
        JsonNode next = first.next("utterance");
        assertThat(next.get("seq").asInt()).isEqualTo(2);
        assertThat(next.get("phase").asText()).isEqualTo("foundation");
        first.send("{\"type\":\"repeat\"}");
        JsonNode repeat = first.next("utterance");
        assertThat(repeat.get("kind").asText()).isEqualTo("repeat");

        first.send("{not json");
        assertThat(first.next("error").get("code").asText()).isEqualTo("bad-json");
        first.send("{\"type\":\"dance\"}");
        assertThat(first.next("error").get("detail").asText()).contains("unknown message type");
        first.send("{\"type\":\"answer\"}");
        assertThat(first.next("error").get("status").asInt()).isEqualTo(400);
        first.send("{\"type\":\"ping\"}");
        assertThat(first.next("pong")).isNotNull();
        assertThat(given().header("Authorization", RECRUITER).get("/api/v1/interviews/{id}", j.id())
                .then().statusCode(200).extract().<String>path("consentedAt")).as("consent recorded").isNotNull();
        first.abort();

        // a browser reconnects with a single-use ticket and is told where the interview stands
        String ticketUrl = given().header("Authorization", j.token()).when()
                .post("/api/v1/interviews/{id}/socket-ticket", j.id()).then().statusCode(200).extract().path("url");
        TestSocket again = TestSocket.connect(base, ticketUrl, null);
        JsonNode resumed = again.next("utterance");
        assertThat(resumed.get("seq").asInt()).isEqualTo(2);
        assertThat(resumed.get("text").asText()).isEqualTo(repeat.get("text").asText());
        again.send("{\"type\":\"dont-know\"}");
        assertThat(again.next("error").get("code").asText()).as("commands need start first").isEqualTo("not-started");
        again.send("{\"type\":\"start\",\"speech\":false}");
        assertThat(again.next("utterance").get("seq").asInt()).isEqualTo(2);
        again.send("{\"type\":\"dont-know\"}");
        assertThat(again.next("utterance").get("seq").asInt()).isEqualTo(3);
        assertThat(TestSocket.refusal(base, ticketUrl, null)).as("a ticket is single-use").isEqualTo(401);
    }

    @Test
    void aStartSentTheMomentTheSocketOpensIsAlwaysHeard() throws Exception {
        // the upgrade used to complete on the worker thread that checked the credential, and a first frame sent at
        // once could beat the registration of the message handlers and vanish (about one connection in twenty)
        Joined j = join("Quick Starter");
        for (int i = 0; i < 60; i++) {
            String path = i % 2 == 0 ? "/ws/interviews/" + j.id()
                    : given().header("Authorization", j.token()).when()
                    .post("/api/v1/interviews/{id}/socket-ticket", j.id()).then().statusCode(200).extract().path("url");
            try (EagerSocket socket = EagerSocket.openSending(base, path, i % 2 == 0 ? j.token() : null,
                    "{\"type\":\"start\",\"speech\":false,\"consent\":true}")) {
                List<String> types = new ArrayList<>();
                String message;
                do {
                    message = socket.nextText();
                    types.add(message == null ? "(closed)" : new ObjectMapper().readTree(message).path("type").asText());
                } while (message != null && !types.contains("ready"));
                assertThat(types).as("connection %d", i).contains("ready");
            }
        }
    }

    @Test
    void theUpgradeIsRefusedWithoutTheRightCandidateTokenOrFromAForeignPage() throws Exception {
        Joined j = join("Locked Out");
        String otherToken = join("Someone Else").token();
        String path = "/ws/interviews/" + j.id();
        assertThat(TestSocket.refusal(base, path, null)).isEqualTo(401);
        assertThat(TestSocket.refusal(base, path, "Bearer vc_forged")).isEqualTo(401);
        assertThat(TestSocket.refusal(base, path, otherToken)).isEqualTo(403);
        assertThat(TestSocket.refusal(base, "/ws/interviews/" + UUID.randomUUID(), otherToken)).isEqualTo(404);
        assertThat(TestSocket.refusal(base, path + "?ticket=wt_forged", null)).isEqualTo(401);
        assertThat(TestSocket.refusal(base, path, j.token(), "https://evil.example")).isEqualTo(403);

        String ownOrigin = base.toString().replaceAll("/$", "");
        TestSocket sameOrigin = TestSocket.connect(base, path, j.token(), ownOrigin);
        sameOrigin.send("{\"type\":\"ping\"}");
        sameOrigin.next("pong"); // served, so the next connection is the newer one
        TestSocket configured = TestSocket.connect(base, path, j.token(), "https://viva.example.test");
        assertThat(configured.closed).isNotDone();
        assertThat(sameOrigin.closed).as("the second connection took over").succeedsWithin(TestSocket.PATIENCE)
                .isEqualTo(4409);
    }

    @Test
    void aSecondConnectionTakesOverAndTheFirstIsToldWhy() throws Exception {
        Joined j = join("Two Tabs");
        TestSocket first = talking(j);
        assertThat(given().header("Authorization", RECRUITER).get("/api/v1/interviews/{id}", j.id())
                .then().statusCode(200).extract().<String>path("consentedAt")).as("never given").isNull();
        TestSocket second = connect(j);
        assertThat(first.closed).succeedsWithin(TestSocket.PATIENCE).isEqualTo(4409);
        JsonNode resumed = second.next("utterance");
        assertThat(resumed.get("seq").asInt()).isEqualTo(1);
        second.send("{\"type\":\"start\",\"speech\":false}");
        assertThat(second.next("utterance").get("seq").asInt()).isEqualTo(1);
        second.send("{\"type\":\"answer\",\"text\":\"I build APIs in Python.\",\"seq\":1}");
        assertThat(second.next("utterance").get("seq").asInt()).isEqualTo(2);
    }

    @Test
    void framesAndMessagesBeyondTheSizeLimitCloseTheSocketWith1009() throws Exception {
        Joined j = join("Big Frames");
        TestSocket socket = connect(j);
        socket.send(START_VOICE);
        socket.next("utterance");
        socket.sendBinary(new byte[70_000]);
        assertThat(socket.closed).succeedsWithin(TestSocket.PATIENCE).isEqualTo(1009);

        TestSocket text = connect(j);
        text.next("utterance"); // the session is open, so the limit and nothing else closes it
        text.send("{\"type\":\"answer\",\"text\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(text.closed).succeedsWithin(TestSocket.PATIENCE).isEqualTo(1009);
        // nothing was lost: the interview is where it was
        TestSocket after = connect(j);
        assertThat(after.next("utterance").get("seq").asInt()).isEqualTo(1);
    }

    @Test
    void audioBeforeStartAndOddLengthAudioAreRefusedWithoutClosing() throws Exception {
        Joined j = join("Odd Frames");
        TestSocket socket = connect(j);
        socket.sendBinary(new byte[640]);
        JsonNode early = socket.next("error");
        assertThat(early.get("code").asText()).isEqualTo("not-started");
        assertThat(early.get("status").asInt()).isEqualTo(409);
        socket.send(START_VOICE);
        await().atMost(Duration.ofSeconds(30)).until(whisper::isAvailable);
        socket.next("ready");
        socket.sendBinary(new byte[641]);
        JsonNode odd = socket.next("error");
        assertThat(odd.get("code").asText()).isEqualTo("odd-length-audio");
        assertThat(odd.get("detail").asText()).contains("641 bytes");
        socket.send("{\"type\":\"answer\",\"text\":\"I write Python services.\",\"seq\":1}");
        assertThat(socket.next("utterance").get("seq").asInt()).isEqualTo(2);
        assertThat(socket.closed).isNotDone();
    }

    @Test
    void theRealPipelineSpeaksTheQuestionStopsOnABargeInAndSaysItDidNotCatchWhatWhisperCouldNotRecognise()
            throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(whisper::isAvailable);
        Joined j = join("Real Pipeline");
        TestSocket socket = connect(j);
        socket.send(START_VOICE);
        JsonNode ready = socket.next("ready");
        assertThat(ready.get("mode").asText()).isEqualTo("voice");
        assertThat(ready.at("/output/sampleRate").asInt()).isEqualTo(16_000);
        JsonNode greeting = socket.next("utterance");
        int audioId = greeting.get("audioId").asInt();
        JsonNode start = socket.next("audio.start");
        assertThat(start.get("audioId").asInt()).isEqualTo(audioId);
        await().atMost(TestSocket.PATIENCE).until(() -> socket.binaryBytes.get() > 16_000); // FreeTTS speech

        // the candidate talks over the greeting: real speech, streamed at twice real time
        short[] speech = Arrays.copyOf(Wav.fixture("long-answer-with-pauses.wav"), 16 * 3_400);
        stream(socket, speech);
        JsonNode stop = socket.next("audio.stop");
        assertThat(stop.get("audioId").asInt()).isEqualTo(audioId);
        assertThat(stop.get("reason").asText()).isEqualTo("barge-in");
        socket.send("{\"type\":\"playback\",\"state\":\"stopped\",\"audioId\":" + audioId + ",\"playedMs\":1500}");
        stream(socket, Wav.silence(1_500));

        // whisper.cpp ran on the answer and heard nothing: the candidate is told and the question stays open (the
        // weightless model computes slowly: one run takes seconds here)
        JsonNode notice = socket.next("notice", Duration.ofSeconds(90));
        assertThat(notice.get("code").asText()).isEqualTo("not-caught");
        JsonNode reply = socket.next("utterance");
        assertThat(reply.get("kind").asText()).isEqualTo("not-caught");
        assertThat(reply.get("seq").asInt()).isEqualTo(1);

        JsonPath transcript = given().header("Authorization", RECRUITER)
                .get("/api/v1/interviews/{id}/transcript", j.id()).then().statusCode(200).extract().jsonPath();
        String heard = transcript.getString("turns[0].questionHeard");
        assertThat(heard).as("only what was played is recorded as heard").isNotBlank();
        assertThat(greeting.get("text").asText()).startsWith(heard);
        assertThat(heard.length()).isLessThan(greeting.get("text").asText().length());
        assertThat(transcript.getString("turns[0].answer")).isNull();
    }

    @Test
    void theCandidateEndsTheInterviewWithTheEndMessage() throws Exception {
        Joined j = join("Ends Early");
        TestSocket socket = talking(j);
        socket.send("{\"type\":\"end\"}");
        JsonNode closing = socket.next("utterance");
        assertThat(closing.get("kind").asText()).isEqualTo("closing");
        assertThat(closing.get("done").asBoolean()).isTrue();
        assertThat(closing.get("text").asText()).contains("stop here");
        assertThat(socket.next("completed")).isNotNull();
        given().header("Authorization", RECRUITER).get("/api/v1/interviews/{id}", j.id()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("COMPLETED"))
                .body("endReason", org.hamcrest.Matchers.equalTo("CANDIDATE_ENDED"));
    }

    @Test
    void cancellingTheInterviewClosesTheCandidatesSocket() throws Exception {
        Joined j = join("Cancelled Mid Way");
        TestSocket socket = talking(j);
        given().header("Authorization", RECRUITER).post("/api/v1/interviews/{id}/cancel", j.id())
                .then().statusCode(200);
        assertThat(socket.closed).succeedsWithin(TestSocket.PATIENCE).isEqualTo(4410);

        TestSocket late = connect(j);
        late.send("{\"type\":\"start\"}");
        JsonNode refused = late.next("error");
        assertThat(refused.get("status").asInt()).isEqualTo(409);
        assertThat(refused.get("detail").asText()).contains("CANCELLED");
        assertThat(late.closed).succeedsWithin(TestSocket.PATIENCE).isEqualTo(4410);
    }

    /** Streams 16 kHz audio in 20 ms frames at twice real time (within the rate limit's tolerance and burst). */
    static void stream(TestSocket socket, short[] audio) throws InterruptedException {
        for (int pos = 0; pos < audio.length; pos += 320) {
            socket.sendBinary(Pcm.encodeS16le(Arrays.copyOfRange(audio, pos, Math.min(audio.length, pos + 320))));
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
