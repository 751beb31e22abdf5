package dev.viva.tts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits text into the segments synthesised and streamed one at a time: sentences, with sentences longer than the
 * limit split at clause boundaries so the first audio does not wait for a long sentence. Segments are trimmed
 * substrings of the text in order, and only whitespace lies between them, so every word belongs to exactly one
 * segment: that is what lets the pipeline record which words were played before a barge-in.
 */
final class Segmenter {

    /** Words ending in a period that do not end a sentence even before a capital ("Dr. Smith", "e.g. Python"). */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs",
            "cf", "approx", "fig", "inc", "ltd", "corp", "dept", "mt", "ft");
    /** "e.g", "i.e", "U.S", "a.m": letters separated by periods (the final period is not part of the token). */
    private static final Pattern DOTTED = Pattern.compile("(\\p{L}\\.)+\\p{L}");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
    private static final Pattern SPEAKABLE = Pattern.compile("[\\p{L}\\p{N}]");
    private static final String TERMINATORS = ".!?…";
    private static final String CLOSERS = "\"'”’»)]}";
    private static final String STRONG_CLAUSE_ENDS = ";:";
    private static final String DASHES = "—–-";

    private Segmenter() {
    }

    /** The segments of {@code text}, none longer than {@code maxChars} unless a single word is. */
    static List<String> split(String text, int maxChars) {
        List<int[]> spans = new ArrayList<>();
        for (int[] sentence : sentences(text)) {
            splitLong(text, sentence[0], sentence[1], maxChars, spans);
        }
        return merged(text, spans);
    }

    /** Spans [start, end) of trimmed sentences. */
    static List<int[]> sentences(String text) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            int end = sentenceEnd(text, i);
            if (end > 0) {
                addTrimmed(text, start, end, spans);
                start = end;
                i = end - 1;
            }
        }
        addTrimmed(text, start, text.length(), spans);
        return spans;
    }

    /** Where a sentence ending at {@code i} ends (after its closing quotes), or 0 when none ends there. */
    private static int sentenceEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            var paragraph = PARAGRAPH_BREAK.matcher(text).region(i, text.length());
            return paragraph.lookingAt() ? paragraph.end() : 0;
        }
        if (TERMINATORS.indexOf(c) < 0) {
            return 0;
        }
        int end = i + 1;
        while (end < text.length() && TERMINATORS.indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        while (end < text.length() && CLOSERS.indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        // "3.5", "example.com", "?!" inside a word: a sentence ends only where whitespace follows
        if (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            return 0;
        }
        int next = skipSpace(text, end);
        if (next < text.length() && Character.isLowerCase(text.charAt(next))) {
            return 0; // "e.g. one", "Really?" she asked
        }
        if (c == '.' && end == i + 1 && next < text.length() && isAbbreviation(text, i)) {
            return 0;
        }
        return end;
    }

    /**
     * Whether text that may go on (a model's reply arriving piece by piece) already ends a sentence: it ends with
     * "?" or "!", or with a period that closes a word that is neither an abbreviation nor a number ("Dr." and "3."
     * may go on). What a later piece could still turn into one sentence is not claimed.
     */
    static boolean endsSentence(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int i = end - 1;
        while (i >= 0 && CLOSERS.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        if (i < 1 || TERMINATORS.indexOf(text.charAt(i)) < 0) {
            return false;
        }
        char c = text.charAt(i);
        if (c != '.') {
            return true;
        }
        return Character.isLetter(text.charAt(i - 1)) && !isAbbreviation(text, i);
    }

    /** Whether the word ending with the period at {@code dot} is an abbreviation or an initial. */
    private static boolean isAbbreviation(String text, int dot) {
        int from = dot;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        String word = text.substring(from, dot);
        while (!word.isEmpty() && !Character.isLetterOrDigit(word.charAt(0))) {
            word = word.substring(1); // "(e.g."
        }
        return word.length() == 1 && Character.isLetter(word.charAt(0))
                || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))
                || DOTTED.matcher(word).matches();
    }

    /**
     * Splits [start, end) into pieces of at most {@code maxChars}, each cut at the strongest boundary within reach:
     * a semicolon, colon or spaced dash, then a comma, then any space, and never inside a word. A boundary in the
     * first third is passed over for a weaker later one, so no piece is a stub.
     */
    private static void splitLong(String text, int start, int end, int maxChars, List<int[]> out) {
        while (end - start > maxChars) {
            int limit = start + maxChars;
            int cut = -1;
            int strength = -1;
            for (int i = start + maxChars / 3; i < limit; i++) {
                int s = boundaryStrength(text, i);
                if (s >= strength && s >= 0) {
                    cut = i + 1;
                    strength = s;
                }
            }
            if (cut < 0) {
                cut = lastSpaceBefore(text, start, limit);
            }
            if (cut < 0) {
                cut = firstSpaceAfter(text, limit, end);
            }
            if (cut < 0) {
                break;
            }
            addTrimmed(text, start, cut, out);
            start = skipSpace(text, cut);
        }
        addTrimmed(text, start, end, out);
    }

    /** 2 after ; : or a spaced dash, 1 after a comma, 0 at a space, -1 elsewhere; only where a space follows. */
    private static int boundaryStrength(String text, int i) {
        if (i + 1 >= text.length() || !Character.isWhitespace(text.charAt(i + 1))) {
            return -1;
        }
        char c = text.charAt(i);
        if (STRONG_CLAUSE_ENDS.indexOf(c) >= 0
                || DASHES.indexOf(c) >= 0 && i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            return 2;
        }
        if (c == ',') {
            return 1;
        }
        return Character.isWhitespace(c) ? -1 : 0;
    }

    private static int lastSpaceBefore(String text, int start, int limit) {
        for (int i = limit; i > start; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstSpaceAfter(String text, int from, int end) {
        for (int i = from; i < end; i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void addTrimmed(String text, int start, int end, List<int[]> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            out.add(new int[] {start, end});
        }
    }

    /**
     * The spans' text, with pieces that have nothing to pronounce (":)", "—") joined to their neighbour: alone they
     * would produce no audio, yet their characters must still belong to a segment.
     */
    private static List<String> merged(String text, List<int[]> spans) {
        List<int[]> kept = new ArrayList<>();
        for (int[] span : spans) {
            if (!kept.isEmpty() && (!speakable(text, span) || !speakable(text, kept.getLast()))) {
                kept.getLast()[1] = span[1];
            } else {
                kept.add(span);
            }
        }
        return kept.stream().map(span -> text.substring(span[0], span[1])).toList();
    }

    private static boolean speakable(String text, int[] span) {
        return SPEAKABLE.matcher(text).region(span[0], span[1]).find();
    }
}
