package dev.viva.assessment.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tokens, content words and windows of an answer. Answers usually come from speech recognition: lower-case, without
 * punctuation, with technical terms split or misheard ("sequel alchemy", "fast api", "cube control"), so everything
 * here works on normalised word sequences rather than on sentences.
 */
public final class Text {

    /** A word of the original text with its character offsets, so evidence can quote the answer verbatim. */
    public record Token(String norm, int start, int end) {

        /** The word without the '.' or ',' that ends it in running text ("LambdaMART," -> "lambdamart"). */
        public String bare() {
            return norm.replaceAll("[.,]+$", "");
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'+#.\\-]*[\\p{L}\\p{N}+#]|[\\p{L}\\p{N}]");

    /** Speech-recognition spellings of technical terms, mapped to the written form, longest phrases first. */
    private static final Map<String, String> ASR_FIXES = Map.ofEntries(
            Map.entry("sequel alchemy", "sqlalchemy"), Map.entry("sql alchemy", "sqlalchemy"),
            Map.entry("fast api", "fastapi"), Map.entry("post gres", "postgres"), Map.entry("postgres sql", "postgresql"),
            Map.entry("post gress", "postgres"), Map.entry("postgre sql", "postgresql"), Map.entry("my sequel", "mysql"),
            Map.entry("no sequel", "nosql"), Map.entry("cube control", "kubectl"), Map.entry("cube cuddle", "kubectl"),
            Map.entry("cooper netties", "kubernetes"), Map.entry("cuber netties", "kubernetes"),
            Map.entry("java script", "javascript"), Map.entry("type script", "typescript"), Map.entry("jason", "json"),
            Map.entry("pie test", "pytest"), Map.entry("pi test", "pytest"), Map.entry("num pie", "numpy"),
            Map.entry("pie torch", "pytorch"), Map.entry("tensor flow", "tensorflow"), Map.entry("psychic learn", "scikit-learn"),
            Map.entry("sci kit learn", "scikit-learn"), Map.entry("graph q l", "graphql"), Map.entry("graph ql", "graphql"),
            Map.entry("read is", "redis"), Map.entry("rest api", "rest api"), Map.entry("a sync", "async"),
            Map.entry("a wait", "await"), Map.entry("j w t", "jwt"), Map.entry("o auth", "oauth"),
            Map.entry("engine x", "nginx"), Map.entry("get hub", "github"), Map.entry("terra form", "terraform"),
            Map.entry("dev ops", "devops"), Map.entry("c i c d", "ci/cd"), Map.entry("see eye see dee", "ci/cd"),
            Map.entry("web socket", "websocket"), Map.entry("web sockets", "websockets"), Map.entry("next js", "next.js"),
            Map.entry("node js", "node.js"), Map.entry("react js", "react"), Map.entry("u r l", "url"),
            Map.entry("h t t p", "http"), Map.entry("a p i", "api"), Map.entry("s q l", "sql"), Map.entry("l l m", "llm"));

    /** All the repairs in one pass, longer spellings first (the text is read once, not once per repair). */
    private static final Pattern ASR_FIX = Pattern.compile("\\b(?:" + ASR_FIXES.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b");

    static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "with",
            "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these",
            "those", "there", "here", "i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them", "my",
            "our", "your", "their", "his", "do", "does", "did", "doing", "have", "has", "had", "having", "will",
            "would", "can", "could", "should", "may", "might", "must", "shall", "not", "no", "yes", "also", "just",
            "very", "really", "about", "into", "out", "up", "down", "over", "under", "than", "too", "what", "which",
            "who", "whom", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most",
            "other", "some", "such", "only", "own", "same", "s", "t", "don't", "i'm", "it's", "that's", "there's",
            "i'd", "i've", "we've", "we're", "they're", "you're", "let's", "because", "while", "through", "again",
            "once", "one", "get", "got", "like", "um", "uh", "yeah", "okay", "ok", "well", "actually", "basically",
            "thing", "things", "lot", "kind", "sort");

    private Text() {
    }

    /** Lower-case, with speech-recognition spellings of technical terms repaired. */
    public static String normalise(String text) {
        return ASR_FIX.matcher(text.toLowerCase(Locale.ROOT))
                .replaceAll(m -> Matcher.quoteReplacement(ASR_FIXES.get(m.group())));
    }

    /** The words of the original text, normalised, with offsets into the original. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(new Token(m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
        }
        return out;
    }

    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(normalise(text));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public static boolean isStopword(String word) {
        return STOPWORDS.contains(word);
    }

    /**
     * Whether {@code stem} is one of {@code stems} or of the same word family: one, of five letters or more, is a
     * prefix of the other ("escap", "escape") or they share their first six letters ("precise", "precision";
     * "consistent", "consistency"). The crude stemmer leaves such pairs apart, and an answer that says "precision is
     * how precise the model is" only repeats the question's word.
     */
    public static boolean inFamily(String stem, Set<String> stems) {
        if (stems.contains(stem)) {
            return true;
        }
        for (String s : stems) {
            int common = 0;
            int max = Math.min(s.length(), stem.length());
            while (common < max && s.charAt(common) == stem.charAt(common)) {
                common++;
            }
            if (common >= FAMILY_PREFIX || common == max && max >= FAMILY_ROOT) {
                return true;
            }
        }
        return false;
    }

    /** Letters two words of one family share, and the shortest root that may be another word's prefix. */
    private static final int FAMILY_PREFIX = 6;
    private static final int FAMILY_ROOT = 5;

    /** "CORS", "SLOs", "ORM": an acronym as a question writes it. */
    private static final Pattern ACRONYM = Pattern.compile("\\b(\\p{Lu}{2,6})s?\\b");
    /** Connectives an expansion may spell a letter with or pass over. */
    private static final Set<String> EXPANSION_GLUE = Set.of("and", "of", "the", "to", "for", "a", "in", "on");

    /**
     * The content stems of the answer's spelled-out forms of the question's acronyms: an answer that says "CORS is
     * cross-origin resource sharing" repeats the question's term in other letters and adds nothing by it. Hyphenated
     * words count a letter per part ("object-relational mapping" for ORM).
     */
    public static Set<String> expansions(String question, String answer) {
        Set<String> acronyms = new HashSet<>();
        Matcher m = ACRONYM.matcher(question);
        while (m.find()) {
            acronyms.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        Set<String> out = new HashSet<>();
        if (acronyms.isEmpty()) {
            return out;
        }
        List<String> words = new ArrayList<>();
        List<String> whole = new ArrayList<>();
        for (String w : words(answer)) {
            for (String part : w.split("-")) {
                words.add(part);
                whole.add(w);
            }
        }
        for (String acronym : acronyms) {
            for (int start = 0; start < words.size(); start++) {
                int end = spelled(acronym, 0, words, start);
                for (int w = start; w < end; w++) {
                    if (!isStopword(words.get(w)) && words.get(w).length() > 1) {
                        out.add(stem(words.get(w)));
                        out.add(stem(whole.get(w)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Where a spelling of {@code acronym} from its {@code letter}th letter at word {@code at} ends (exclusive), or -1
     * when there is none. A connective may stand for a letter ("time to live") or be passed over ("rate of change").
     */
    private static int spelled(String acronym, int letter, List<String> words, int at) {
        if (letter == acronym.length()) {
            return at;
        }
        if (at == words.size() || words.get(at).isEmpty()) {
            return -1;
        }
        String word = words.get(at);
        boolean glue = letter > 0 && EXPANSION_GLUE.contains(word);
        if (word.charAt(0) == acronym.charAt(letter) && (glue || !isStopword(word))) {
            int end = spelled(acronym, letter + 1, words, at + 1);
            if (end > 0) {
                return end;
            }
        }
        return glue ? spelled(acronym, letter, words, at + 1) : -1;
    }

    /** Content words reduced to a crude stem, so "indexes", "indexing" and "index" meet. */
    public static List<String> contentStems(String text) {
        return words(text).stream().filter(w -> !isStopword(w) && w.length() > 1).map(Text::stem).toList();
    }

    public static String stem(String w) {
        String s = w;
        for (String suffix : new String[]{"ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s"}) {
            if (s.length() > suffix.length() + 3 && s.endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length());
                if (suffix.equals("ies") || suffix.equals("ied")) {
                    s = s + "y";
                }
                break;
            }
        }
        return s;
    }

    /** The first of {@code stops} from {@code from} on, or the end of the text. */
    static int until(String text, int from, String stops) {
        int end = from;
        while (end < text.length() && stops.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    /**
     * Overlapping windows of {@code size} words stepping by {@code step}: the unit of comparison for transcripts
     * that have no sentence boundaries. A text shorter than one window is one window.
     */
    public static List<Span> windows(String text, int size, int step) {
        List<Token> tokens = tokens(text);
        List<Span> out = new ArrayList<>();
        if (tokens.isEmpty()) {
            return out;
        }
        for (int i = 0; ; i += step) {
            int end = Math.min(tokens.size(), i + size);
            out.add(new Span(tokens.get(i).start(), tokens.get(end - 1).end(),
                    text.substring(tokens.get(i).start(), tokens.get(end - 1).end())));
            if (end == tokens.size()) {
                break;
            }
        }
        return out;
    }

    /**
     * The clause of {@code text} around {@code [start, end)}, as a verbatim span of {@code minWords} to
     * {@code maxWords} words, so a quote reads as something the candidate said rather than a word or a cut-off
     * window. Prefers the whole sentence; a long sentence gives the clause (between commas, semicolons, dashes) around
     * the centre of the span, joined with its neighbours in the sentence until it is long enough; a short one is joined
     * with the next sentence. Unpunctuated speech has no clauses, so there it is {@code maxWords} words around the
     * span. Runs of blanks (where instruction-like text was removed) end a sentence, so a quote never spans them.
     */
    public static Span clause(String text, int start, int end, int minWords, int maxWords) {
        List<Segment> segments = segmentsOf(text);
        if (segments.isEmpty()) {
            return new Span(start, end, text.substring(start, end));
        }
        int centre = (start + end) / 2;
        int at = 0;
        while (at < segments.size() - 1 && segments.get(at).end() <= centre) {
            at++;
        }
        int lo = at;
        int hi = at;
        while (lo > 0 && !segments.get(lo - 1).endsSentence()) {
            lo--;
        }
        while (hi < segments.size() - 1 && !segments.get(hi).endsSentence()) {
            hi++;
        }
        if (words(segments, lo, hi) > maxWords) {
            // the sentence is too long: start from the clause and take neighbours within the sentence
            int sentenceLo = lo;
            int sentenceHi = hi;
            lo = at;
            hi = at;
            while (words(segments, lo, hi) < minWords) {
                if (hi < sentenceHi && words(segments, lo, hi + 1) <= maxWords) {
                    hi++;
                } else if (lo > sentenceLo && words(segments, lo - 1, hi) <= maxWords) {
                    lo--;
                } else {
                    break;
                }
            }
        }
        while (words(segments, lo, hi) < minWords) {
            if (hi < segments.size() - 1 && words(segments, lo, hi + 1) <= maxWords) {
                hi++;
            } else if (lo > 0 && words(segments, lo - 1, hi) <= maxWords) {
                lo--;
            } else {
                break;
            }
        }
        if (words(segments, lo, hi) > maxWords) {
            return wordsAround(text, start, end, maxWords);
        }
        int s = segments.get(lo).start();
        int e = segments.get(hi).end();
        // a clause cut from its sentence reads better without the conjunction that tied it to the rest
        Matcher joint = LEADING_CONJUNCTION.matcher(text).region(s, e);
        if (joint.lookingAt() && tokens(text.substring(joint.end(), e)).size() >= minWords) {
            s = joint.end();
        }
        return new Span(s, e, text.substring(s, e));
    }

    private static final Pattern LEADING_CONJUNCTION = Pattern.compile("(?i)(?:and|but|or|so|yet|then)(?: rather| also)?\\s+");

    /** A stretch between punctuation, trimmed of blanks, quotes and emphasis marks. */
    private record Segment(int start, int end, int words, boolean endsSentence) {
    }

    /** Sentence ends, except after abbreviations ("BigTech Inc. migration", "e.g. Selenium"), and clause marks. */
    private static final Pattern BOUNDARY = Pattern.compile("(?<!\\b(?:Inc|Corp|Ltd|Co|Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|vs|etc|e\\.g|i\\.e|\\p{Lu}))"
            + "[.!?](?=[\\s\"')*]|$)|[;:,](?=\\s)|\\s[-\u2013\u2014]+\\s|\\n|[ \t]{3,}");

    /** The last text split into segments on this thread, and its segments. */
    private record Segmented(String text, List<Segment> segments) {
    }

    private static final ThreadLocal<Segmented> LAST_SEGMENTED = new ThreadLocal<>();

    /**
     * {@link #segments} of {@code text}, reusing the last split on this thread: a report quotes the clause around
     * each of an answer's cues, dozens of calls on one text, and splitting it anew each time was a tenth of an
     * answer's assessment.
     */
    private static List<Segment> segmentsOf(String text) {
        Segmented last = LAST_SEGMENTED.get();
        if (last != null && (last.text() == text || last.text().equals(text))) {
            return last.segments();
        }
        List<Segment> segments = List.copyOf(segments(text));
        LAST_SEGMENTED.set(new Segmented(text, segments));
        return segments;
    }

    private static List<Segment> segments(String text) {
        List<Segment> out = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(text);
        int from = 0;
        while (true) {
            boolean found = m.find();
            int to = found ? m.start() : text.length();
            String mark = found ? m.group() : ".";
            boolean sentence = mark.matches("[.!?]") || mark.contains("\n") || mark.isBlank();
            int s = from;
            int e = to;
            while (s < e && isTrimmed(text.charAt(s))) {
                s++;
            }
            while (e > s && isTrimmed(text.charAt(e - 1))) {
                e--;
            }
            int n = tokens(text.substring(s, e)).size();
            if (n > 0) {
                out.add(new Segment(s, e, n, sentence));
            } else if (sentence && !out.isEmpty()) {
                Segment last = out.removeLast();
                out.add(new Segment(last.start(), last.end(), last.words(), true));
            }
            if (!found) {
                return out;
            }
            from = m.end();
        }
    }

    private static boolean isTrimmed(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '*' || c == '\u201c' || c == '\u201d';
    }

    private static int words(List<Segment> segments, int lo, int hi) {
        int n = 0;
        for (int i = lo; i <= hi; i++) {
            n += segments.get(i).words();
        }
        return n;
    }

    private static Span wordsAround(String text, int start, int end, int maxWords) {
        List<Token> tokens = tokens(text);
        int first = 0;
        while (first < tokens.size() - 1 && tokens.get(first).end() <= start) {
            first++;
        }
        int last = first;
        while (last < tokens.size() - 1 && tokens.get(last + 1).start() < end) {
            last++;
        }
        while (last - first + 1 < maxWords && (first > 0 || last < tokens.size() - 1)) {
            if (last < tokens.size() - 1) {
                last++;
            }
            if (last - first + 1 < maxWords && first > 0) {
                first--;
            }
        }
        int s = tokens.get(first).start();
        int e = tokens.get(last).end();
        return new Span(s, e, text.substring(s, e));
    }

    /** A verbatim stretch of the answer. */
    public record Span(int start, int end, String text) {
    }
}
