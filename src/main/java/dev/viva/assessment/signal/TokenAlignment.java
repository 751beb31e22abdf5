package dev.viva.assessment.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How much of a reference text (an ideal answer, a key point) an answer expresses, word by word: every content word
 * of the reference is matched to the closest contextual token vector of the answer, and the mean of those best
 * cosines is the recall (BERTScore recall, Zhang et al. 2020). A whole-text embedding blurs a short answer into "about
 * the same topic"; matching words keeps apart an answer that states the reference's point in other words from one that
 * only shares its subject.
 *
 * <p>Words that the question already contains, or words of their family ({@link Text#inFamily}), are left out on
 * both sides (question demoting, Mohler et al. 2011): repeating the question's terms shows nothing, and they would
 * otherwise match perfectly in every answer.
 */
public final class TokenAlignment {

    /** The contextual vector of one sub-word token of a content word, with that word's stem. */
    public record Token(String stem, float[] vector) {
    }

    private TokenAlignment() {
    }

    /**
     * The tokens of {@code text} that belong to content words (the words {@link Text#contentStems} keeps).
     *
     * @param text    the exact text that was encoded, since token offsets point into it
     * @param encoded its encoding
     */
    public static List<Token> contentTokens(String text, SentenceEmbedder.Encoded encoded) {
        return contentTokens(text, encoded, 0, Integer.MAX_VALUE);
    }

    /** The same, for the words of {@code text} from index {@code fromWord} (inclusive) to {@code toWord} (exclusive). */
    public static List<Token> contentTokens(String text, SentenceEmbedder.Encoded encoded, int fromWord, int toWord) {
        List<Text.Token> words = Text.tokens(text);
        List<Token> out = new ArrayList<>();
        int w = 0;
        for (int t = 0; t < encoded.tokens().length; t++) {
            int start = encoded.starts()[t];
            while (w < words.size() && words.get(w).end() <= start) {
                w++;
            }
            if (w == words.size() || w >= toWord) {
                break;
            }
            String word = words.get(w).norm();
            if (w >= fromWord && words.get(w).start() <= start && !Text.isStopword(word) && word.length() > 1) {
                out.add(new Token(Text.stem(word), encoded.tokens()[t]));
            }
        }
        return out;
    }

    /**
     * Mean over the reference's content tokens of the best cosine with any of the answer's, question words left out
     * on both sides (unless the reference says nothing else). 0 when the answer has no content word of its own; NaN
     * when the reference has no content word at all.
     */
    public static double recall(List<Token> reference, List<Token> answer, Set<String> questionStems) {
        if (reference.isEmpty()) {
            return Double.NaN;
        }
        List<Token> ref = demoted(reference, questionStems);
        List<Token> ans = demoted(answer, questionStems);
        if (ref.isEmpty()) {
            ref = reference;
            ans = answer;
        }
        if (ans.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Token r : ref) {
            double best = 0;
            for (Token a : ans) {
                best = Math.max(best, SentenceEmbedder.cosine(r.vector(), a.vector()));
            }
            sum += best;
        }
        return sum / ref.size();
    }

    private static List<Token> demoted(List<Token> tokens, Set<String> questionStems) {
        return tokens.stream().filter(t -> !Text.inFamily(t.stem(), questionStems)).toList();
    }
}
