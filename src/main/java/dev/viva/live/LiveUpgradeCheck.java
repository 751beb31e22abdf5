package dev.viva.live;

import dev.viva.interview.repository.InterviewRepository;
import dev.viva.platform.security.ApiKeys;
import dev.viva.platform.security.Tokens;
import dev.viva.platform.security.WebSocketTickets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Authenticates the live view before the WebSocket upgrade: a recruiter API key in the Authorization header (for
 * programs) or a single-use ticket in {@code ?ticket=} (for browsers, which cannot set headers on a WebSocket).
 * Refusals are plain HTTP answers (401, 403, 404) that every WebSocket client reports.
 */
@ApplicationScoped
public class LiveUpgradeCheck implements HttpUpgradeCheck {

    private final ApiKeys apiKeys;
    private final WebSocketTickets tickets;
    private final InterviewRepository interviews;

    public LiveUpgradeCheck(ApiKeys apiKeys, WebSocketTickets tickets, InterviewRepository interviews) {
        this.apiKeys = apiKeys;
        this.tickets = tickets;
        this.interviews = interviews;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return LiveSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String header = context.httpRequest().getHeader("Authorization");
        String ticket = context.httpRequest().getParam("ticket");
        String rawId = context.pathParam("id");
        // key and ticket checks hit the database, so they run on a worker thread, not the event loop
        return Uni.createFrom().item(() -> decide(rawId, header, ticket))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private CheckResult decide(String rawId, String header, String ticket) {
        UUID id;
        try {
            id = UUID.fromString(rawId);
        } catch (IllegalArgumentException e) {
            return CheckResult.rejectUpgradeSync(404);
        }
        if (QuarkusTransaction.requiringNew().call(() -> interviews.findByIdOptional(id)).isEmpty()) {
            return CheckResult.rejectUpgradeSync(404);
        }
        var bearer = Tokens.bearer(header);
        if (bearer.isPresent()) {
            return apiKeys.isRecruiterKey(bearer.get()) ? CheckResult.permitUpgradeSync()
                    : CheckResult.rejectUpgradeSync(bearer.get().startsWith("vc_") ? 403 : 401);
        }
        if (ticket != null) {
            return tickets.redeem(ticket, id, WebSocketTickets.Audience.RECRUITER) ? CheckResult.permitUpgradeSync()
                    : CheckResult.rejectUpgradeSync(401);
        }
        return CheckResult.rejectUpgradeSync(401);
    }
}
