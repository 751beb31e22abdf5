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
import dev.viva.interview.Interview;
import dev.viva.interview.InterviewEvent;
import dev.viva.interview.InterviewStatus;
import dev.viva.interview.Turn;
import dev.viva.interview.repository.TurnRepository;
import dev.viva.interview.service.InterviewService;
import dev.viva.interviewer.AnswerScored;
import dev.viva.platform.cluster.Cluster;
import dev.viva.platform.cluster.ClusterMessage;
import dev.viva.platform.cluster.ClusterResync;
import dev.viva.role.RoleTemplates;
import dev.viva.role.RoleTemplate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans interview activity out to the recruiters watching it, on this replica and on the others. Facts from the
 * database (questions, answers, status) and the interviewer's scores are relayed only after their transaction
 * commits, so a watcher never sees something that was rolled back; ephemeral signals (partial transcripts, turn
 * state) are published directly by the voice pipeline. Watchers here get events at once; other replicas get a small
 * {@link LiveSignal} through the {@link Cluster} (facts inside the committing transaction, signals rate-limited) and
 * read what it refers to from the tables. A replica that may have missed signals sends its watchers a fresh snapshot.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    /** Key of the live events a transaction has fired so far, in its synchronization registry. */
    private static final Object PENDING = LiveHub.class.getName() + ".pending";

    private final Map<UUID, Set<WebSocketConnection>> watchers = new ConcurrentHashMap<>();
    /**
     * Per watched interview, the last turn whose answer came from another replica: a partial caption of that turn
     * still on its way (signals travel apart from facts) would otherwise show the answer as being spoken again.
     */
    private final Map<UUID, Integer> remotelyAnswered = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final Cluster cluster;
    private final InterviewService interviews;
    private final TurnRepository turns;
    private final RoleTemplates roles;

    public LiveHub(ObjectMapper json, TransactionSynchronizationRegistry transactions, Cluster cluster,
                   InterviewService interviews, TurnRepository turns, RoleTemplates roles) {
        this.json = json;
        this.transactions = transactions;
        this.cluster = cluster;
        this.interviews = interviews;
        this.turns = turns;
        this.roles = roles;
    }

    void watch(UUID interviewId, WebSocketConnection connection) {
        watchers.computeIfAbsent(interviewId, id -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void unwatch(UUID interviewId, WebSocketConnection connection) {
        watchers.computeIfPresent(interviewId, (id, set) -> {
            set.remove(connection);
            if (set.isEmpty()) {
                remotelyAnswered.remove(id);
                return null;
            }
            return set;
        });
    }

    /** What a watcher is sent first, and again whenever this replica may have missed events: the interview so far. */
    LiveEvent.Snapshot snapshot(UUID id) {
        Interview interview = interviews.get(id);
        var transcript = interviews.transcript(id).stream()
                .map(t -> new LiveEvent.SnapshotTurn(t.seq, t.phase, t.difficulty, t.questionText, t.answerText,
                        t.inputMode))
                .toList();
        String roleName = roles.version(interview.roleId, interview.roleVersion).map(RoleTemplate::name)
                .orElse(interview.roleId);
        return new LiveEvent.Snapshot(interview.candidateName, interview.roleId, roleName, interview.level.id(),
                interview.status, transcript);
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

    /**
     * An ephemeral signal from the voice pipeline (a partial caption, the turn state): to this replica's watchers at
     * once, to the other replicas' soon, the latest of each kind per interview winning.
     */
    public void signal(UUID interviewId, LiveEvent event) {
        publish(interviewId, event);
        switch (event) {
            case LiveEvent.PartialTranscript p ->
                    cluster.signal(LiveSignal.TOPIC, interviewId + ":partial", LiveSignal.Partial.of(interviewId, p));
            case LiveEvent.TurnState t ->
                    cluster.signal(LiveSignal.TOPIC, interviewId + ":state", new LiveSignal.State(interviewId, t.state()));
            default -> throw new IllegalArgumentException("not an ephemeral live event: " + event);
        }
    }

    /** To this replica's watchers of the interview. */
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
        cluster.sendInTransaction(LiveSignal.TOPIC, switch (event) {
            case InterviewEvent.Started s -> new LiveSignal.StatusChanged(s.interviewId(), InterviewStatus.IN_PROGRESS,
                    s.at(), null);
            case InterviewEvent.Completed c -> new LiveSignal.StatusChanged(c.interviewId(), InterviewStatus.COMPLETED,
                    c.at(), null);
            case InterviewEvent.Abandoned a -> new LiveSignal.StatusChanged(a.interviewId(), InterviewStatus.ABANDONED,
                    a.at(), a.reason());
            case InterviewEvent.Cancelled c -> new LiveSignal.StatusChanged(c.interviewId(), InterviewStatus.CANCELLED,
                    c.at(), null);
            case InterviewEvent.TurnAsked t -> new LiveSignal.Asked(t.interviewId(), t.seq());
            case InterviewEvent.TurnAnswered t -> new LiveSignal.Answered(t.interviewId(), t.seq());
            case InterviewEvent.ReportReady r -> new LiveSignal.ReportReady(r.interviewId());
            case InterviewEvent.ReportUpdated r -> new LiveSignal.ReportReady(r.interviewId());
        });
        LiveEvent live = switch (event) {
            case InterviewEvent.Started s -> new LiveEvent.Status(InterviewStatus.IN_PROGRESS, s.at(), null);
            case InterviewEvent.Completed c -> new LiveEvent.Status(InterviewStatus.COMPLETED, c.at(), null);
            case InterviewEvent.Abandoned a -> new LiveEvent.Status(InterviewStatus.ABANDONED, a.at(), a.reason());
            case InterviewEvent.Cancelled c -> new LiveEvent.Status(InterviewStatus.CANCELLED, c.at(), null);
            case InterviewEvent.TurnAsked t -> new LiveEvent.Question(t.seq(), t.phase(), t.difficulty(), t.question(), t.at());
            case InterviewEvent.TurnAnswered t -> new LiveEvent.Answer(t.seq(), t.answer(), t.mode(), t.at());
            case InterviewEvent.ReportReady r -> reportReady(r.interviewId());
            case InterviewEvent.ReportUpdated r -> reportReady(r.interviewId());
        };
        afterCommit(event.interviewId(), live);
    }

    void onScored(@Observes AnswerScored scored) {
        double relevance = Math.round(scored.relevance() * 100) / 100.0;
        cluster.sendInTransaction(LiveSignal.TOPIC, new LiveSignal.Scored(scored.interviewId(), scored.seq(),
                scored.score(), relevance));
        afterCommit(scored.interviewId(), new LiveEvent.Score(scored.seq(), scored.score(), relevance));
    }

    private static LiveEvent.ReportReady reportReady(UUID interviewId) {
        return new LiveEvent.ReportReady("/api/v1/interviews/" + interviewId + "/report");
    }

    /** A signal from another replica: relayed to this replica's watchers of that interview, if it has any. */
    void onRemote(@Observes ClusterMessage message) {
        if (!LiveSignal.TOPIC.equals(message.topic())) {
            return;
        }
        LiveSignal signal;
        try {
            signal = json.treeToValue(message.body(), LiveSignal.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignoring a live signal this version does not read: %s", message.body());
            return;
        }
        UUID id = signal.interviewId();
        if (watcherCount(id) == 0) {
            return; // nobody here watches it: not worth a read
        }
        LiveEvent event = switch (signal) {
            case LiveSignal.Asked a -> turn(id, a.seq()).map(t -> (LiveEvent) new LiveEvent.Question(t.seq, t.phase,
                    t.difficulty, t.questionText, t.askedAt)).orElse(null);
            case LiveSignal.Answered a -> {
                remotelyAnswered.merge(id, a.seq(), Math::max);
                yield turn(id, a.seq()).filter(Turn::isAnswered).map(t -> (LiveEvent) new LiveEvent.Answer(t.seq,
                        t.answerText, t.inputMode, t.answeredAt)).orElse(null);
            }
            case LiveSignal.Scored s -> new LiveEvent.Score(s.seq(), s.score(), s.relevance());
            case LiveSignal.StatusChanged s -> new LiveEvent.Status(s.status(), s.at(), s.reason());
            case LiveSignal.ReportReady r -> reportReady(id);
            case LiveSignal.Partial p -> p.seq() <= remotelyAnswered.getOrDefault(id, 0) ? null
                    : new LiveEvent.PartialTranscript(p.seq(), p.text());
            case LiveSignal.State s -> new LiveEvent.TurnState(s.state());
        };
        if (event != null) {
            publish(id, event);
        }
    }

    /** The turn a signal refers to; empty if the interview was erased in the meantime. */
    private Optional<Turn> turn(UUID interviewId, int seq) {
        return QuarkusTransaction.requiringNew().call(() -> turns.find("interviewId = ?1 and seq = ?2", interviewId,
                seq).firstResultOptional());
    }

    /**
     * The listening connection (re)opened: whatever other replicas signalled before is lost, so every watcher here
     * gets the interview again from the database, as a snapshot that replaces its view.
     */
    void onResync(@Observes ClusterResync resync) {
        for (UUID id : watchers.keySet()) {
            try {
                publish(id, QuarkusTransaction.requiringNew().call(() -> snapshot(id)));
            } catch (RuntimeException e) {
                LOG.debugf("No snapshot of interview %s after the cluster reconnected: %s", id, e.getMessage());
            }
        }
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
