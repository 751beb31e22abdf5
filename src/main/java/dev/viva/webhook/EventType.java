package dev.viva.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a webhook message announces; the JSON and database form is the dotted name. */
public enum EventType {
    INTERVIEW_STARTED("interview.started"),
    INTERVIEW_COMPLETED("interview.completed"),
    INTERVIEW_ABANDONED("interview.abandoned"),
    INTERVIEW_CANCELLED("interview.cancelled"),
    REPORT_READY("report.ready"),
    /** A recruiter overrode a dimension score or the recommendation; the payload carries the report as updated. */
    REPORT_UPDATED("report.updated"),
    /** Sent only on demand, to check an endpoint end to end. */
    PING("ping");

    private final String id;

    EventType(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static EventType of(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type '" + id + "'; known: "
                        + Arrays.stream(values()).map(EventType::id).collect(Collectors.joining(", "))));
    }
}
