package dev.viva.voice.session;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the words of an answer so far sound finished. Silence alone cannot tell a candidate who is done from one
 * gathering their thoughts, so the transcript of the answer up to the pause decides how long to wait: a sentence that
 * stops on "and", "the", "because" or "um" is going on, and the turn gets the longer silence. Kept to words that
 * almost never end an English sentence, since a false "unfinished" only costs half a second while a false "finished"
 * cuts the candidate off.
 */
final class TurnCompletion {

    private static final Set<String> CONTINUING = Set.of(
            // conjunctions
            "and", "but", "or", "nor", "because", "cause", "although", "though", "whereas", "unless", "if", "than",
            "whether", "while",
            // articles and possessives
            "the", "a", "an", "my", "our", "their", "your", "its", "every", "each",
            // prepositions that need an object
            "of", "with", "to", "from", "into", "via", "onto", "between", "during", "towards", "toward",
            // relatives and subjects
            "which", "whose", "i", "we",
            // fillers
            "um", "uh", "er", "erm", "uhm", "hmm", "mm", "like");

    /** "so" ends a sentence after these ("I think so"); elsewhere it leads into one. */
    private static final Set<String> SO_ENDS = Set.of("think", "hope", "guess", "believe", "said", "did", "not",
            "suppose", "so");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private TurnCompletion() {
    }

    /** True when the transcript trails off: a continuing word, a comma, a dash or an ellipsis at its end. */
    static boolean unfinished(String transcript) {
        String text = transcript.strip();
        if (text.isEmpty()) {
            return false;
        }
        if (text.endsWith(",") || text.endsWith("...") || text.endsWith("…") || text.endsWith("-")
                || text.endsWith("—")) {
            return true;
        }
        String[] words = WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(m -> m.group())
                .toArray(String[]::new);
        if (words.length == 0) {
            return false;
        }
        String last = words[words.length - 1];
        if (last.equals("so")) {
            return words.length < 2 || !SO_ENDS.contains(words[words.length - 2]);
        }
        return CONTINUING.contains(last);
    }
}
