package dev.viva.interviewer.generation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the candidate's own words to quote back and names the topic of an uncovered key point without reciting it.
 * Shared by both generators, so the LLM path falls back to the same grounded phrasing.
 */
public final class Phrases {

    static final int MAX_QUOTE_WORDS = 12;
    private static final int MIN_QUOTE_WORDS = 3;

    private static final Pattern CLAUSE = Pattern.compile("[^.;:,!?\\n]+");
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9+#'-]*");
    /** Text that instructs rather than answers is never quoted back: repeating it would lend it a voice. */
    private static final Pattern INSTRUCTION_LIKE = Pattern.compile(
            "(?i)\\b(ignore|disregard|instructions?|prompt|full marks|score|grade|rubric|you are now|pretend)\\b");
    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "by", "from",
            "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
            "so", "can", "could", "would", "should", "will", "do", "does", "did", "not", "no", "yes", "you", "your",
            "i", "we", "they", "them", "their", "our", "my", "me", "he", "she", "his", "her", "than", "then", "when",
            "what", "which", "who", "how", "why", "where", "there", "here", "each", "such", "into", "about", "also",
            "only", "just", "very", "more", "most", "some", "any", "all", "one", "has", "have", "had", "use", "uses",
            "used", "using", "get", "gets", "like", "way", "thing", "things", "because", "while", "both", "other",
            "same", "own", "up", "out", "over", "via", "per", "etc", "e.g", "i.e", "i'd", "i'm", "it's", "don't",
            "gives", "give", "makes", "make", "means", "mean", "returns", "return", "need", "needs", "well", "set",
            "sets", "adds", "add", "fixes", "fix", "describes", "explains", "states", "considers", "doing", "keeps",
            "keep", "provides", "checks", "check", "knows", "know", "rather", "instead", "always", "never");

    private Phrases() {
    }

    /** Lower-case content words: what a text is about. */
    static List<String> contentWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group().replaceAll("[-']+$", "");
            if (w.length() >= 3 && !STOP.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * A short verbatim span of {@code answer} (a clause, at most {@value #MAX_QUOTE_WORDS} words) that best overlaps
     * {@code focus}, or the longest usable clause when nothing overlaps. Clauses that contain a phrase the persona
     * must avoid, or that read like instructions, are never chosen. Empty when no clause is usable.
     */
    public static Optional<String> quote(String answer, Collection<String> focus, Collection<String> avoid) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        Set<String> focusWords = new LinkedHashSet<>();
        focus.forEach(f -> focusWords.addAll(contentWords(f)));
        String best = null;
        double bestScore = -1;
        Matcher clause = CLAUSE.matcher(answer);
        while (clause.find()) {
            String span = trimmed(answer, clause.start(), clause.end());
            if (span == null || INSTRUCTION_LIKE.matcher(span).find() || containsAny(span, avoid)) {
                continue;
            }
            List<String> words = contentWords(span);
            if (words.isEmpty()) {
                continue;
            }
            long overlap = words.stream().filter(focusWords::contains).distinct().count();
            double score = overlap * 10 + Math.min(words.size(), 6);
            if (score > bestScore) {
                bestScore = score;
                best = span;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The clause from {@code start} to {@code end}, cut to a word boundary, without edge punctuation. */
    private static String trimmed(String text, int start, int end) {
        Matcher w = WORD.matcher(text).region(start, end);
        int first = -1;
        int lastEnd = -1;
        int count = 0;
        while (w.find() && count < MAX_QUOTE_WORDS) {
            if (first < 0) {
                first = w.start();
            }
            lastEnd = w.end();
            count++;
        }
        if (count < MIN_QUOTE_WORDS) {
            return null;
        }
        while (lastEnd > first && ",:-–—\"'“”()".indexOf(text.charAt(lastEnd - 1)) >= 0) {
            lastEnd--;
        }
        while (first < lastEnd && "\"'“”(-–—".indexOf(text.charAt(first)) >= 0) {
            first++;
        }
        return first < lastEnd ? text.substring(first, lastEnd) : null;
    }

    /**
     * Two or three words that name what a key point is about and the answer did not mention, e.g. "dictionary keys"
     * for "tuples are hashable ... so they can be dictionary keys" when the candidate never spoke of dictionaries.
     * Never the key point itself.
     */
    public static String topic(String keyPoint, String answer) {
        List<String> words = contentWords(keyPoint);
        Set<String> said = new LinkedHashSet<>(contentWords(answer));
        List<String> unsaid = words.stream().filter(w -> !said.contains(w)).toList();
        if (unsaid.isEmpty()) {
            return words.isEmpty() ? "that part" : String.join(" ", words.subList(0, Math.min(2, words.size())));
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            if (!said.contains(words.get(i)) && !said.contains(words.get(i + 1))
                    && keyPoint.toLowerCase(Locale.ROOT).contains(words.get(i) + " " + words.get(i + 1))) {
                return words.get(i) + " " + words.get(i + 1);
            }
        }
        return unsaid.size() == 1 ? unsaid.getFirst() : unsaid.get(0) + " and " + unsaid.get(1);
    }

    static boolean containsAny(String text, Collection<String> phrases) {
        String lower = text.toLowerCase(Locale.ROOT);
        return phrases.stream().anyMatch(p -> !p.isBlank() && lower.contains(p.toLowerCase(Locale.ROOT)));
    }
}
