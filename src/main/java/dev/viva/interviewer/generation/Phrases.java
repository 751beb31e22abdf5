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
import java.util.stream.Stream;

/**
 * The candidate's own words to quote back, always a whole clause or sentence of what they said (never a span cut
 * mid-phrase), and the interviewer's general follow-up questions, each a whole question written for when a template
 * has no authored probe. Shared by both generators, so the LLM path falls back to the same grounded phrasing.
 */
public final class Phrases {

    static final int MAX_QUOTE_WORDS = 14;
    static final int MIN_QUOTE_WORDS = 4;

    /** Asks for an example of what the candidate just said. */
    public static final List<String> EXAMPLE = List.of(
            "Could you give me a concrete example of that from something you've built?",
            "What would that look like in a real project you've worked on?",
            "Can you walk me through a time you used that in your own work?");
    /** Asks for the trade-offs of what the candidate proposed. */
    public static final List<String> TRADE_OFF = List.of(
            "What trade-offs come with that, and when would you choose differently?",
            "What are you giving up with that choice, and how would you decide whether it's worth it?",
            "What would make you reconsider that approach?");
    /** Questions a belief the candidate stated (a misconception), after quoting it. */
    public static final List<String> CHALLENGE = List.of(
            "Is that always the case, and why?",
            "Can you think of a situation where that wouldn't hold?",
            "How sure are you of that, and what's your reasoning?");
    /** For a story that left out one of its criteria: the criterion's cue, and what to ask. */
    private static final List<StoryProbe> STORY = List.of(
            new StoryProbe("situation|context|specific|concrete", "Could you walk me through one specific time that happened?"),
            new StoryProbe("outcome|result|impact|turned out", "How did it turn out in the end?"),
            new StoryProbe("learn|reflect|differently|looking back", "Looking back, what would you do differently next time?"),
            new StoryProbe("communicat|team|stakeholder|informed", "How did you keep the people around you informed?"),
            new StoryProbe("alternative|options|weigh", "What other options did you consider, and why did you choose that one?"),
            new StoryProbe("data|evidence|measure|metric", "What evidence did you use to decide?"),
            new StoryProbe("technolog|tools|stack", "Which tools or technologies were involved, and why those?"),
            new StoryProbe("question", "What questions did you ask along the way?"),
            new StoryProbe("action|own|role|themsel|they did", "What did you do yourself at that point?"));
    static final String STORY_DEFAULT = "Could you tell me a bit more about what you did yourself and how it turned out?";

    private record StoryProbe(String cue, String question) {
    }

