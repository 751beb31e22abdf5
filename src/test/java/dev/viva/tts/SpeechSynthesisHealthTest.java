package dev.viva.tts;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The running application's synthesizer: loaded in the background, reported ready, and speaking. */
@QuarkusTest
class SpeechSynthesisHealthTest {

    @Inject
    SpeechSynthesizer synthesizer;

    @Test
    void theVoiceIsLoadedInTheBackgroundReportedReadyAndSpeaks() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(synthesizer::isAvailable);
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'text-to-speech' }.data.state", equalTo("UP"))
                .body("checks.find { it.name == 'text-to-speech' }.data.voice", equalTo("kevin16"))
                .body("checks.find { it.name == 'text-to-speech' }.data.workers", equalTo(1));

        RecordingListener recorder = new RecordingListener();
        synthesizer.synthesize("Welcome to your interview.", recorder);
        recorder.awaitEnd();
        assertThat(recorder.events.getLast()).isEqualTo("complete");
        assertThat(recorder.chunks).isNotEmpty()
                .allSatisfy(chunk -> assertThat(chunk.text()).isEqualTo("Welcome to your interview."));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("viva_tts_cache_total{result=\"miss\"}"));
    }
}
