package dev.viva.live.rest;

import dev.viva.interview.service.InterviewService;
import dev.viva.platform.security.Caller;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.platform.security.ViewerAllowed;
import dev.viva.platform.security.WebSocketTickets;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/** Trades a recruiter key for a single-use ticket that opens the live view from a browser. */
@Path("/api/v1/interviews/{id}/live-ticket")
@Produces(MediaType.APPLICATION_JSON)
public class LiveTicketResource {

    @RegisterForReflection
    @Schema(requiredProperties = {"ticket", "expiresAt", "url"})
    public record LiveTicket(@Schema(examples = "vt_Q8w1Lm4P") String ticket,
                             @Schema(examples = "2026-11-22T09:41:00Z") Instant expiresAt,
                             @Schema(examples = "/ws/interviews/5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c/live?ticket=vt_Q8w1Lm4P") String url) {
    }

    private final InterviewService interviews;
    private final WebSocketTickets tickets;
    private final Caller caller;

    public LiveTicketResource(InterviewService interviews, WebSocketTickets tickets, Caller caller) {
        this.interviews = interviews;
        this.tickets = tickets;
        this.caller = caller;
    }

    @POST
    @RecruiterOnly
    @ViewerAllowed
    @Tag(name = "Live")
    @Operation(operationId = "issueLiveTicket", summary = "Get a ticket for the live view socket",
            description = "Trades the recruiter credential for a ticket valid once, for 60 s, to open "
                    + "`/ws/interviews/{id}/live?ticket=...` from a browser (see /asyncapi.yaml). Viewers may watch "
                    + "too. The ticket opens nothing once the credential it was issued to is revoked.")
    @SecurityRequirement(name = "recruiterKey")
    @APIResponse(responseCode = "200", description = "The ticket and the socket URL to open with it")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LiveTicket issue(@PathParam("id") UUID id) {
        interviews.get(id);
        var ticket = tickets.issue(id, WebSocketTickets.Audience.RECRUITER, caller.get().credentialHash());
        return new LiveTicket(ticket.value(), ticket.expiresAt(),
                "/ws/interviews/" + id + "/live?ticket=" + ticket.value());
    }
}
