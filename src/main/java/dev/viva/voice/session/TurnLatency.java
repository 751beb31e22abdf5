package dev.viva.voice.session;

/**
 * Where the time went between the candidate's last voiced sample and the first sample of the interviewer's reply
 * sent back, in milliseconds: waiting for the end-of-turn silence, speech-to-text (what was left of it when the turn
 * ended: it starts early), the interviewer (assessment, next question, commit), and synthesis of the first chunk.
 */
public record TurnLatency(long endOfTurnMs, long sttMs, long interviewerMs, long ttsFirstChunkMs, long totalMs) {

    public TurnLatency(long endOfTurnMs, long sttMs, long interviewerMs, long ttsFirstChunkMs) {
        this(endOfTurnMs, sttMs, interviewerMs, ttsFirstChunkMs, endOfTurnMs + sttMs + interviewerMs + ttsFirstChunkMs);
    }
}
