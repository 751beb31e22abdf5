package dev.viva.tts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts text that arrives piece by piece (a language model's tokens) into sentences with the same rules as the
 * synthesiser's {@link Segmenter}, handing each one out as soon as it is known to be complete, so it can be checked
 * and spoken while the rest is still being written. Not thread-safe: one stream, one reader.
 */
public final class SentenceStream {

    private final StringBuilder pending = new StringBuilder();

    /** Adds a piece; returns the sentences it completed, in order (often none). */
    public List<String> append(String piece) {
        pending.append(piece);
        String text = pending.toString();
        List<int[]> spans = Segmenter.sentences(text);
        List<String> complete = new ArrayList<>();
        int consumed = 0;
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            // a sentence followed by another was closed by what followed it; the last one only if it ends for sure
            boolean last = i == spans.size() - 1;
            if (last && !Segmenter.endsSentence(text.substring(0, span[1]))) {
                break;
            }
            complete.add(text.substring(span[0], span[1]));
            consumed = last ? text.length() : spans.get(i + 1)[0];
        }
        pending.delete(0, consumed);
        return complete;
    }

    /**
     * A short opening clause ("Right," or "I see,") of at most {@code maxWords} words, once what follows it has begun,
     * taken off the front of the stream; empty when the text does not open that way. Said on its own, it lets the
     * reply be heard while the model is still writing the rest of its first sentence.
     */
    public Optional<String> leadingClause(int maxWords) {
        int comma = pending.indexOf(",");
        if (comma <= 0 || comma + 1 >= pending.length() || !Character.isWhitespace(pending.charAt(comma + 1))) {
            return Optional.empty();
        }
        String clause = pending.substring(0, comma + 1).strip();
        String words = clause.substring(0, clause.length() - 1).strip();
        if (words.isEmpty() || words.split("\\s+").length > maxWords || words.matches(".*[.?!].*")) {
            return Optional.empty();
        }
        int next = comma + 1;
        while (next < pending.length() && Character.isWhitespace(pending.charAt(next))) {
            next++;
        }
        pending.delete(0, next);
        return Optional.of(clause);
    }

    /** What is left at the end of the stream (an unterminated last sentence), trimmed; the stream is then empty. */
    public String rest() {
        String rest = pending.toString().strip();
        pending.setLength(0);
        return rest;
    }
}
