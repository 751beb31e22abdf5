package dev.viva.interviewer.socket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.interviewer.EngineInput;
import dev.viva.interviewer.InterviewerConfig;
import dev.viva.interviewer.Utterance;
import dev.viva.interviewer.UtteranceKind;
import dev.viva.interviewer.service.InterviewerService;
import dev.viva.platform.error.ApiProblem;
import dev.viva.role.Phase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

import java.util.UUID;

/**
 * The candidate's interview socket, {@code /ws/interviews/{id}}: the same conversation as the text-mode REST API,
 * as JSON text messages (the voice pipeline adds audio frames to this socket). Authenticated before the upgrade by
 * {@link CandidateUpgradeCheck}. On connect, an interview already under way gets its current utterance at once, so a
 * reconnect resumes where it stopped.
 */
@WebSocket(path = "/ws/interviews/{id}", endpointId = InterviewSocket.ENDPOINT_ID)
public class InterviewSocket {

    static final String ENDPOINT_ID = "candidate-interview";

    /**
     * From the candidate: {@code start}, {@code answer} (with {@code text} and optionally {@code seq}),
     * {@code repeat}, {@code clarify}, {@code dont-know}, {@code silence}.
     */
    @RegisterForReflection
    public record ClientMessage(String type, String text, Integer seq) {
    }

    /** To the candidate: what the interviewer says ({@code type: "utterance"}) or why a message was refused. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServerMessage(String type, Integer seq, UtteranceKind kind, String text, Phase phase,
                                Integer difficulty, Boolean done, Integer status, String detail) {

        static ServerMessage of(Utterance u) {
            return new ServerMessage("utterance", u.seq(), u.kind(), u.text(), u.phase(), u.difficulty(), u.done(),
                    null, null);
        }

        static ServerMessage error(int status, String detail) {
            return new ServerMessage("error", null, null, null, null, null, null, status, detail);
        }
    }

    private final InterviewerService interviewer;
    private final InterviewerConfig config;
    private final ObjectMapper json;

    public InterviewSocket(InterviewerService interviewer, InterviewerConfig config, ObjectMapper json) {
        this.interviewer = interviewer;
        this.config = config;
        this.json = json;
    }

    @OnOpen
    public String onOpen(WebSocketConnection connection) {
        return interviewer.current(id(connection)).map(u -> encode(ServerMessage.of(u))).orElse(null);
    }

    @OnTextMessage
    public String onMessage(WebSocketConnection connection, String raw) {
        UUID id = id(connection);
        try {
            ClientMessage m = json.readValue(raw, ClientMessage.class);
            String type = m.type() == null ? "" : m.type();
            Utterance u = switch (type) {
                case "start" -> interviewer.start(id);
                case "answer" -> {
                    if (m.text() == null) {
                        throw ApiProblem.badRequest("text", "an answer needs \"text\" (empty if nothing was said)");
                    }
                    if (m.text().length() > config.maxAnswerLength()) {
                        throw ApiProblem.badRequest("text", "at most " + config.maxAnswerLength()
                                + " characters are accepted");
                    }
                    yield interviewer.submit(id, new EngineInput.Answer(m.text()), m.seq(),
                            InterviewerService.AnswerMeta.text());
                }
                case "repeat" -> submit(id, new EngineInput.RepeatRequest(), m);
                case "clarify" -> submit(id, new EngineInput.ClarifyRequest(), m);
                case "dont-know" -> submit(id, new EngineInput.DontKnow(), m);
                case "silence" -> submit(id, new EngineInput.Silence(), m);
                default -> throw ApiProblem.badRequest("type", "unknown message type '" + type
                        + "' (expected start, answer, repeat, clarify, dont-know or silence)");
            };
            return encode(ServerMessage.of(u));
        } catch (JsonProcessingException e) {
            return encode(ServerMessage.error(400, "not a JSON message: " + e.getOriginalMessage()));
        } catch (ApiProblem p) {
            return encode(ServerMessage.error(p.status(), p.getMessage()));
        }
    }

    private Utterance submit(UUID id, EngineInput input, ClientMessage m) {
        return interviewer.submit(id, input, m.seq(), InterviewerService.AnswerMeta.text());
    }

    private static UUID id(WebSocketConnection connection) {
        return UUID.fromString(connection.pathParam("id"));
    }

    private String encode(ServerMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("server messages are plain records and always serialise", e);
        }
    }
}
