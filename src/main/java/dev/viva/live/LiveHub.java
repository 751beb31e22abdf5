package dev.viva.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.interview.InterviewEvent;
import dev.viva.interview.InterviewStatus;
import dev.viva.interviewer.AnswerScored;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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

    private final Map<UUID, Set<WebSocketConnection>> watchers = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public LiveHub(ObjectMapper json) {
        this.json = json;
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

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) InterviewEvent event) {
        LiveEvent live = switch (event) {
            case InterviewEvent.Started s -> new LiveEvent.Status(InterviewStatus.IN_PROGRESS, s.at(), null);
            case InterviewEvent.Completed c -> new LiveEvent.Status(InterviewStatus.COMPLETED, c.at(), null);
            case InterviewEvent.Abandoned a -> new LiveEvent.Status(InterviewStatus.ABANDONED, a.at(), a.reason());
            case InterviewEvent.Cancelled c -> new LiveEvent.Status(InterviewStatus.CANCELLED, c.at(), null);
            case InterviewEvent.TurnAsked t -> new LiveEvent.Question(t.seq(), t.phase(), t.difficulty(), t.question(), t.at());
            case InterviewEvent.TurnAnswered t -> new LiveEvent.Answer(t.seq(), t.answer(), t.mode(), t.at());
            case InterviewEvent.ReportReady r -> new LiveEvent.ReportReady("/api/v1/interviews/" + r.interviewId() + "/report");
        };
        publish(event.interviewId(), live);
    }

    void onScored(@Observes(during = TransactionPhase.AFTER_SUCCESS) AnswerScored scored) {
        publish(scored.interviewId(), new LiveEvent.Score(scored.seq(), scored.score(),
                Math.round(scored.relevance() * 100) / 100.0));
    }
}
