package dev.viva.webhook.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.viva.interview.Interview;
import dev.viva.interview.InterviewEvent;
import dev.viva.interview.StoredReport;
import dev.viva.platform.config.ServerConfig;
import dev.viva.webhook.EventType;
import dev.viva.webhook.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Message bodies in the Standard Webhooks shape: {@code {"type", "timestamp", "data"}}. */
@ApplicationScoped
class Payloads {

    private final ObjectMapper json;
    private final WebhookConfig config;
    private final ServerConfig server;

    Payloads(ObjectMapper json, WebhookConfig config, ServerConfig server) {
        this.json = json;
        this.config = config;
        this.server = server;
    }

    /** The webhook event an interview event is announced as; turn-by-turn events are for the live view only. */
    static Optional<EventType> typeOf(InterviewEvent event) {
        return Optional.ofNullable(switch (event) {
            case InterviewEvent.Started s -> EventType.INTERVIEW_STARTED;
            case InterviewEvent.Completed c -> EventType.INTERVIEW_COMPLETED;
            case InterviewEvent.Abandoned a -> EventType.INTERVIEW_ABANDONED;
            case InterviewEvent.Cancelled c -> EventType.INTERVIEW_CANCELLED;
            case InterviewEvent.ReportReady r -> EventType.REPORT_READY;
            case InterviewEvent.ReportUpdated r -> EventType.REPORT_UPDATED;
            case InterviewEvent.TurnAsked t -> null;
            case InterviewEvent.TurnAnswered t -> null;
        });
    }

    /** Reads the interview (and report) as the current transaction sees them, so the payload matches what commits. */
    String forEvent(EventType type, InterviewEvent event) {
        ObjectNode data = json.createObjectNode();
        data.put("interviewId", event.interviewId().toString());
        Interview interview = Interview.findById(event.interviewId());
        if (interview != null) {
            data.put("candidateName", interview.candidateName);
            data.put("candidateEmail", interview.candidateEmail);
            data.put("role", interview.roleId);
            data.put("level", interview.level.id());
            data.put("status", interview.status.name());
            putInstant(data, "startedAt", interview.startedAt);
            putInstant(data, "endedAt", interview.endedAt);
            if (interview.endReason != null) {
                data.put("endReason", interview.endReason.name());
            }
        }
        if (event instanceof InterviewEvent.Abandoned a) {
            data.put("reason", a.reason());
        }
        if (event instanceof InterviewEvent.ReportReady || event instanceof InterviewEvent.ReportUpdated) {
            putReport(data, event.interviewId());
        }
        return envelope(type, event.at(), data);
    }

    String ping(UUID endpointId, Instant at) {
        ObjectNode data = json.createObjectNode();
        data.put("endpointId", endpointId.toString());
        data.put("message", "ping from Viva: this endpoint is reachable and can verify signatures");
        return envelope(EventType.PING, at, data);
    }

    private void putReport(ObjectNode data, UUID interviewId) {
        String url = server.publicUrl() + "/api/v1/interviews/" + interviewId + "/report";
        data.put("reportUrl", url);
        StoredReport report = StoredReport.findById(interviewId);
        if (report == null) {
            return;
        }
        data.put("schemaVersion", report.schemaVersion);
        putInstant(data, "generatedAt", report.generatedAt);
        int size = report.body.getBytes(StandardCharsets.UTF_8).length;
        data.put("reportBytes", size);
        if (size <= config.reportInlineLimit()) {
            try {
                data.set("report", json.readTree(report.body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the stored report of " + interviewId + " is not JSON", e);
            }
        }
    }

    private String envelope(EventType type, Instant at, ObjectNode data) {
        ObjectNode root = json.createObjectNode();
        root.put("type", type.id());
        root.put("timestamp", at.toString());
        root.set("data", data);
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
