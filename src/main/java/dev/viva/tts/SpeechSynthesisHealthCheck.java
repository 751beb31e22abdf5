package dev.viva.tts;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports text-to-speech under {@code /q/health/ready} as check {@code text-to-speech}. The check itself is always UP,
 * because interviews go on with the interviewer's text alone and taking the server out of a load balancer would stop
 * them; the {@code state} field says {@code UP}, {@code PREPARING}, {@code DEGRADED} or {@code DISABLED}.
 */
@Readiness
@ApplicationScoped
public class SpeechSynthesisHealthCheck implements HealthCheck {

    private static final String TEXT_ONLY = "the interviewer's questions are sent as text only";

    private final FreeTtsSpeechSynthesizer synthesizer;

    SpeechSynthesisHealthCheck(FreeTtsSpeechSynthesizer synthesizer) {
        this.synthesizer = synthesizer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("text-to-speech").up();
        switch (synthesizer.status()) {
            case SynthesizerStatus.Ready ready -> response.withData("state", "UP")
                    .withData("voice", ready.voice())
                    .withData("workers", ready.workers());
            case SynthesizerStatus.Preparing preparing -> response.withData("state", "PREPARING")
                    .withData("activity", preparing.activity());
            case SynthesizerStatus.Unavailable unavailable -> response.withData("state", "DEGRADED")
                    .withData("reason", unavailable.reason())
                    .withData("effect", TEXT_ONLY);
            case SynthesizerStatus.Disabled disabled -> response.withData("state", "DISABLED")
                    .withData("effect", TEXT_ONLY);
        }
        return response.build();
    }
}