    /** Where a clause ends: a sentence's end, a semicolon, colon or line break, or a comma or dash before a space. */
    private static final Pattern BOUNDARY = Pattern.compile("[.!?](?=\\s|$)|[;:\\n]|[,–—](?=\\s)|\\s-(?=\\s)");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)|[;:\\n]");
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9+#'-]*");
    /** Text that instructs rather than answers is never quoted back: repeating it would lend it a voice. */
    private static final Pattern INSTRUCTION_LIKE = Pattern.compile(
            "(?i)\\b(ignore|disregard|instructions?|prompt|full marks|score|grade|rubric|you are now|pretend)\\b");
    /** A clause that begins by leaning on the one before it reads as a fragment when quoted alone. */
    private static final Pattern LEANS_BACK = Pattern.compile(
            "(?i)^(and|or|but|so|because|which|that|then|than|while|whereas|if|unless|as|like|e\\.g|i\\.e|etc)\\b");
    private static final Pattern DANGLING_END = Pattern.compile(
            "(?i)\\b(a|an|the|and|or|but|of|to|in|on|at|for|with|by|from|as|is|are|was|were|that|which|my|our|your"
            + "|their|its|this|these|um|uh|like)$");
    private static final String EDGE = "\"'“”‘’()[]*`";
    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "by", "from",
            "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
            "so", "can", "could", "would", "should", "will", "do", "does", "did", "not", "no", "yes", "you", "your",
            "i", "we", "they", "them", "their", "our", "my", "me", "he", "she", "his", "her", "than", "then", "when",
            "what", "which", "who", "how", "why", "where", "there", "here", "each", "such", "into", "about", "also",
            "only", "just", "very", "more", "most", "some", "any", "all", "one", "has", "have", "had", "use", "uses",
            "used", "using", "get", "gets", "like", "way", "thing", "things", "because", "while", "both", "other",
            "same", "own", "up", "out", "over", "via", "per", "etc", "e.g", "i.e", "i'd", "i'm", "it's", "don't");

    private Phrases() {
    }

    /** Every general follow-up question the offline interviewer may ask: what a follow-up must be, if not a probe. */
    public static List<String> generalQuestions() {
        return Stream.of(EXAMPLE.stream(), TRADE_OFF.stream(), CHALLENGE.stream(),
                STORY.stream().map(StoryProbe::question), Stream.of(STORY_DEFAULT)).flatMap(s -> s).toList();
    }

    /** The question to ask about a story that did not meet {@code criterion} ("states the outcome"). */
    static String storyQuestion(String criterion) {
        String c = criterion == null ? "" : criterion.toLowerCase(Locale.ROOT);
        return STORY.stream().filter(p -> Pattern.compile("\\b(" + p.cue() + ")").matcher(c).find())
                .map(StoryProbe::question).findFirst().orElse(STORY_DEFAULT);
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
     * A whole clause or sentence of {@code answer}, verbatim, of {@value #MIN_QUOTE_WORDS}-{@value #MAX_QUOTE_WORDS}
     * words, that best overlaps {@code focus} (the longest usable one when nothing overlaps). A clause is never cut to
     * fit: when none is short enough there is no quote. Clauses that contain a phrase the persona must avoid, read
     * like instructions, or lean on the clause before them ("and then...") are never chosen.
     */
    public static Optional<String> quote(String answer, Collection<String> focus, Collection<String> avoid) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        Set<String> focusWords = new LinkedHashSet<>();
        focus.forEach(f -> focusWords.addAll(contentWords(f)));
        String best = null;
        double bestScore = -1;
        for (String span : clauses(answer)) {
            if (INSTRUCTION_LIKE.matcher(span).find() || containsAny(span, avoid) || LEANS_BACK.matcher(span).find()
                    || DANGLING_END.matcher(span).find()) {
                continue;
            }
            int words = span.split("\\s+").length;
            List<String> content = contentWords(span);
            if (words < MIN_QUOTE_WORDS || words > MAX_QUOTE_WORDS || content.isEmpty()) {
                continue;
            }
            long overlap = content.stream().filter(focusWords::contains).distinct().count();
            double score = overlap * 10 + Math.min(content.size(), 6);
            if (score > bestScore) {
                bestScore = score;
                best = span;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The answer's sentences and the clauses within them, each trimmed of spaces and edge quotes or brackets. */
    static List<String> clauses(String answer) {
        List<String> out = new ArrayList<>();
        split(answer, SENTENCE_END, out);
        split(answer, BOUNDARY, out);
        return out.stream().distinct().toList();
    }

    private static void split(String text, Pattern boundary, List<String> out) {
        Matcher m = boundary.matcher(text);
        int from = 0;
        while (true) {
            boolean found = m.find();
            int to = found ? m.start() : text.length();
            String span = trim(text.substring(from, to));
            if (!span.isEmpty()) {
                out.add(span);
            }
            if (!found) {
                return;
            }
            from = m.end();
        }
    }

    private static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (Character.isWhitespace(s.charAt(a)) || EDGE.indexOf(s.charAt(a)) >= 0)) {
            a++;
        }
        while (b > a && (Character.isWhitespace(s.charAt(b - 1)) || EDGE.indexOf(s.charAt(b - 1)) >= 0)) {
            b--;
        }
        return s.substring(a, b);
    }

    static boolean containsAny(String text, Collection<String> phrases) {
        String lower = text.toLowerCase(Locale.ROOT);
        return phrases.stream().anyMatch(p -> !p.isBlank() && lower.contains(p.toLowerCase(Locale.ROOT)));
    }
}
