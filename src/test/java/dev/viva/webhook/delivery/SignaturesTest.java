package dev.viva.webhook.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignaturesTest {

    /** The test vector published with the Standard Webhooks reference implementations. */
    @Test
    void reproducesThePublishedTestVector() {
        assertThat(Signatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void newSecretsAreStandardWebhooksSecretsOf32RandomBytes() {
        String a = Signatures.newSecret();
        String b = Signatures.newSecret();
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(32);
    }

    @Test
    void theReferenceLibraryVerifiesOurSignatureAndRejectsATamperedBody() throws Exception {
        String secret = Signatures.newSecret();
        long ts = Instant.now().getEpochSecond();
        String body = "{\"type\":\"ping\",\"timestamp\":\"2026-11-22T10:00:00Z\",\"data\":{}}";
        String sig = Signatures.header(List.of(secret), "msg_1", ts, body);

        new Webhook(secret).verify(body, headers("msg_1", ts, sig));
        assertThatThrownBy(() -> new Webhook(secret).verify(body.replace("ping", "pong"), headers("msg_1", ts, sig)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(Signatures.newSecret()).verify(body, headers("msg_1", ts, sig)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() throws Exception {
        String current = Signatures.newSecret();
        String previous = Signatures.newSecret();
        long ts = Instant.now().getEpochSecond();
        String header = Signatures.header(List.of(current, previous), "msg_2", ts, "{}");

        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        new Webhook(current).verify("{}", headers("msg_2", ts, header));
        new Webhook(previous).verify("{}", headers("msg_2", ts, header));
    }

    private static Map<String, List<String>> headers(String id, long ts, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(ts)),
                "webhook-signature", List.of(signature));
    }
}
