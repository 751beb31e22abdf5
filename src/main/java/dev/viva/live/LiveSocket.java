package dev.viva.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.Blocking;

import java.util.UUID;

/**
 * A recruiter's live view of one interview: {@code /ws/interviews/{id}/live}. Authenticated before the upgrade by
 * {@link LiveUpgradeCheck}. Read-only: the first message is a snapshot of the transcript so far, then every event.
 */
@WebSocket(path = "/ws/interviews/{id}/live", endpointId = LiveSocket.ENDPOINT_ID)
public class LiveSocket {

    static final String ENDPOINT_ID = "recruiter-live";

    /** Close code for a client that writes to this read-only socket. */
    static final int READ_ONLY = 4405;

    private final LiveHub hub;

    public LiveSocket(LiveHub hub) {
        this.hub = hub;
    }

    @OnOpen
    @Blocking
    public String onOpen(WebSocketConnection connection) {
        UUID id = UUID.fromString(connection.pathParam("id"));
        // register before reading the snapshot: an event committed in between is then sent twice at worst, never lost
        hub.watch(id, connection);
        return hub.encode(QuarkusTransaction.requiringNew().call(() -> hub.snapshot(id)));
    }

    @OnTextMessage
    public void onMessage(WebSocketConnection connection, String message) {
        connection.close(new CloseReason(READ_ONLY, "the live view is read-only")).subscribe().with(ok -> { });
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        hub.unwatch(UUID.fromString(connection.pathParam("id")), connection);
    }
}
