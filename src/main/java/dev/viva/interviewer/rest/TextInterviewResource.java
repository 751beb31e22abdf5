package dev.viva.interviewer.rest;

import dev.viva.interview.service.InterviewService;
import dev.viva.interviewer.EngineInput;
import dev.viva.interviewer.InterviewerConfig;
import dev.viva.interviewer.Utterance;
import dev.viva.interviewer.UtteranceKind;
import dev.viva.interviewer.service.InterviewerService;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.WebSocketTickets;
import dev.viva.role.Phase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.UUID;

/**
 * Text mode for candidates and integrations: the whole interview by typing, authenticated with the interview's
 * candidate token as a bearer token.
 */
@Path("/api/v1/interviews/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class TextInterviewResource {

    /**
     * @param text the answer; blank is allowed and is answered with "I didn't catch that"
     * @param seq  optional: the turn being answered (the {@code seq} of the last utterance), making retries safe
     */
    @RegisterForReflection
    public record AnswerRequest(String text, Integer seq) {
    }

    /** What the interviewer says. Never carries scores, key points or anything else the candidate must not see. */
    @RegisterForReflection
    public record UtteranceView(int seq, UtteranceKind type, String text, Phase phase, int difficulty, boolean done) {

        static UtteranceView of(Utterance u) {
            return new UtteranceView(u.seq(), u.kind(), u.text(), u.phase(), u.difficulty(), u.done());
        }
    }

    /** A single-use ticket that opens the interview socket from a browser. */
    @RegisterForReflection
    public record SocketTicket(String ticket, Instant expiresAt, String url) {
    }

    private final InterviewService interviews;
    private final InterviewerService interviewer;
    private final InterviewerConfig config;
    private final WebSocketTickets tickets;

    public TextInterviewResource(InterviewService interviews, InterviewerService interviewer,
                                 InterviewerConfig config, WebSocketTickets tickets) {
        this.interviews = interviews;
        this.interviewer = interviewer;
        this.config = config;
        this.tickets = tickets;
    }

    /** Trades the candidate token for a ticket valid once, for 60 s, to open {@code /ws/interviews/{id}}. */
    @POST
    @Path("/socket-ticket")
    public SocketTicket socketTicket(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        interviews.authenticateCandidateForSession(id, auth);
        var ticket = tickets.issue(id, WebSocketTickets.Audience.CANDIDATE);
        return new SocketTicket(ticket.value(), ticket.expiresAt(), "/ws/interviews/" + id + "?ticket=" + ticket.value());
    }

    /** Starts the interview (or resumes it: the last utterance again) and returns what the interviewer says. */
    @POST
    @Path("/start")
    public UtteranceView start(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        interviews.authenticateCandidate(id, auth);
        return UtteranceView.of(interviewer.start(id));
    }

    /**
     * The candidate ends the interview now: it completes with {@code endReason} CANDIDATE_ENDED and the closing
     * words are returned (again, if it had already ended).
     */
    @POST
    @Path("/end")
    public UtteranceView end(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        interviews.authenticateCandidate(id, auth);
        return UtteranceView.of(interviewer.submit(id, new EngineInput.End(), null,
                InterviewerService.AnswerMeta.text()));
    }

    @POST
    @Path("/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    public UtteranceView answer(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                                @NotNull(message = "a JSON body {\"text\": \"...\"} is required") AnswerRequest body) {
        interviews.authenticateCandidate(id, auth);
        if (body.text() == null) {
            throw ApiProblem.badRequest("text", "is required (send an empty string if the candidate said nothing)");
        }
        return UtteranceView.of(interviewer.submit(id, new EngineInput.Answer(body.text()), body.seq(),
                InterviewerService.AnswerMeta.text()));
    }
}
