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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/**
 * Text mode for candidates and integrations: the whole interview by typing, authenticated with the interview's
 * candidate token as a bearer token.
 */
@Path("/api/v1/interviews/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Candidate")
@SecurityRequirement(name = "candidateToken")
public class TextInterviewResource {

    /**
     * @param text the answer; blank is allowed and is answered with "I didn't catch that"
     * @param seq  optional: the turn being answered (the {@code seq} of the last utterance), making retries safe
     */
    @RegisterForReflection
    @Schema(name = "TextAnswer", requiredProperties = "text")
    public record AnswerRequest(@Schema(examples = "I build FastAPI services with PostgreSQL...") String text,
                                @Schema(examples = "1") Integer seq) {
    }

    /** What the interviewer says. Never carries scores, key points or anything else the candidate must not see. */
    @RegisterForReflection
    @Schema(name = "Utterance", requiredProperties = {"seq", "type", "text", "phase", "difficulty", "done"})
    public record UtteranceView(int seq, UtteranceKind type, String text, Phase phase, int difficulty, boolean done) {

        static UtteranceView of(Utterance u) {
            return new UtteranceView(u.seq(), u.kind(), u.text(), u.phase(), u.difficulty(), u.done());
        }
    }

    /** A single-use ticket that opens the interview socket from a browser. */
    @RegisterForReflection
    @Schema(requiredProperties = {"ticket", "expiresAt", "url"})
    public record SocketTicket(@Schema(examples = "vt_Zk3q9Xb2") String ticket,
                               @Schema(examples = "2026-11-22T09:41:00Z") Instant expiresAt,
                               @Schema(examples = "/ws/interviews/5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c?ticket=vt_Zk3q9Xb2") String url) {
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
    @Operation(operationId = "issueSocketTicket", summary = "Get a ticket for the interview socket",
            description = "Browsers cannot set headers on a WebSocket: this trades the candidate token for a ticket "
                    + "valid once, for 60 s, to open `/ws/interviews/{id}?ticket=...` (see /asyncapi.yaml).")
    @APIResponse(responseCode = "200", description = "The ticket and the socket URL to open with it")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "410", ref = "LinkExpired")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SocketTicket socketTicket(@PathParam("id") UUID id, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        interviews.authenticateCandidateForSession(id, auth);
        var ticket = tickets.issue(id, WebSocketTickets.Audience.CANDIDATE);
        return new SocketTicket(ticket.value(), ticket.expiresAt(), "/ws/interviews/" + id + "?ticket=" + ticket.value());
    }

    /** Starts the interview (or resumes it: the last utterance again) and returns what the interviewer says. */
    @POST
    @Path("/start")
    @Operation(operationId = "startInterview", summary = "Start (or resume) the interview in text mode",
            description = "Starts the interview and returns the interviewer's first words; called again (or after a "
                    + "reconnect) it returns the last utterance again, so a client can always resume.")
    @APIResponse(responseCode = "200", description = "What the interviewer says",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UtteranceView.class),
                    examples = @ExampleObject(name = "greeting", value = """
                            {"seq": 1, "type": "question", "phase": "introduction", "difficulty": 1, "done": false,
                             "text": "Hi Ada, I'm Sophia, ... Could you tell me a little about yourself?"}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "410", ref = "LinkExpired")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public UtteranceView start(@PathParam("id") UUID id, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        interviews.authenticateCandidate(id, auth);
        return UtteranceView.of(interviewer.start(id));
    }

    /**
     * The candidate ends the interview now: it completes with {@code endReason} CANDIDATE_ENDED and the closing
     * words are returned (again, if it had already ended).
     */
    @POST
    @Path("/end")
    @Operation(operationId = "endInterview", summary = "End the interview now, as the candidate",
            description = "The candidate stops early: the interview completes with `endReason` CANDIDATE_ENDED, the "
                    + "report says how much of the plan was covered, and the interviewer's closing words are returned "
                    + "(again, if the interview had already ended). The socket's `end` message does the same.")
    @APIResponse(responseCode = "200", description = "The interviewer's closing words",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UtteranceView.class),
                    examples = @ExampleObject(name = "closing", value = """
                            {"seq": 14, "type": "closing", "phase": "wrap-up", "difficulty": 1, "done": true,
                             "text": "Of course, we'll stop here. Thank you for your time, Ada."}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "410", ref = "LinkExpired")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public UtteranceView end(@PathParam("id") UUID id,
                             @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        interviews.authenticateCandidate(id, auth);
        return UtteranceView.of(interviewer.submit(id, new EngineInput.End(), null,
                InterviewerService.AnswerMeta.text()));
    }

    @POST
    @Path("/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerQuestion", summary = "Answer the current question in text mode",
            description = "Sends the candidate's answer and returns what the interviewer says next; `done: true` "
                    + "comes with the closing words, after which the interview is COMPLETED and its report is built. "
                    + "Send the `seq` of the utterance being answered: a retried answer is then not applied twice.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnswerRequest.class),
            examples = @ExampleObject(name = "answer", value = """
                    {"text": "I build FastAPI services with PostgreSQL and deploy them on Kubernetes.", "seq": 1}""")))
    @APIResponse(responseCode = "200", description = "What the interviewer says next",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UtteranceView.class),
                    examples = @ExampleObject(name = "next question", value = """
                            {"seq": 2, "type": "question", "phase": "foundation", "difficulty": 3, "done": false,
                             "text": "Thanks. How does FastAPI handle a blocking database call?"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "410", ref = "LinkExpired")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public UtteranceView answer(@PathParam("id") UUID id, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                                @NotNull(message = "a JSON body {\"text\": \"...\"} is required") AnswerRequest body) {
        interviews.authenticateCandidate(id, auth);
        if (body.text() == null) {
            throw ApiProblem.badRequest("text", "is required (send an empty string if the candidate said nothing)");
        }
        return UtteranceView.of(interviewer.submit(id, new EngineInput.Answer(body.text()), body.seq(),
                InterviewerService.AnswerMeta.text()));
    }
}
