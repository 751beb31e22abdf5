package dev.viva.live;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.viva.interview.InputMode;
import dev.viva.interview.InterviewStatus;
import dev.viva.role.Phase;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/** What a recruiter watching an interview receives, one JSON message each, discriminated by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LiveEvent.Snapshot.class, name = "snapshot"),
        @JsonSubTypes.Type(value = LiveEvent.Status.class, name = "status"),
        @JsonSubTypes.Type(value = LiveEvent.Question.class, name = "question"),
        @JsonSubTypes.Type(value = LiveEvent.PartialTranscript.class, name = "transcript.partial"),
        @JsonSubTypes.Type(value = LiveEvent.Answer.class, name = "answer"),
        @JsonSubTypes.Type(value = LiveEvent.TurnState.class, name = "state"),
        @JsonSubTypes.Type(value = LiveEvent.Score.class, name = "score"),
        @JsonSubTypes.Type(value = LiveEvent.ReportReady.class, name = "report")})
@RegisterForReflection(targets = {LiveEvent.Snapshot.class, LiveEvent.SnapshotTurn.class, LiveEvent.Status.class,
        LiveEvent.Question.class, LiveEvent.PartialTranscript.class, LiveEvent.Answer.class, LiveEvent.TurnState.class,
        LiveEvent.Score.class, LiveEvent.ReportReady.class})
public sealed interface LiveEvent {

    /** Sent first to every watcher, so one who joins late has the transcript so far. */
    record Snapshot(String candidateName, String role, String roleName, String level, InterviewStatus status,
                    List<SnapshotTurn> turns) implements LiveEvent {
    }

    record SnapshotTurn(int seq, Phase phase, int difficulty, String question, String answer, InputMode inputMode) {
    }

    record Status(InterviewStatus status, Instant at, String reason) implements LiveEvent {
    }

    record Question(int seq, Phase phase, int difficulty, String text, Instant at) implements LiveEvent {
    }

    /** What the candidate has said so far in the current answer; replaced by the next partial or by the answer. */
    record PartialTranscript(int seq, String text) implements LiveEvent {
    }

    record Answer(int seq, String text, InputMode inputMode, Instant at) implements LiveEvent {
    }

    /** listening, thinking or speaking: whose turn it is right now. */
    record TurnState(String state) implements LiveEvent {
    }

    record Score(int seq, int score, double relevance) implements LiveEvent {
    }

    record ReportReady(String url) implements LiveEvent {
    }
}
