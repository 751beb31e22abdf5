package dev.viva.assessment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the interviewer knows about each turn that the interview's own columns do not hold: the key points of a
 * generated question, what kind of turn it was and how the answer was read, and the ability estimate after it.
 * Implemented by the interviewer; the report uses it when present, so assessment does not depend on the interviewer.
 */
public interface TurnDetails {

    /**
     * @param keyPoints key points of a generated question (empty for bank questions)
     * @param kind      question, follow-up, hint or role-answer
     * @param intent    how the answer was read: ANSWER, DONT_KNOW, EMPTY, ROLE_QUESTION, ...
     * @param ability   per-dimension ability estimate after the answer (the difficulty trajectory)
     * @param forRecruiter the answer is a question about the job the interviewer passed on to the recruiter
     */
    record Detail(List<String> keyPoints, String kind, String intent, Map<String, Double> ability,
                  boolean forRecruiter) {
    }

    Map<UUID, Detail> forInterview(UUID interviewId);
}
