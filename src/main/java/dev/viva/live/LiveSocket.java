package dev.viva.live;

import dev.viva.interview.Interview;
import dev.viva.interview.service.InterviewService;
import dev.viva.role.RoleCatalog;
import dev.viva.role.RoleTemplate;
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
    private final InterviewService interviews;
    private final RoleCatalog roles;

    public LiveSocket(LiveHub hub, InterviewService interviews, RoleCatalog roles) {
        this.hub = hub;
        this.interviews = interviews;
        this.roles = roles;
    }

    @OnOpen
    @Blocking
    public String onOpen(WebSocketConnection connection) {
        UUID id = UUID.fromString(connection.pathParam("id"));
        // register before reading the snapshot: an event committed in between is then sent twice at worst, never lost
        hub.watch(id, connection);
        Interview interview = interviews.get(id);
        var turns = interviews.transcript(id).stream()
                .map(t -> new LiveEvent.SnapshotTurn(t.seq, t.phase, t.difficulty, t.questionText, t.answerText,
                        t.inputMode))
                .toList();
        String roleName = roles.find(interview.roleId).map(RoleTemplate::name).orElse(interview.roleId);
        return hub.encode(new LiveEvent.Snapshot(interview.candidateName, interview.roleId, roleName,
                interview.level.id(),
                interview.status, turns));
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
