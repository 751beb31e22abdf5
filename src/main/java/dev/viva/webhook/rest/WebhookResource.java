package dev.viva.webhook.rest;

import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.error.Instants;
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

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static dev.viva.webhook.rest.WebhookViews.*;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RecruiterOnly
public class WebhookResource {

    private final EndpointService service;

    public WebhookResource(EndpointService service) {
        this.service = service;
    }

    @GET
    @Path("/event-types")
    public List<EventType> eventTypes() {
        return Arrays.asList(EventType.values());
    }

    @POST
    @Path("/endpoints")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(EndpointRequest request) {
        EndpointRequest r = required(request);
        EndpointService.WithSecret created = service.create(r.url(), r.eventTypes(), r.description());
        return Response.created(URI.create("/api/v1/webhooks/endpoints/" + created.endpoint().id))
                .entity(EndpointWithSecret.of(created.endpoint(), created.secret())).build();
    }

    @GET
    @Path("/endpoints")
    public List<EndpointView> list() {
        return service.list().stream().map(EndpointView::of).toList();
    }

    @GET
    @Path("/endpoints/{id}")
    public EndpointView get(@PathParam("id") UUID id) {
        return EndpointView.of(service.get(id));
    }

    @PATCH
    @Path("/endpoints/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public EndpointView update(@PathParam("id") UUID id, EndpointRequest request) {
        EndpointRequest r = required(request);
        return EndpointView.of(service.update(id, r.url(), r.eventTypes(), r.description()));
    }

    @DELETE
    @Path("/endpoints/{id}")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/endpoints/{id}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    public EndpointView disable(@PathParam("id") UUID id, DisableRequest request) {
        return EndpointView.of(service.disable(id, request == null ? null : request.reason()));
    }

    @POST
    @Path("/endpoints/{id}/enable")
    public EndpointView enable(@PathParam("id") UUID id) {
        return EndpointView.of(service.enable(id));
    }

    @POST
    @Path("/endpoints/{id}/rotate-secret")
    @Consumes(MediaType.APPLICATION_JSON)
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
        return EndpointWithSecret.of(rotated.endpoint(), rotated.secret());
    }

    @POST
    @Path("/endpoints/{id}/ping")
    public Response ping(@PathParam("id") UUID id) {
        return Response.accepted(MessageView.of(service.ping(id))).build();
    }

    @POST
    @Path("/endpoints/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replay(@PathParam("id") UUID id, ReplayRequest request) {
        if (request == null || request.since() == null) {
            throw ApiProblem.badRequest("since", "'since' (an ISO-8601 instant) is required");
        }
        return Response.accepted(new Replayed(service.replay(id, instant("since", request.since())))).build();
    }

    @GET
    @Path("/endpoints/{id}/messages")
    public List<MessageView> messages(@PathParam("id") UUID id, @QueryParam("status") String status,
                                      @QueryParam("since") String since,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.messages(id, status(status), since == null ? null : instant("since", since), limit).stream()
                .map(MessageView::of).toList();
    }

    @GET
    @Path("/endpoints/{id}/attempts")
    public List<AttemptView> attempts(@PathParam("id") UUID id,
                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.attemptsOfEndpoint(id, limit).stream().map(AttemptView::of).toList();
    }

    @GET
    @Path("/messages/{messageId}")
    public MessageDetail message(@PathParam("messageId") String messageId) {
        WebhookMessage m = service.message(messageId);
        return new MessageDetail(MessageView.of(m), m.payload,
                service.attemptsOfMessage(messageId).stream().map(AttemptView::of).toList());
    }

    @POST
    @Path("/messages/{messageId}/redeliver")
    public Response redeliver(@PathParam("messageId") String messageId) {
        return Response.accepted(MessageView.of(service.redeliver(messageId))).build();
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
