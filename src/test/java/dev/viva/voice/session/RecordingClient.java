package dev.viva.voice.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects what a session sends, in order, for assertions. */
final class RecordingClient implements ClientSink {

    /** A message, or interviewer audio ({@code audioBytes > 0}), in the order sent. */
    record Sent(ServerMessage message, int audioBytes) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    volatile Integer closeCode;
    volatile String closeReason;

    @Override
    public void send(ServerMessage message) {
        sent.add(new Sent(message, 0));
    }

    @Override
    public void sendAudio(byte[] pcm) {
        sent.add(new Sent(null, pcm.length));
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
        closeReason = reason;
    }

    <T extends ServerMessage> List<T> all(Class<T> type) {
        return sent.stream().map(Sent::message).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends ServerMessage> T last(Class<T> type) {
        List<T> all = all(type);
        return all.isEmpty() ? null : all.getLast();
    }

    long audioBytes() {
        return sent.stream().mapToLong(Sent::audioBytes).sum();
    }

    List<String> states() {
        return all(ServerMessage.State.class).stream().map(ServerMessage.State::state).toList();
    }

    List<String> errorCodes() {
        return all(ServerMessage.Error.class).stream().map(ServerMessage.Error::code).toList();
    }

    List<String> noticeCodes() {
        return all(ServerMessage.Notice.class).stream().map(ServerMessage.Notice::code).toList();
    }
}
