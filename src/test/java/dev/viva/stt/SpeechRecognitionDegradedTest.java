package dev.viva.stt;

import dev.viva.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Without a usable model the server still starts and serves; speech recognition is reported DEGRADED. */
@QuarkusTest
@TestProfile(SpeechRecognitionDegradedTest.CorruptModel.class)
class SpeechRecognitionDegradedTest {

    public static class CorruptModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a real file that is not a model: whisper.cpp must never see it
            return Map.of("viva.stt.model", "pom.xml");
        }
    }

    @Inject
    WhisperSpeechRecognizer recognizer;

    @Test
    void healthSaysDegradedWithTheReasonAndCallersAreToldToType() {
        await().atMost(Duration.ofSeconds(30)).until(() -> recognizer.status() instanceof ModelStatus.Unavailable);
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'speech-recognition' }.data.state", equalTo("DEGRADED"))
                .body("checks.find { it.name == 'speech-recognition' }.data.reason", containsString("bad magic"))
                .body("checks.find { it.name == 'speech-recognition' }.data.effect", containsString("type"));
        assertFalse(recognizer.isAvailable());
        Transcription result = recognizer.transcribe(new short[16_000], SpeechRecognizer.Priority.FINAL)
                .toCompletableFuture().join();
        assertEquals(Transcription.Reason.UNAVAILABLE, assertInstanceOf(Transcription.Failed.class, result).reason());
        // the candidate's page learns it before the interview starts, so it can say "you'll type your answers"
        TestApi.Joined joined = TestApi.join("Typing Candidate", "tiny-role", "mid");
        given().header("Authorization", joined.token()).get("/api/v1/interviews/" + joined.id() + "/public")
                .then().statusCode(200).body("voiceAvailable", equalTo(false));
    }
}
