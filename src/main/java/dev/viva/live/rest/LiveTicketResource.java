package dev.viva.live.rest;

import dev.viva.interview.service.InterviewService;
import dev.viva.platform.security.RecruiterOnly;
import dev.viva.platform.security.WebSocketTickets;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.UUID;

/** Trades a recruiter key for a single-use ticket that opens the live view from a browser. */
@Path("/api/v1/interviews/{id}/live-ticket")
@Produces(MediaType.APPLICATION_JSON)
public class LiveTicketResource {

    @RegisterForReflection
    public record LiveTicket(String ticket, Instant expiresAt, String url) {
    }

    private final InterviewService interviews;
    private final WebSocketTickets tickets;

    public LiveTicketResource(InterviewService interviews, WebSocketTickets tickets) {
        this.interviews = interviews;
        this.tickets = tickets;
    }

    @POST
    @RecruiterOnly
    public LiveTicket issue(@PathParam("id") UUID id) {
        interviews.get(id);
        var ticket = tickets.issue(id, WebSocketTickets.Audience.RECRUITER);
        return new LiveTicket(ticket.value(), ticket.expiresAt(),
                "/ws/interviews/" + id + "/live?ticket=" + ticket.value());
    }
}
