package dev.viva.live;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.viva.interview.InterviewStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * What one replica tells the others about an interview's live view, as a NOTIFY payload: small, so the text of
 * questions and answers is not carried but read from the turn by the replica whose recruiters watch.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "k")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LiveSignal.Asked.class, name = "asked"),
        @JsonSubTypes.Type(value = LiveSignal.Answered.class, name = "answered"),
        @JsonSubTypes.Type(value = LiveSignal.Scored.class, name = "scored"),
        @JsonSubTypes.Type(value = LiveSignal.StatusChanged.class, name = "status"),
        @JsonSubTypes.Type(value = LiveSignal.ReportReady.class, name = "report"),
        @JsonSubTypes.Type(value = LiveSignal.Partial.class, name = "partial"),
        @JsonSubTypes.Type(value = LiveSignal.State.class, name = "state")})
@RegisterForReflection(targets = {LiveSignal.Asked.class, LiveSignal.Answered.class, LiveSignal.Scored.class,
        LiveSignal.StatusChanged.class, LiveSignal.ReportReady.class, LiveSignal.Partial.class,
        LiveSignal.State.class})
sealed interface LiveSignal {

    /** The cluster topic of these signals. */
    String TOPIC = "live";

    /** The longest partial caption carried (its end is kept): a NOTIFY payload must stay under 8 kB. */
    int MAX_PARTIAL_CHARS = 2000;

    UUID interviewId();

    /** Committed: turn {@code seq} was asked; its question is read from the turn. */
    record Asked(UUID interviewId, int seq) implements LiveSignal {
    }

    /** Committed: turn {@code seq} was answered; the answer is read from the turn. */
    record Answered(UUID interviewId, int seq) implements LiveSignal {
    }

    record Scored(UUID interviewId, int seq, int score, double relevance) implements LiveSignal {
    }

    record StatusChanged(UUID interviewId, InterviewStatus status, Instant at, String reason) implements LiveSignal {
    }

    record ReportReady(UUID interviewId) implements LiveSignal {
    }

    /** Ephemeral: the caption of the answer being spoken. */
    record Partial(UUID interviewId, int seq, String text) implements LiveSignal {

        static Partial of(UUID interviewId, LiveEvent.PartialTranscript caption) {
            String text = caption.text();
            return new Partial(interviewId, caption.seq(), text.length() <= MAX_PARTIAL_CHARS ? text
                    : "…" + text.substring(text.length() - MAX_PARTIAL_CHARS + 1));
        }
    }

    /** Ephemeral: whose turn it is. */
    record State(UUID interviewId, String state) implements LiveSignal {
    }
}
