package dev.viva.assessment;

import java.util.List;

/**
 * The assessment of one answer. Shared contract between the assessment engine (which produces it), the interviewer
 * (which adapts difficulty and picks follow-ups from it) and the report.
 *
 * @param score           0-100
 * @param relevance       0-1, how much the answer is about the question at all
 * @param dimensions      dimension ids the answer informs
 * @param strengths       what the answer did well, each backed by evidence
 * @param weaknesses      what it lacked or got wrong, with evidence where a span of the answer shows it
 * @param tips            how the candidate could improve the answer
 * @param justification   one paragraph explaining the score
 * @param coveredKeyPoints key points of the question the answer covers
 * @param missingKeyPoints key points it does not cover
 * @param misconceptions  misconceptions the answer expresses
 * @param flags           things a human should review (instruction-like text, empty answer...)
 * @param answered        false when there was nothing to assess (empty, unintelligible, "I don't know")
 */
public record AnswerAssessment(
        int score,
        double relevance,
        List<String> dimensions,
        List<Finding> strengths,
        List<Finding> weaknesses,
        List<String> tips,
        String justification,
        List<String> coveredKeyPoints,
        List<String> missingKeyPoints,
        List<String> misconceptions,
        List<Flag> flags,
        boolean answered) {

    /**
     * A strength or weakness with the verbatim spans of the answer that support it (may be empty for absences);
     * {@code aspect} says what it is about, so a report can gather the same finding across answers.
     */
    public record Finding(Aspect aspect, String text, List<Evidence> evidence) {
    }

    public enum Aspect {
        KEY_POINT, TECHNOLOGIES, NUMBERS, TRADE_OFFS, ACTIONS, STORY, REFUTATION, CANDIDATE_QUESTION, MISCONCEPTION,
        HEDGING, OFF_TOPIC, ECHO, BREVITY, RAMBLING, MISSING_KEY_POINTS, TERM_LIST, INSTRUCTIONS
    }

    /**
     * A verbatim span of the answer: {@code answer.substring(start, end).equals(quote)}; a clause or sentence, not a
     * single word, wherever the answer has one around the cue.
     */
    public record Evidence(String quote, int start, int end) {
    }

    /** Something for human review, e.g. {@code INSTRUCTION_INJECTION} with the offending span. */
    public record Flag(String code, String detail, Evidence evidence) {
    }
}
