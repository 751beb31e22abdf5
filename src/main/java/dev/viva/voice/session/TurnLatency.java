package dev.viva.voice.session;

/**
 * Where the time went between the candidate's last voiced sample reaching the server and the first sample of the
 * interviewer's reply leaving it, in milliseconds.
 *
 * @param queueMs         the frame holding the last voiced sample waited this long in the session's mailbox before
 *                        voice activity detection saw it (a session starved of CPU)
 * @param endOfTurnMs     the end-of-turn silence, in audio time (0.7 s, or 1.2 s for a pause held open)
 * @param audioLateMs     how much longer that silence took to arrive than it lasts: the client sent it slower than
 *                        real time, or its frames queued (negative when frames held up earlier caught up)
 * @param sttMs           speech-to-text left when the turn ended (it starts early)
 * @param interviewerMs   assessment, next question, commit
 * @param ttsFirstChunkMs synthesis of the reply's first chunk
 * @param totalMs         the sum: from the last voiced frame's arrival to the reply's first audio sent
 * @param receivedAt      when the last voiced frame arrived (epoch ms), so a client on the same clock can tell its
 *                        uplink from the server's time
 * @param sentAt          when the reply's first audio was sent (epoch ms)
 */
public record TurnLatency(long queueMs, long endOfTurnMs, long audioLateMs, long sttMs, long interviewerMs,
                          long ttsFirstChunkMs, long totalMs, long receivedAt, long sentAt) {
}
