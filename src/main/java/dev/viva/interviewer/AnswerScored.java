package dev.viva.interviewer;

import java.util.UUID;

/**
 * An answer was assessed and its turn committed: fired inside the interviewer's transaction, so observers that
 * act after commit (the recruiters' live view) never show a score that was rolled back.
 */
public record AnswerScored(UUID interviewId, int seq, int score, double relevance) {
}
