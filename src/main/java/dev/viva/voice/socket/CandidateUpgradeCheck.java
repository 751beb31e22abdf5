package dev.viva.voice.socket;

import dev.viva.interview.service.InterviewService;
import dev.viva.platform.config.ServerConfig;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.TicketedUpgradeCheck;
import dev.viva.platform.security.WebSocketTickets;
import dev.viva.voice.VoiceConfig;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The candidate's socket opens with that interview's candidate token or a candidate ticket, and, from a browser,
 * only from an allowed origin: the server's own, that of {@code viva.server.public-url}, or one configured in
 * {@code viva.voice.allowed-origins}. Programs send no {@code Origin} and are judged by their credential alone.
 */
@Singleton
public class CandidateUpgradeCheck extends TicketedUpgradeCheck {

    private final InterviewService interviews;
    private final Set<String> allowedOrigins = new HashSet<>();

    public CandidateUpgradeCheck(InterviewService interviews, WebSocketTickets tickets, ServerConfig server,
                                 VoiceConfig voice) {
        super(tickets, WebSocketTickets.Audience.CANDIDATE);
        this.interviews = interviews;
        allowedOrigins.add(origin(server.publicUrl()));
        voice.allowedOrigins().orElse(List.of()).forEach(o -> allowedOrigins.add(origin(o)));
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return CandidateSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (origin != null && !allowed(origin, context.httpRequest().getHeader("Host"))) {
            return CheckResult.rejectUpgrade(403);
        }
        return super.perform(context);
    }

    private boolean allowed(String origin, String host) {
        String normalised = origin(origin);
        if (allowedOrigins.contains(normalised)) {
            return true;
        }
        // the page was served by this server itself: same host and port, whichever scheme a proxy terminated
        return host != null && normalised.replaceFirst("^[a-z]+://", "").equals(host.toLowerCase(Locale.ROOT));
    }

    /** scheme://host[:port] in lower case, with the scheme's default port left out. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return scheme + "://" + host + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return url.strip().toLowerCase(Locale.ROOT);
        }
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
