package dev.viva.live;

import dev.viva.interview.repository.InterviewRepository;
import dev.viva.platform.security.ApiKeys;
import dev.viva.platform.security.TicketedUpgradeCheck;
import dev.viva.platform.security.Tokens;
import dev.viva.platform.security.WebSocketTickets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;

import java.util.UUID;

/** The live view opens with a recruiter API key or a recruiter ticket. */
@Singleton
public class LiveUpgradeCheck extends TicketedUpgradeCheck {

    private final ApiKeys apiKeys;
    private final InterviewRepository interviews;

    public LiveUpgradeCheck(ApiKeys apiKeys, WebSocketTickets tickets, InterviewRepository interviews) {
        super(tickets, WebSocketTickets.Audience.RECRUITER);
        this.apiKeys = apiKeys;
        this.interviews = interviews;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return LiveSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    protected boolean exists(UUID interviewId) {
        return QuarkusTransaction.requiringNew().call(() -> interviews.findByIdOptional(interviewId)).isPresent();
    }

    @Override
    protected int bearerRefusal(UUID interviewId, String authorizationHeader) {
        return apiKeys.refusal(Tokens.bearer(authorizationHeader).orElseThrow());
    }
}
