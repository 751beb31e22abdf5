package dev.viva.webhook.rest;

import dev.viva.platform.audit.AuditLog;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.error.Instants;
import dev.viva.platform.error.Problem;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.webhook.EventType;
import dev.viva.webhook.WebhookMessage;
import dev.viva.webhook.service.EndpointService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.viva.webhook.rest.WebhookViews.*;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RecruiterOnly
@Tag(name = "Webhooks")
@SecurityRequirement(name = "recruiterKey")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class WebhookResource {

    private final EndpointService service;
    private final AuditLog audit;

    public WebhookResource(EndpointService service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    @GET
    @Path("/event-types")
    @Operation(operationId = "listWebhookEventTypes", summary = "List the event types",
            description = "The event types an endpoint can subscribe to; their payloads are described under `webhooks`.")
    @APIResponse(responseCode = "200", description = "The event types")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<EventType> eventTypes() {
        return Arrays.asList(EventType.values());
    }

    @POST
    @Path("/endpoints")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint",
            description = "Registers a URL to receive the chosen events, signed with a new secret that is shown only in this answer. "
                    + "The URL must be https and may not point at a private, loopback or link-local address unless an "
                    + "operator allows it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EndpointRequest.class),
            examples = @ExampleObject(name = "ATS", value = """
                    {"url": "https://ats.example.com/hooks/viva", "eventTypes": ["report.ready", "interview.abandoned"],
                     "description": "ATS"}""")))
    @APIResponse(responseCode = "201", description = "Registered; keep the secret, it is not shown again",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EndpointWithSecret.class),
                    examples = @ExampleObject(name = "registered", value = """
                            {"id": "8a1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "url": "https://ats.example.com/hooks/viva",
                             "eventTypes": ["report.ready", "interview.abandoned"], "description": "ATS",
                             "enabled": true, "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                             "previousSecretExpiresAt": null, "createdAt": "2026-11-22T10:00:00Z"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response create(EndpointRequest request) {
        EndpointRequest r = required(request);
        EndpointService.WithSecret created = service.create(r.url(), r.eventTypes(), r.description());
        recordEndpoint("webhook.endpoint.created", created.endpoint().id, null,
                Map.of("url", created.endpoint().url, "eventTypes", r.eventTypes() == null ? List.of() : r.eventTypes()));
        return Response.created(URI.create("/api/v1/webhooks/endpoints/" + created.endpoint().id))
                .entity(EndpointWithSecret.of(created.endpoint(), created.secret())).build();
    }

    @GET
    @Path("/endpoints")
    @Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints",
            description = "Every registered endpoint with its state (never its secret).")
    @APIResponse(responseCode = "200", description = "The endpoints")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<EndpointView> list() {
        return service.list().stream().map(EndpointView::of).toList();
    }

    @GET
    @Path("/endpoints/{id}")
    @Operation(operationId = "getWebhookEndpoint", summary = "Get a webhook endpoint",
            description = "The endpoint and its state: enabled, why it was disabled, since when it fails, until when the previous secret still signs.")
    @APIResponse(responseCode = "200", description = "The endpoint")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EndpointView get(@PathParam("id") UUID id) {
        return EndpointView.of(service.get(id));
    }

    @PATCH
    @Path("/endpoints/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhookEndpoint", summary = "Change a webhook endpoint",
            description = "Changes the URL, the event types or the description; fields left out keep their value.")
    @APIResponse(responseCode = "200", description = "The changed endpoint")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EndpointView update(@PathParam("id") UUID id, EndpointRequest request) {
        EndpointRequest r = required(request);
        EndpointView updated = EndpointView.of(service.update(id, r.url(), r.eventTypes(), r.description()));
        recordEndpoint("webhook.endpoint.updated", id, null, Map.of("url", updated.url()));
        return updated;
    }

    @DELETE
    @Path("/endpoints/{id}")
    // no body on success: a client that accepts only the error's media type is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint",
            description = "Deletes the endpoint with its messages and delivery log.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        recordEndpoint("webhook.endpoint.deleted", id, null, Map.of());
        return Response.noContent().build();
    }

    @POST
    @Path("/endpoints/{id}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "disableWebhookEndpoint", summary = "Disable a webhook endpoint",
            description = "Stops sending to the endpoint; new events are not queued for it, queued messages wait until it is enabled.")
    @APIResponse(responseCode = "200", description = "The disabled endpoint")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EndpointView disable(@PathParam("id") UUID id, DisableRequest request) {
        String reason = request == null ? null : request.reason();
        EndpointView disabled = EndpointView.of(service.disable(id, reason));
        recordEndpoint("webhook.endpoint.disabled", id, reason, Map.of());
        return disabled;
    }

    @POST
    @Path("/endpoints/{id}/enable")
    @Operation(operationId = "enableWebhookEndpoint", summary = "Enable a webhook endpoint",
            description = "Sends to the endpoint again, starting with the messages that waited.")
    @APIResponse(responseCode = "200", description = "The enabled endpoint")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EndpointView enable(@PathParam("id") UUID id) {
        EndpointView enabled = EndpointView.of(service.enable(id));
        recordEndpoint("webhook.endpoint.enabled", id, null, Map.of());
        return enabled;
    }

    @POST
    @Path("/endpoints/{id}/rotate-secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret",
            description = "Creates a new secret (shown only in this answer); the old one keeps signing alongside it for `overlap` (ISO-8601, 0 to 7 days).")
    @APIResponse(responseCode = "200", description = "The endpoint with its new secret")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EndpointWithSecret rotate(@PathParam("id") UUID id, RotateRequest request) {
        Duration overlap = null;
        if (request != null && request.overlap() != null) {
            try {
                overlap = Duration.parse(request.overlap());
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("overlap", "not an ISO-8601 duration (e.g. PT24H): " + request.overlap());
            }
        }
        EndpointService.WithSecret rotated = service.rotateSecret(id, overlap);
        recordEndpoint("webhook.endpoint.secret-rotated", id, null, Map.of());
        return EndpointWithSecret.of(rotated.endpoint(), rotated.secret());
    }

    @POST
    @Path("/endpoints/{id}/ping")
    @Operation(operationId = "pingWebhookEndpoint", summary = "Send a test event",
            description = "Queues a `ping` event to the endpoint, to check that it is reachable and verifies signatures.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response ping(@PathParam("id") UUID id) {
        return Response.accepted(MessageView.of(service.ping(id))).build();
    }

    @POST
    @Path("/endpoints/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayWebhookMessages", summary = "Send past messages again",
            description = "Queues again every delivered or failed message of the endpoint created since `since`.")
    @APIResponse(responseCode = "202", description = "How many messages were queued again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Replayed.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response replay(@PathParam("id") UUID id, ReplayRequest request) {
        if (request == null || request.since() == null) {
            throw ApiProblem.badRequest("since", "'since' (an ISO-8601 instant) is required");
        }
        return Response.accepted(new Replayed(service.replay(id, instant("since", request.since())))).build();
    }

    @GET
    @Path("/endpoints/{id}/messages")
    @Operation(operationId = "listWebhookMessages", summary = "List the messages of an endpoint",
            description = "Newest first, with their delivery state; filter by status and creation time.")
    @APIResponse(responseCode = "200", description = "The messages")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<MessageView> messages(@PathParam("id") UUID id, @Parameter(schema = @Schema(implementation = WebhookMessage.Status.class))
                                      @QueryParam("status") String status,
                                      @Parameter(description = "an ISO-8601 instant") @QueryParam("since") String since,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.messages(id, status(status), since == null ? null : instant("since", since), limit).stream()
                .map(MessageView::of).toList();
    }

    @GET
    @Path("/endpoints/{id}/attempts")
    @Operation(operationId = "listWebhookAttempts", summary = "The delivery log of an endpoint",
            description = "Every attempt to deliver to the endpoint, newest first: status code, latency, error, next attempt.")
    @APIResponse(responseCode = "200", description = "The attempts")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<AttemptView> attempts(@PathParam("id") UUID id,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.attemptsOfEndpoint(id, limit).stream().map(AttemptView::of).toList();
    }

    @GET
    @Path("/messages/{messageId}")
    @Operation(operationId = "getWebhookMessage", summary = "Get a webhook message",
            description = "A message with the exact payload that is signed and sent, and every delivery attempt.")
    @APIResponse(responseCode = "200", description = "The message")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MessageDetail message(@PathParam("messageId") String messageId) {
        WebhookMessage m = service.message(messageId);
        return new MessageDetail(MessageView.of(m), m.payload,
                service.attemptsOfMessage(messageId).stream().map(AttemptView::of).toList());
    }

    @POST
    @Path("/messages/{messageId}/redeliver")
    @Operation(operationId = "redeliverWebhookMessage", summary = "Send a message again now",
            description = "Sends the message again at once with the same `webhook-id`; its retry schedule starts over.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response redeliver(@PathParam("messageId") String messageId) {
        return Response.accepted(MessageView.of(service.redeliver(messageId))).build();
    }

    private void recordEndpoint(String action, UUID id, String reason, Map<String, Object> details) {
        audit.record(action, "webhook-endpoint", id.toString(), reason, details);
    }

    private static EndpointRequest required(EndpointRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest(null, "a JSON body is required");
        }
        return request;
    }

    private static WebhookMessage.Status status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return WebhookMessage.Status.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("status", "unknown status '" + value + "'; one of "
                    + Arrays.toString(WebhookMessage.Status.values()));
        }
    }

    private static Instant instant(String field, String value) {
        return Instants.parse(field, value, false);
    }
}
