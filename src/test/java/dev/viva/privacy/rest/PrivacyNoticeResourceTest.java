package dev.viva.privacy.rest;

import dev.viva.TestApi;
import dev.viva.stt.SpeechRecognizer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** What a candidate is told before the interview: the installation's privacy notice, and whether they can speak. */
@QuarkusTest
class PrivacyNoticeResourceTest {

    @Inject
    SpeechRecognizer recognizer;

    @Test
    void theNoticeNeedsNoCredentialsAndCarriesTheInstallationsSettings() {
        // the test profile names a company and a contact and sets no retention period
        given().when().get("/api/v1/privacy-notice").then().statusCode(200)
                .body("companyName", equalTo("Acme Test Ltd"))
                .body("contactEmail", equalTo("privacy@acme.test"))
                .body("accommodationContact", equalTo("privacy@acme.test"))
                .body("keptForDays", nullValue())
                .body("extraText", nullValue());
        given().accept("text/csv").when().get("/api/v1/privacy-notice").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void theCandidateViewSaysWhetherAnswersCanBeSpokenNow() {
        TestApi.Joined joined = TestApi.join("Voice Check", "tiny-role", "mid");
        given().header("Authorization", joined.token()).get("/api/v1/interviews/" + joined.id() + "/public")
                .then().statusCode(200).body("voiceAvailable", equalTo(recognizer.isAvailable()));
    }
}
