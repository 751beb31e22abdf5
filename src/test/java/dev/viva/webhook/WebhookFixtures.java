package dev.viva.webhook;

import com.standardwebhooks.Webhook;
import dev.viva.interview.service.InterviewService;
import dev.viva.role.Level;
import dev.viva.webhook.service.EndpointService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Shared set-up for the webhook tests that run against the real server. */
@ApplicationScoped
public class WebhookFixtures {

    private final EndpointService endpoints;
    private final InterviewService interviews;
    private final EntityManager em;

    WebhookFixtures(EndpointService endpoints, InterviewService interviews, EntityManager em) {
        this.endpoints = endpoints;
        this.interviews = interviews;
        this.em = em;
    }

    public EndpointService.WithSecret subscribe(Receiver receiver, EventType... types) {
        return endpoints.create(receiver.url(), Arrays.asList(types), "test receiver");
    }

    public UUID newInterview() {
        return interviews.create("Ada Lovelace", "ada@example.com", "tiny-role", Level.MID).interview().id;
    }

    public void deleteAllEndpoints() {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from WebhookEndpoint").executeUpdate());
    }

    public List<WebhookMessage> messagesOf(UUID endpointId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from WebhookMessage where endpointId = :e order by createdAt", WebhookMessage.class)
                .setParameter("e", endpointId).getResultList());
    }

    public WebhookMessage message(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(WebhookMessage.class, id));
    }

    public WebhookEndpoint endpoint(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(WebhookEndpoint.class, id));
    }

    public List<WebhookAttempt> attemptsOf(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from WebhookAttempt where messageId = :m order by attempt", WebhookAttempt.class)
                .setParameter("m", messageId).getResultList());
    }

    /** Verifies a received request with the Standard Webhooks reference library; throws if it does not verify. */
    public static void verify(String secret, Receiver.Request request) throws Exception {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        new Webhook(secret).verify(request.body(), headers);
    }
}
