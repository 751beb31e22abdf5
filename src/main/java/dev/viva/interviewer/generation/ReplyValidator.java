package dev.viva.interviewer.generation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks generated words before a candidate sees them: one question, sensible lengths, and nothing the candidate must
 * not hear (scores, the rubric, a key point recited, anything on the persona's avoid list). Returns why the text is
 * unusable, or empty when it is fine.
 */
public final class ReplyValidator {

    static final int MAX_ACK = 300;
    static final int MIN_QUESTION = 10;
    static final int MAX_QUESTION = 320;
    static final int MAX_KEY_POINTS = 6;
    /** A run of this many words from a key point counts as reciting it. */
    static final int LEAK_RUN = 6;

    private static final Pattern SCORE_TALK = Pattern.compile(
            "(?i)\\b\\d{1,3}\\s*(/|out of)\\s*\\d{1,3}\\b|\\b(score[sd]?|scoring|rubric|key points?|marks?|grade[sd]?"
            + "|grading|percent|evaluation criteria|ideal answer|expected answer)\\b|\\d+\\s*%");

    private ReplyValidator() {
    }

    /**
     * @param acknowledgement may be empty
     * @param secret          key points, misconceptions and the ideal answer of the question: never to be recited
     * @param avoid           the persona's avoid list
     */
    public static Optional<String> problem(String acknowledgement, String question, List<String> keyPoints,
                                           Collection<String> secret, Collection<String> avoid) {
        String ack = acknowledgement == null ? "" : acknowledgement.strip();
        String q = question == null ? "" : question.strip();
        if (ack.length() > MAX_ACK) {
            return Optional.of("acknowledgement longer than " + MAX_ACK + " characters");
        }
        if (ack.contains("?")) {
            return Optional.of("the acknowledgement asks a question");
        }
        Optional<String> questionProblem = questionProblem(q);
        if (questionProblem.isPresent()) {
            return questionProblem;
        }
        Optional<String> keyPointProblem = keyPointsProblem(keyPoints);
        if (keyPointProblem.isPresent()) {
            return keyPointProblem;
        }
        return sentenceProblem(ack + " " + q, secret, avoid);
    }

    /**
     * What the candidate must never hear, checked on any part of a reply before it is spoken (a streamed reply is
     * spoken sentence by sentence): scores or the rubric, a phrase the persona avoids, a recited key point.
     */
    static Optional<String> sentenceProblem(String said, Collection<String> secret, Collection<String> avoid) {
        if (SCORE_TALK.matcher(said).find()) {
            return Optional.of("mentions scores or the rubric");
        }
        if (Phrases.containsAny(said, avoid)) {
            return Optional.of("says something the persona must avoid");
        }
        String lower = normalise(said);
        for (String s : secret) {
            if (recites(lower, normalise(s))) {
                return Optional.of("recites a key point or the ideal answer");
            }
        }
        return Optional.empty();
    }

    /** The question's checks: one question of sensible length, ending the text. */
    static Optional<String> questionProblem(String question) {
        String q = question == null ? "" : question.strip();
        if (q.length() < MIN_QUESTION || q.length() > MAX_QUESTION) {
            return Optional.of("question length " + q.length() + " outside " + MIN_QUESTION + "-" + MAX_QUESTION);
        }
        if (q.chars().filter(c -> c == '?').count() != 1 || !q.endsWith("?")) {
            return Optional.of("not exactly one question");
        }
        return Optional.empty();
    }

    static Optional<String> keyPointsProblem(List<String> keyPoints) {
        if (keyPoints == null || keyPoints.isEmpty() || keyPoints.size() > MAX_KEY_POINTS
                || keyPoints.stream().anyMatch(k -> k == null || k.isBlank() || k.length() > 200)) {
            return Optional.of("key points missing or malformed");
        }
        return Optional.empty();
    }

    private static boolean recites(String said, String secret) {
        List<String> words = new ArrayList<>(List.of(secret.split(" ")));
        words.removeIf(String::isEmpty);
        if (words.size() < LEAK_RUN) {
            return words.size() >= 3 && said.contains(String.join(" ", words));
        }
        for (int i = 0; i + LEAK_RUN <= words.size(); i++) {
            if (said.contains(String.join(" ", words.subList(i, i + LEAK_RUN)))) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#]+", " ").strip();
    }
}
