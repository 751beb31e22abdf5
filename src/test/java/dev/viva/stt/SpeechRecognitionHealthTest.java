package dev.viva.stt;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application's recognizer with the test profile's model (weightless, explicitly allowed). */
@QuarkusTest
class SpeechRecognitionHealthTest {

    @Inject
    WhisperSpeechRecognizer recognizer;

    @Test
    void theModelIsLoadedInTheBackgroundAndReportedReady() {
        await().atMost(Duration.ofSeconds(30)).until(recognizer::isAvailable);
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'speech-recognition' }.data.state", equalTo("UP"))
                .body("checks.find { it.name == 'speech-recognition' }.data.weightless", equalTo(true))
                .body("checks.name", hasItem("speech-recognition"));
        Transcription silence = recognizer.transcribe(new short[16_000], SpeechRecognizer.Priority.FINAL)
                .toCompletableFuture().join();
        assertInstanceOf(Transcription.NotUnderstood.class, silence);
        assertTrue(recognizer.settings().workers() == 1);
    }
}
