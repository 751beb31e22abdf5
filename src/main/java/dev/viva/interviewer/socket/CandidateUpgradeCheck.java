package dev.viva.interviewer.socket;

import dev.viva.interview.service.InterviewService;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.Tokens;
import dev.viva.platform.security.WebSocketTickets;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Authenticates the candidate's interview socket before the upgrade: the candidate token as a bearer token (programs)
 * or a single-use ticket in {@code ?ticket=} (browsers). Refusals are HTTP answers: 401, 403 or 404.
 */
@ApplicationScoped
public class CandidateUpgradeCheck implements HttpUpgradeCheck {

    private final InterviewService interviews;
    private final WebSocketTickets tickets;

    public CandidateUpgradeCheck(InterviewService interviews, WebSocketTickets tickets) {
        this.interviews = interviews;
        this.tickets = tickets;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return InterviewSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String header = context.httpRequest().getHeader("Authorization");
        String ticket = context.httpRequest().getParam("ticket");
        String rawId = context.pathParam("id");
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
        try {
            interviews.get(id);
            if (Tokens.bearer(header).isPresent()) {
                interviews.authenticateCandidate(id, header);
                return CheckResult.permitUpgradeSync();
            }
        } catch (ApiProblem p) {
            return CheckResult.rejectUpgradeSync(p.status());
        }
        return tickets.redeem(ticket, id, WebSocketTickets.Audience.CANDIDATE) ? CheckResult.permitUpgradeSync()
                : CheckResult.rejectUpgradeSync(401);
    }
}
