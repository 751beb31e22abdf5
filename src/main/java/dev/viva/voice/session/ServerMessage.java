package dev.viva.voice.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.viva.interviewer.Utterance;
import dev.viva.interviewer.UtteranceKind;
import dev.viva.role.Phase;
import dev.viva.voice.AudioFormat;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the server sends the candidate as JSON text, discriminated by {@code type} (docs/voice.md). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = ServerMessage.Said.class, name = "utterance"),
        @JsonSubTypes.Type(value = ServerMessage.SaidSoFar.class, name = "utterance.delta"),
        @JsonSubTypes.Type(value = ServerMessage.Progress.class, name = "progress"),
        @JsonSubTypes.Type(value = ServerMessage.AudioStart.class, name = "audio.start"),
        @JsonSubTypes.Type(value = ServerMessage.AudioEnd.class, name = "audio.end"),
        @JsonSubTypes.Type(value = ServerMessage.AudioStop.class, name = "audio.stop"),
        @JsonSubTypes.Type(value = ServerMessage.State.class, name = "state"),
        @JsonSubTypes.Type(value = ServerMessage.PartialTranscript.class, name = "transcript.partial"),
        @JsonSubTypes.Type(value = ServerMessage.FinalTranscript.class, name = "transcript.final"),
        @JsonSubTypes.Type(value = ServerMessage.Notice.class, name = "notice"),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerMessage.Completed.class, name = "completed"),
        @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong")})
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection(targets = {ServerMessage.Ready.class, ServerMessage.Limits.class, ServerMessage.Said.class,
        ServerMessage.SaidSoFar.class,
        ServerMessage.Progress.class, ServerMessage.AudioStart.class, ServerMessage.AudioEnd.class,
        ServerMessage.AudioStop.class, ServerMessage.State.class, ServerMessage.PartialTranscript.class,
        ServerMessage.FinalTranscript.class, ServerMessage.Notice.class, ServerMessage.Error.class,
        ServerMessage.Completed.class, ServerMessage.Pong.class, AudioFormat.class, TurnLatency.class})
public sealed interface ServerMessage {

    /** The answer to {@code start}: how this session works. {@code mode} is {@code voice} or {@code text}. */
    record Ready(String mode, AudioFormat input, AudioFormat output, String reason, Limits limits)
            implements ServerMessage {
    }

    record Limits(int maxFrameBytes, int maxMessageBytes, long maxUtteranceMs, long idleTimeoutMs) {
    }

    /** What the interviewer says; its audio, if any, follows under {@code audioId}. */
    record Said(int seq, UtteranceKind kind, String text, Phase phase, int difficulty, boolean done,
                Integer audioId) implements ServerMessage {

        public static Said of(Utterance u, Integer audioId) {
            return new Said(u.seq(), u.kind(), u.text(), u.phase(), u.difficulty(), u.done(), audioId);
        }
    }

    /**
     * A sentence of a reply that is spoken while it is still being generated, for captions; its audio is under
     * {@code audioId}. The whole reply follows as an {@code utterance} with the same {@code audioId} once complete.
     */
    record SaidSoFar(int audioId, String text) implements ServerMessage {
    }

    /** Where the interview stands in its plan. */
    record Progress(Phase phase, int phaseIndex, int phaseCount, long elapsedSeconds, long remainingSeconds)
            implements ServerMessage {
    }

    /**
     * The interviewer's audio {@code audioId} follows. When it answers a spoken answer, {@code latency} says where
     * the time since the candidate's last voiced sample went (the client's first audio arrives right after this).
     */
    record AudioStart(int audioId, int sampleRate, TurnLatency latency) implements ServerMessage {
    }

    record AudioEnd(int audioId, long durationMs) implements ServerMessage {
    }

    /** Stop playing {@code audioId} now and drop what is queued. */
    record AudioStop(int audioId, String reason) implements ServerMessage {
    }

    /** listening, thinking, speaking or paused. */
    record State(String state) implements ServerMessage {
    }

    record PartialTranscript(int seq, String text) implements ServerMessage {
    }

    record FinalTranscript(int seq, String text) implements ServerMessage {
    }

    record Notice(String code, String detail) implements ServerMessage {
    }

    /** A refused message or frame; the socket stays open. */
    record Error(int status, String code, String detail) implements ServerMessage {
    }

    record Completed(String status, String reportUrl) implements ServerMessage {
    }

    record Pong() implements ServerMessage {
    }
}
