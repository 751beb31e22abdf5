package dev.viva.interviewer;

import dev.viva.interviewer.generation.Phrases;
import dev.viva.role.RoleTemplate;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar every offline follow-up must obey: its question is one of the template's authored probes or one of the
 * interviewer's whole general questions, it is the last thing said and nothing before it asks anything, and anything
 * quoted from the candidate is a whole clause or sentence of what they said (bounded by the start or end of the answer
 * or by punctuation on both sides). A question built from fragments of key points, or a quote cut mid-phrase, fails.
 */
public final class FollowUpGrammar {

    private static final Pattern QUOTE = Pattern.compile("“([^”]+)”");
    private static final String EDGE = "\"'“”‘’()[]*`";
    private static final String CLAUSE_END = ".!?;:,\n–—-";

    private final Set<String> questions = new HashSet<>(Phrases.generalQuestions());

    public FollowUpGrammar(RoleTemplate role) {
        role.questions().forEach(q -> q.probes().values().forEach(ps -> ps.forEach(p -> questions.add(p.strip()))));
    }

    /** Why a follow-up is malformed, or empty when it is well formed. */
    public Optional<String> followUp(Utterance u, String previousAnswer) {
        return followUp(u.text(), u.question().question(), previousAnswer);
    }

    /**
     * @param said     everything the interviewer said with the follow-up
     * @param question the follow-up question (what the turn records as asked)
     */
    public Optional<String> followUp(String said, String question, String previousAnswer) {
        if (!questions.contains(question)) {
            return Optional.of("not a bank probe or a general question: " + question);
        }
        if (!said.endsWith(question)) {
            return Optional.of("the question is not the last thing said: " + said);
        }
        if (said.substring(0, said.length() - question.length()).contains("?")) {
            return Optional.of("something else is asked before the question: " + said);
        }
        return quotes(said, previousAnswer);
    }

    /** Why a quote in {@code said} is not a whole clause of {@code answer}, or empty when every quote is one. */
    public static Optional<String> quotes(String said, String answer) {
        Matcher m = QUOTE.matcher(said);
        while (m.find()) {
            String quote = m.group(1);
            if (!wholeClause(quote, answer)) {
                return Optional.of("“" + quote + "” is not a whole clause of: " + answer);
            }
        }
        return Optional.empty();
    }

    static boolean wholeClause(String quote, String answer) {
        if (answer == null) {
            return false;
        }
        for (int at = answer.indexOf(quote); at >= 0; at = answer.indexOf(quote, at + 1)) {
            if (bounded(answer, at - 1, -1) && bounded(answer, at + quote.length(), 1)) {
                return true;
            }
        }
        return false;
    }

    /** Walking from {@code i} in {@code step} direction over spaces and quote marks: the text's edge or punctuation. */
    private static boolean bounded(String text, int i, int step) {
        while (i >= 0 && i < text.length()) {
            char c = text.charAt(i);
            if (CLAUSE_END.indexOf(c) >= 0) {
                return true;
            }
            if (!Character.isWhitespace(c) && EDGE.indexOf(c) < 0) {
                return false;
            }
            i += step;
        }
        return true;
    }
}
