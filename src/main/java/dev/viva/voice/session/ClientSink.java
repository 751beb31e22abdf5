package dev.viva.voice.session;

/** Where a session's output goes: the candidate's connection, or a recorder in tests. */
public interface ClientSink {

    void send(ServerMessage message);

    /** Interviewer audio, s16le 16 kHz mono. */
    void sendAudio(byte[] pcm);

    void close(int code, String reason);
}
