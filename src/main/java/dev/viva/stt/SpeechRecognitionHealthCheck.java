package dev.viva.stt;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports speech recognition under {@code /q/health/ready} as check {@code speech-recognition}. The check itself is
 * always UP, because interviews still work by typing and taking the server out of a load balancer would stop them;
 * the {@code state} field says {@code UP}, {@code PREPARING} or {@code DEGRADED}, with the reason.
 */
@Readiness
@ApplicationScoped
public class SpeechRecognitionHealthCheck implements HealthCheck {

    private final WhisperSpeechRecognizer recognizer;

    SpeechRecognitionHealthCheck(WhisperSpeechRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("speech-recognition").up();
        switch (recognizer.status()) {
            case ModelStatus.Ready ready -> response.withData("state", "UP")
                    .withData("model", ready.file().toString())
                    .withData("size", ready.info().hyperParameters().sizeName())
                    .withData("weightless", ready.info().weightless());
            case ModelStatus.Preparing preparing -> response.withData("state", "PREPARING")
                    .withData("activity", preparing.activity());
            case ModelStatus.Unavailable unavailable -> response.withData("state", "DEGRADED")
                    .withData("reason", unavailable.reason())
                    .withData("effect", "candidates are asked to type their answers");
        }
        return response.build();
    }
}
