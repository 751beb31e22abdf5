package dev.viva.webhook.delivery;

import dev.viva.webhook.WebhookConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends due outbox messages. Each replica runs one loop that claims a batch (under a lease, see {@link OutboxStore}),
 * sends it concurrently on a bounded pool of sender threads, and records each outcome in its own transaction. The loop sleeps for the
 * poll interval, or less when a committed transaction has queued new messages ({@link #wake()}).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final OutboxStore store;
    private final TargetGuard guard;
    private final PinnedHttpSender sender;
    private final WebhookConfig config;
    private final Semaphore wakeups = new Semaphore(0);
    private final ExecutorService senders;
    private Thread loop;
    private volatile boolean running;

    Dispatcher(OutboxStore store, TargetGuard guard, PinnedHttpSender sender, WebhookConfig config) {
        this.store = store;
        this.guard = guard;
        this.sender = sender;
        this.config = config;
        // platform threads, bounded: attempts block on sockets and the database, and each holds a pooled connection
        // while it records its outcome
        this.senders = Executors.newFixedThreadPool(config.dispatcher().concurrency(),
                Thread.ofPlatform().name("webhook-sender-", 0).daemon().factory());
    }

    void onStart(@Observes StartupEvent event) {
        if (config.dispatcher().enabled()) {
            start();
        }
    }

    /** Drains: the batch in flight is sent and its outcomes recorded before the process goes (claims are leases). */
    void onStop(@Observes ShutdownEvent event) {
        stop();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(config.attemptTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                LOG.warn("Webhook deliveries still running at shutdown; their claims expire and they are retried");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofPlatform().name("webhook-dispatcher").daemon().start(this::run);
    }

    /** Stops the loop after the batch in flight has been sent and recorded. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeups.release();
        try {
            loop.join(config.attemptTimeout().toMillis() + 30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    public boolean isRunning() {
        return running;
    }

    /** Asks the loop to poll now rather than at the end of its interval. */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private void run() {
        while (running) {
            int sent = 0;
            try {
                sent = runOnce();
            } catch (RuntimeException e) {
                LOG.warn("Webhook dispatch failed; retrying at the next poll", e);
            }
            if (sent < config.dispatcher().batchSize()) {
                try {
                    wakeups.tryAcquire(config.dispatcher().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Claims one batch of due messages, sends them and records the outcomes; returns how many were attempted. */
    public int runOnce() {
        List<OutboxStore.Claim> claims = store.claim(config.dispatcher().batchSize(), config.dispatcher().lease());
        if (claims.isEmpty()) {
            return 0;
        }
        List<Callable<Void>> tasks = claims.stream().<Callable<Void>>map(c -> () -> {
            deliver(c);
            return null;
        }).toList();
        try {
            senders.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return claims.size();
    }

    private void deliver(OutboxStore.Claim claim) {
        try {
            OutboxStore.Outcome outcome = attempt(claim);
            store.record(claim, outcome);
        } catch (RuntimeException e) {
            // the lease runs out and the message is tried again: at-least-once, never lost
            LOG.warnf(e, "Could not record attempt %d of webhook message %s", claim.attempt(), claim.messageId());
        }
    }

    private OutboxStore.Outcome attempt(OutboxStore.Claim claim) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try {
            TargetGuard.Target target = guard.check(claim.url());
            long timestamp = Instant.now().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("User-Agent", "Viva-Webhooks/1");
            headers.put("webhook-id", claim.messageId());
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", Signatures.header(claim.secrets(), claim.messageId(), timestamp,
                    claim.payload()));
            PinnedHttpSender.Response r = sender.post(target, headers, claim.payload().getBytes(StandardCharsets.UTF_8),
                    config.attemptTimeout(), config.responseBodyLimit());
            return new OutboxStore.Outcome(started, elapsedMs(t0), r.status(), r.body(), r.headers().get("retry-after"),
                    r.status() >= 300 && r.status() < 400 ? "redirects are not followed" : null);
        } catch (TargetGuard.Refused e) {
            return new OutboxStore.Outcome(started, elapsedMs(t0), null, null, null, "refused: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            return new OutboxStore.Outcome(started, elapsedMs(t0), null, null, null,
                    "timed out after " + config.attemptTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return new OutboxStore.Outcome(started, elapsedMs(t0), null, null, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static int elapsedMs(long t0) {
        return (int) ((System.nanoTime() - t0) / 1_000_000);
    }
}
