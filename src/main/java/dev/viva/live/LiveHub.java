package dev.viva.live;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.interview.InterviewEvent;
import dev.viva.interview.InterviewStatus;
import dev.viva.interviewer.AnswerScored;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans interview activity out to the recruiters watching it. Facts from the database (questions, answers, status)
 * and the interviewer's scores are relayed only after their transaction commits, so a watcher never sees something
 * that was rolled back; ephemeral signals (partial transcripts, turn state) are published directly by the voice
 * pipeline.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    /** Key of the live events a transaction has fired so far, in its synchronization registry. */
    private static final Object PENDING = LiveHub.class.getName() + ".pending";

    private final Map<UUID, Set<WebSocketConnection>> watchers = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;

    public LiveHub(ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        this.json = json;
        this.transactions = transactions;
    }

    void watch(UUID interviewId, WebSocketConnection connection) {
        watchers.computeIfAbsent(interviewId, id -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void unwatch(UUID interviewId, WebSocketConnection connection) {
        watchers.computeIfPresent(interviewId, (id, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /** Why recruiters' live views close when the server stops: they reconnect and get a fresh snapshot. */
    public static final String SHUTDOWN_REASON = "the server is restarting; reconnecting shows the interview again";

    void onStop(@Observes @Priority(10) ShutdownEvent event) {
        closeAll(Duration.ofSeconds(5));
    }

    /**
     * A graceful stop begins (SIGTERM; quarkus.shutdown.delay-enabled): the sockets close here, while the HTTP server
     * still runs, which ShutdownEvent is too late for (by then the server has closed them with a bare 1000).
     */
    void onStopping(@Observes ShutdownDelayInitiatedEvent event) {
        closeAll(Duration.ofSeconds(5));
    }

    /** Closes every live view with 1001 and {@link #SHUTDOWN_REASON}, waiting up to {@code grace} for the frames. */
    public void closeAll(Duration grace) {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        watchers.values().forEach(set -> set.forEach(c -> {
            if (c.isOpen()) {
                CompletableFuture<Void> closed = new CompletableFuture<>();
                closing.add(closed);
                c.close(new CloseReason(1001, SHUTDOWN_REASON)).subscribe()
                        .with(ok -> closed.complete(null), err -> closed.complete(null));
            }
        }));
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf("Some live views were not closed within %s of the shutdown", grace);
        }
    }

    public int watcherCount(UUID interviewId) {
        return watchers.getOrDefault(interviewId, Set.of()).size();
    }

    public void publish(UUID interviewId, LiveEvent event) {
        Set<WebSocketConnection> targets = watchers.get(interviewId);
        if (targets == null || targets.isEmpty()) {
            return;
        }
        String message = encode(event);
        for (WebSocketConnection c : targets) {
            if (c.isOpen()) {
                c.sendText(message).subscribe().with(ok -> { }, err ->
                        LOG.debugf("Could not send to live watcher %s: %s", c.id(), err.getMessage()));
            }
        }
    }

    String encode(LiveEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("live events are plain records and always serialise", e);
        }
    }

    void onEvent(@Observes InterviewEvent event) {
        LiveEvent live = switch (event) {
            case InterviewEvent.Started s -> new LiveEvent.Status(InterviewStatus.IN_PROGRESS, s.at(), null);
            case InterviewEvent.Completed c -> new LiveEvent.Status(InterviewStatus.COMPLETED, c.at(), null);
            case InterviewEvent.Abandoned a -> new LiveEvent.Status(InterviewStatus.ABANDONED, a.at(), a.reason());
            case InterviewEvent.Cancelled c -> new LiveEvent.Status(InterviewStatus.CANCELLED, c.at(), null);
            case InterviewEvent.TurnAsked t -> new LiveEvent.Question(t.seq(), t.phase(), t.difficulty(), t.question(), t.at());
            case InterviewEvent.TurnAnswered t -> new LiveEvent.Answer(t.seq(), t.answer(), t.mode(), t.at());
            case InterviewEvent.ReportReady r -> new LiveEvent.ReportReady("/api/v1/interviews/" + r.interviewId() + "/report");
        };
        afterCommit(event.interviewId(), live);
    }

    void onScored(@Observes AnswerScored scored) {
        afterCommit(scored.interviewId(), new LiveEvent.Score(scored.seq(), scored.score(),
                Math.round(scored.relevance() * 100) / 100.0));
    }

    /**
     * Publishes once the transaction that fired the event commits, and not at all if it rolls back, keeping the
     * order in which the transaction fired its events (one transaction answers a turn and asks the next one).
     */
    private void afterCommit(UUID interviewId, LiveEvent event) {
        if (transactions.getTransactionKey() == null) {
            publish(interviewId, event);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Runnable> pending = (List<Runnable>) transactions.getResource(PENDING);
        if (pending == null) {
            List<Runnable> created = new ArrayList<>();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        created.forEach(Runnable::run);
                    }
                }
            });
            pending = created;
        }
        pending.add(() -> publish(interviewId, event));
    }
}
