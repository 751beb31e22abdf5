package dev.viva.interviewer.socket;

import dev.viva.interview.service.InterviewService;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.TicketedUpgradeCheck;
import dev.viva.platform.security.WebSocketTickets;
import jakarta.inject.Singleton;

import java.util.UUID;

/** The candidate's interview socket opens with that interview's candidate token or a candidate ticket. */
@Singleton
public class CandidateUpgradeCheck extends TicketedUpgradeCheck {

    private final InterviewService interviews;

    public CandidateUpgradeCheck(InterviewService interviews, WebSocketTickets tickets) {
        super(tickets, WebSocketTickets.Audience.CANDIDATE);
        this.interviews = interviews;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return InterviewSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    protected boolean exists(UUID interviewId) {
        try {
            interviews.get(interviewId);
            return true;
        } catch (ApiProblem notFound) {
            return false;
        }
    }

    @Override
    protected int bearerRefusal(UUID interviewId, String authorizationHeader) {
        try {
            interviews.authenticateCandidate(interviewId, authorizationHeader);
            return 0;
        } catch (ApiProblem refused) {
            return refused.status();
        }
    }
}
