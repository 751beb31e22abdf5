package dev.viva.voice.socket;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** What one replica tells the others about candidate sessions (NOTIFY payloads, see {@code Cluster}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "k")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SessionSignal.TakenOver.class, name = "taken-over"),
        @JsonSubTypes.Type(value = SessionSignal.Ended.class, name = "ended")})
@RegisterForReflection(targets = {SessionSignal.TakenOver.class, SessionSignal.Ended.class})
sealed interface SessionSignal {

    String TOPIC = "session";

    UUID interviewId();

    /** A connection claimed the interview with this generation: any session with a lower one closes (4409). */
    record TakenOver(UUID interviewId, long generation) implements SessionSignal {
    }

    /** The interview was cancelled or abandoned: its session closes wherever it is (4410). */
    record Ended(UUID interviewId, String reason) implements SessionSignal {
    }
}
