package dev.viva.platform.security;

import dev.viva.platform.lifecycle.Draining;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.UUID;

/**
 * Authenticates an interview's WebSocket ({@code /ws/interviews/{id}...}) before the upgrade: a bearer credential in
 * the Authorization header (programs) or a single-use ticket in {@code ?ticket=} (browsers, which cannot set headers
 * on a WebSocket). Refusals are plain HTTP answers (401, 403, 404) that every WebSocket client reports. Subclasses
 * are {@code @Singleton} beans: a client proxy would need a no-args constructor this class does not have.
 */
public abstract class TicketedUpgradeCheck implements HttpUpgradeCheck {

    private final WebSocketTickets tickets;
    private final WebSocketTickets.Audience audience;

    protected TicketedUpgradeCheck(WebSocketTickets tickets, WebSocketTickets.Audience audience) {
        this.tickets = tickets;
        this.audience = audience;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String header = context.httpRequest().getHeader("Authorization");
        String ticket = context.httpRequest().getParam("ticket");
        String rawId = context.pathParam("id");
        // credential and ticket checks hit the database, so they run on a worker thread, not the event loop
        Uni<CheckResult> decided = Uni.createFrom().item(() -> decide(rawId, header, ticket))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        // The verdict goes back to the connection's event loop: Quarkus upgrades the connection on the thread that
        // emits it, and from a worker thread the client's first frame (its 'start', sent the moment the handshake
        // completes) could arrive before the message handlers were registered and be dropped without a trace.
        Context connection = Vertx.currentContext();
        return connection == null ? decided : decided.emitOn(task -> connection.runOnContext(ignored -> task.run()));
    }

    private CheckResult decide(String rawId, String header, String ticket) {
        if (Draining.active()) {
            return CheckResult.rejectUpgradeSync(503); // stopping: reconnect to the restarted server or another replica
        }
        UUID id;
        try {
            id = UUID.fromString(rawId);
        } catch (IllegalArgumentException e) {
            return CheckResult.rejectUpgradeSync(404);
        }
        if (!exists(id)) {
            return CheckResult.rejectUpgradeSync(404);
        }
        if (Tokens.bearer(header).isPresent()) {
            int refusal = bearerRefusal(id, header);
            return refusal == 0 ? CheckResult.permitUpgradeSync() : CheckResult.rejectUpgradeSync(refusal);
        }
        return tickets.redeem(ticket, id, audience) ? CheckResult.permitUpgradeSync() : CheckResult.rejectUpgradeSync(401);
    }

    protected abstract boolean exists(UUID interviewId);

    /** 0 when the bearer credential opens this interview's socket, else the HTTP status to refuse the upgrade with. */
    protected abstract int bearerRefusal(UUID interviewId, String authorizationHeader);
}
