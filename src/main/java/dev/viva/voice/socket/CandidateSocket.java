package dev.viva.voice.socket;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;

/**
 * The candidate's interview socket, {@code /ws/interviews/{id}} (protocol: docs/voice.md). Authenticated before the
 * upgrade by {@link CandidateUpgradeCheck}. The callbacks only hand frames to the connection's session, so they run
 * on the event loop; the session does its work, including blocking commits, on its own mailbox.
 */
@WebSocket(path = "/ws/interviews/{id}", endpointId = CandidateSocket.ENDPOINT_ID)
public class CandidateSocket {

    static final String ENDPOINT_ID = "candidate-interview";

    private final VoiceSessions sessions;

    public CandidateSocket(VoiceSessions sessions) {
        this.sessions = sessions;
    }

    @OnOpen
    @NonBlocking
    public void onOpen(WebSocketConnection connection) {
        sessions.open(connection);
    }

    @OnTextMessage
    @NonBlocking
    public void onText(WebSocketConnection connection, String message) {
        sessions.text(connection, message);
    }

    @OnBinaryMessage
    @NonBlocking
    public void onAudio(WebSocketConnection connection, byte[] frame) {
        sessions.audio(connection, frame);
    }

    @OnClose
    @NonBlocking
    public void onClose(WebSocketConnection connection) {
        sessions.closed(connection);
    }
}
