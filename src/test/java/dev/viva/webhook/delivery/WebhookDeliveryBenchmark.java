package dev.viva.webhook.delivery;

import dev.viva.interview.EndReason;
import dev.viva.interview.service.InterviewService;
import dev.viva.webhook.EventType;
import dev.viva.webhook.Receiver;
import dev.viva.webhook.WebhookFixtures;
import dev.viva.webhook.service.EndpointService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * Prints delivery figures; run with {@code ./mvnw -B test -Dtest=WebhookDeliveryBenchmark -Dviva.bench=true}.
 * Not part of the normal suite (figures belong in docs/webhooks-benchmarks.md, never in assertions).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "viva.bench", matches = "true")
class WebhookDeliveryBenchmark {

    @Inject
    WebhookFixtures fixtures;
    @Inject
    EndpointService endpoints;
    @Inject
    InterviewService interviews;
    @Inject
    Dispatcher dispatcher;

    @AfterEach
    void cleanUp() {
        fixtures.deleteAllEndpoints();
    }

    @Test
    void throughputAndCompletionToReceiptLatency() {
        try (Receiver receiver = Receiver.alwaysOk()) {
            var e = fixtures.subscribe(receiver, EventType.PING, EventType.INTERVIEW_COMPLETED);
            UUID endpointId = e.endpoint().id;

            // warm-up
            for (int i = 0; i < 50; i++) {
                endpoints.ping(endpointId);
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> receiver.requests().size() == 50);

            int n = Integer.getInteger("viva.bench.messages", 2000);
            int before = receiver.requests().size();
            // queue everything first so the figure is the dispatcher's rate, not the rate of queueing
            dispatcher.stop();
            for (int i = 0; i < n; i++) {
                endpoints.ping(endpointId);
            }
            long t0 = System.nanoTime();
            dispatcher.start();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> receiver.requests().size() >= before + n);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("BENCH webhook throughput: %d messages queued, delivered in %.2f s = %.0f deliveries/s%n",
                    n, seconds, n / seconds);

            // time from the interview's completion commit to the receiver having the webhook
            int k = Integer.getInteger("viva.bench.interviews", 50);
            Map<UUID, Long> completedAt = new ConcurrentHashMap<>();
            List<Long> latenciesMs = new ArrayList<>();
            int base = receiver.requests().size();
            for (int i = 0; i < k; i++) {
                UUID id = fixtures.newInterview();
                interviews.start(id);
                long t = System.nanoTime();
                interviews.complete(id, EndReason.PLAN_COMPLETE);
                completedAt.put(id, t);
                int expected = base + i + 1;
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                        .until(() -> receiver.requests().size() >= expected);
                Receiver.Request r = receiver.requests().get(expected - 1);
                latenciesMs.add((r.nanoTime() - t) / 1_000_000);
            }
            latenciesMs.sort(Long::compare);
            System.out.printf("BENCH completion->webhook received over %d interviews: p50 %d ms, p95 %d ms, max %d ms%n",
                    k, latenciesMs.get(k / 2), latenciesMs.get((int) (k * 0.95)), latenciesMs.getLast());
        }
    }
}
