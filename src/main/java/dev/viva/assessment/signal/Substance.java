package dev.viva.assessment.signal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an answer adds beyond the question: the content words the question did not already give (an answer that turns
 * the question back into a sentence adds none), the domain terms among them, and the marks of reasoning a
 * practitioner adds: causes and consequences, conditions, examples. Counted on the answer after instruction-like text
 * was blanked, so a note to the grader listing the right terms adds nothing.
 *
 * @param contentWords  content words in the answer
 * @param novel         distinct content stems the question did not contain
 * @param novelShare    share of the answer's distinct content stems that are new
 * @param domainTerms   the distinct domain terms among the new stems (rubric vocabulary, known technologies,
 *                      technical-looking tokens)
 * @param reasoning     causal and conditional connectives ("because", "which means", "unless")
 * @param examples      examples given ("for example", "such as", "in my last project")
 * @param borrowed      share of the answer's content words (every occurrence) that are the question's own words
 * @param listed        share of the answer's words that stand in bare lists: runs of at least
 *                      {@link #LIST_ITEMS} comma-separated items of at most {@link #LIST_ITEM_WORDS} words each
 * @param circular      clauses that define one of the question's terms by itself ("precision is about how precise
 *                      the model is", "the bias-variance trade-off is the trade-off between bias and variance"), or
 *                      that give as the way to do what was asked only its goal again ("to fix it I'd make it faster")
 * @param vacant        share of the answer's words that name no means: the question's own, and words such as find,
 *                      cause, problem, fix, make sure, working again; 0 when the answer names a technology, a number
 *                      or a technical term the question did not, or is shorter than {@link #VACANT_FROM} words
 */
public record Substance(int contentWords, int novel, double novelShare, Set<String> domainTerms, int reasoning,
                        int examples, double borrowed, double listed, int circular, double vacant) {

    /**
     * "race conditions, shared state, timeouts, brittle locators": a list this long of items this short names terms
     * without saying how any of them applies. Explanations enumerate too, but in clauses ("flips a > to >=, deletes
     * a method call, returns null"), rarely four bare terms in a row. An item may run to four words when it is a
     * term with its purpose ("Kafka for streaming, Redis for caching, WebSockets for real time") but not when a
     * subject, a verb of being or a connective makes it a clause ("it retries twice").
     */
    static final int LIST_ITEMS = 4;
    static final int LIST_ITEM_WORDS = 4;
    private static final Set<String> CLAUSE_WORDS = Set.of("i", "we", "you", "it", "they", "he", "she", "is", "are",
            "was", "were", "be", "would", "will", "can", "could", "should", "to", "because", "so", "that", "which",
            "then", "if", "when", "i'd", "we'd", "it's", "that's", "doesn't", "don't", "can't", "won't");
    /**
     * An answer half of whose content words are the question's own, adding fewer than {@link #REPEATED_NOVEL} new
     * ones, turns the question back into sentences ("the bias-variance trade-off is the trade-off between bias and
     * variance"); in the development set's technical answers such answers are restatements, and strong answers
     * borrow at most a third.
     */
    static final double REPEATED = 0.5;
    static final int REPEATED_NOVEL = 12;

    /**
     * "I'd figure out what's actually causing it, narrow down where it happens, fix that cause and make sure it doesn't
     * come back": an answer this long made this much of words that name no means says how to do anything only in
     * general. Of the development set's tuning answers of {@link #VACANT_FROM} words or more that name no technology or
     * number, every one at {@link #VACANT} or above is labelled weak or worse (60, nearly all restatements); at 0.6 a
     * strong refutation joins them.
     */
    static final double VACANT = 0.65;
    /**
     * From {@link #VACANT_LONG_FROM} content words the bar is lower: batch 29 brought restatements that paraphrase the
     * question at length in words of their own (43-71 at {@link #VACANT}). Of the tuning technical answers that long at
     * 0.55 or above, all but one are labelled weak or worse (that one, a refutation, scores 18 either way); shorter
     * answers keep the higher bar, since lowering it for them too took the Mohler exam answers' cross-validated
     * Pearson from 0.631 to 0.629.
     */
    static final double VACANT_LONG = 0.55;
    static final int VACANT_LONG_FROM = 20;
    static final int VACANT_FROM = 12;

    /** Words that carry no content in speech even though they are not function words. */
    private static final Set<String> FILLER = Set.of("think", "really", "thing", "things", "basically", "actually",
            "know", "like", "just", "good", "make", "way", "lot", "stuff", "something", "kind", "mean", "well", "yeah",
            "okay", "ok", "right", "sure", "pretty", "going", "get", "want", "need", "um", "uh", "hmm", "also", "yes",
            "guess", "maybe", "probably", "important", "different", "great", "better", "best", "bad", "use", "used",
            "using", "question", "answer", "said", "say", "very", "much", "many", "always", "usually", "general",
            "generally", "definitely", "obviously", "course", "whatever", "everything", "anything", "etc");

    /**
     * "X is / means / refers to Y", a clause at a time, the subject of at most six words; "X is called Y" names X
     * rather than saying what it is.
     */
    private static final Pattern DEFINITION = Pattern.compile("(?i)^\\s*(?:(?:so|and|but|well|basically|okay)\\s+)?"
            + "(\\S+(?:\\s+\\S+){0,5}?)\\s+(?:is|are|means|refers to)\\s+"
            + "(?!(?:called|known as|named|for example|like)\\b)(.+)$");
    /** Distinct new content words (not the question's nor the subject's) a definition may add and be circular. */
    static final int CIRCULAR_NEW = 1;
    /**
     * Prepositions that relate the term's own words to each other without saying anything of them: "the trade-off
     * between bias and variance" adds no more than "the trade-off of bias and variance".
     */
    private static final Set<String> RELATIONAL = Set.of("between", "among", "amongst", "within", "against", "across",
            "versus", "vs", "per", "via");

    /**
     * A goal and the way to it: "to fix it I'd ...", "you detect it by ...", "I'd debug that by ...". The goal's verb
     * is group 1, the way group 2.
     */
    private static final Pattern METHOD = Pattern.compile("(?i)^(?:(?:so|and|then|but|well|okay|first|basically|and then)\\s+)*"
            + "(?:(?:to|you|we|i|i'd|you'd|we'd|i would|you would|we would|i'll|i will|you can|we can|i can)\\s+)?"
            + "(\\p{L}+)\\s+(?:(?:it|them|this|that|these|those|the problem|the issue|the cause|out|why|up|down)\\s+){0,2},?\\s*"
            + "(?:by\\s+|(?:i'd|i would|you'd|you would|we'd|we would|i'll|i will|you can|we can|i can|you|we|i)\\s+)(.+)$");
    /** Verbs that ask for a method when the question did not name them. */
    private static final Set<String> GOALS = Set.of("fix", "find", "detect", "diagnose", "debug", "solve", "reduce",
            "prevent", "improve", "handle", "resolve", "troubleshoot", "investigate", "identify", "avoid", "stop",
            "mitigate", "address", "tackle");
    /** Stems of verbs that name no means: "find out", "make it faster", "check whether". */
    private static final Set<String> EMPTY_VERBS = Set.of("find", "check", "look", "see", "seeing", "figure", "make",
            "making", "fix", "fixing", "solve", "solv", "identify", "determine", "work", "try", "trying", "detect",
            "ensure", "sort", "get", "gett", "investigate", "investigat", "understand");
    /** Words a method may open with before its verb: "I'd probably just find ...". */
    private static final Set<String> HEDGES = Set.of("first", "simply", "probably", "maybe", "just", "really", "also",
            "basically", "definitely", "try", "want", "go", "going", "start");
    /**
     * Stems of the words of a plan that could be any plan: "understand why, set up monitoring, identify the biggest
     * opportunities, prioritise them with the team, measure again and iterate". Every one is on topic and none says
     * what would be done to this system; a plan that names a mechanism, a tool or a number is not vacant whatever else
     * it says (see {@link #vacant}).
     */
    private static final Set<String> PROCESS = Stream.of(("measure measuring measurement monitor monitoring iterate"
            + " iterating iterative iteration prioritise prioritize priority priorities opportunity opportunities"
            + " improvement improvements progress stakeholder stakeholders team teams review reviewing regularly regular"
            + " maintenance maintain profile profiling tune tuning reasonable plan planning strategy strategies process"
            + " metric metrics target targets goal goals baseline analyse analyze analysis deeper dig practice practices"
            + " standard standards communicate communication align alignment collaborate collaboration feedback document"
            + " documentation biggest impact overall aspect aspects factor factors area areas level levels situation"
            + " context depends depending case cases specific certain various relevant appropriate effective efficient"
            + " efficiently optimize optimise optimization performance quality").split(" "))
            .map(Text::stem).collect(Collectors.toUnmodifiableSet());
    /** Stems that name no means: the problem, its cause, and how much better or worse. */
    private static final Set<String> NO_MEANS = Set.of("problem", "issue", "cause", "caus", "reason", "root", "source",
            "wrong", "right", "correct", "correctly", "proper", "properly", "slow", "fast", "faster", "slower", "quick",
            "quicker", "sooner", "later", "less", "more", "better", "worse", "again", "anymore", "happen", "happening",
            "sure", "whether", "which", "what", "out", "exactly", "actual", "actually", "thing", "part", "one", "ones",
            "work", "working", "fine", "okay", "normal", "normally", "expected", "supposed", "way", "away", "back", "long",
            "longer", "short", "shorter", "take", "tak", "taking", "takes", "approach", "different", "differ", "time", "times",
            "pin", "pinn", "track", "narrow", "keep", "eye", "stop", "come", "go", "goe", "everyth", "everything",
            "someth", "something", "nothing", "resolve", "resolv", "address", "deal", "handle", "handl", "step", "steps");

    private static final Pattern REASONING = Pattern.compile("(?i)\\b(?:because|so that|which means|that means|this means|therefore"
            + "|since|that's why|that is why|in order to|otherwise|unless|as long as|if|when|whereas|which (?:causes|leads|lets|makes|gives|avoids|keeps)"
            + "|leads? to|results? in|due to|thanks to|the reason|this way|prevents?|avoids?|ensures?|guarantees?|so the|so it|so we|so you|then the)\\b");
    private static final Pattern EXAMPLE = Pattern.compile("(?i)\\b(?:for example|for instance|e\\.g\\.|such as|like when|say you|imagine"
            + "|in my (?:last|previous|current|old) (?:job|team|role|project|company)|at my (?:last|previous|current) (?:job|team|company)"
            + "|we had a case|one time)\\b");
    /**
     * "p95", "O(n)", "GC", "useEffect", "k8s": tokens that look technical whatever the dictionary says (and names such as
     * "PyTorch", {@link Cues#name}).
     */
    private static final Pattern TECHNICAL_SHAPE = Pattern.compile("(?:.*\\d.*|.*[./_+#].*|\\p{Lu}{2,}s?|\\p{Ll}+\\p{Lu}\\w*)");

    /**
     * @param answer     the answer (instruction-like text already blanked)
     * @param question   the question asked
     * @param vocabulary content stems of the rubric and the role's domain, if any
     */
    public static Substance of(String answer, String question, Set<String> vocabulary) {
        Set<String> asked = new HashSet<>(Text.contentStems(question));
        // "bias and variance" repeats the question's "bias-variance" as much as "bias-variance" would
        for (String stem : List.copyOf(asked)) {
            if (stem.indexOf('-') > 0) {
                for (String part : stem.split("-")) {
                    if (!part.isEmpty() && !Text.isStopword(part)) {
                        asked.add(Text.stem(part));
                    }
                }
            }
        }
        asked.addAll(Text.expansions(question, answer));
        List<String> words = Text.words(answer);
        Set<String> stems = new LinkedHashSet<>();
        int content = 0;
        int borrowed = 0;
        for (String w : words) {
            if (Text.isStopword(w) || FILLER.contains(w) || w.length() < 2) {
                continue;
            }
            content++;
            String stem = Text.stem(w);
            stems.add(stem);
            if (Text.inFamily(stem, asked)) {
                borrowed++;
            }
        }
        Set<String> fresh = new LinkedHashSet<>(stems);
        fresh.removeIf(stem -> Text.inFamily(stem, asked));
        Set<String> domain = new LinkedHashSet<>();
        for (Text.Token t : Text.tokens(answer)) {
            String w = t.bare();
            String s = Text.stem(w);
            if (Text.inFamily(s, asked) || Text.isStopword(w)) {
                continue;
            }
            String raw = answer.substring(t.start(), t.end());
            if (vocabulary.contains(s) || Cues.isKnownTech(w) || (w.length() >= 2 && TECHNICAL_SHAPE.matcher(raw).matches())
                    || Cues.name(raw) != null) {
                domain.add(s);
            }
        }
        return new Substance(content, fresh.size(), stems.isEmpty() ? 0 : (double) fresh.size() / stems.size(), domain,
                count(REASONING, answer), count(EXAMPLE, answer), content == 0 ? 0 : (double) borrowed / content,
                words.isEmpty() ? 0 : (double) listedWords(answer) / words.size(), circular(answer, asked),
                vacant(answer, asked));
    }

    /** See {@link #vacant()}: filler counts as naming no means, function words do not count at all. */
    private static double vacant(String answer, Set<String> asked) {
        int words = 0;
        int vacant = 0;
        for (Text.Token t : Text.tokens(answer)) {
            String w = t.bare();
            if (Text.isStopword(w) || w.length() < 2) {
                continue;
            }
            words++;
            String stem = Text.stem(w);
            boolean askedWord = Text.inFamily(stem, asked);
            if (!askedWord && (technical(w, answer.substring(t.start(), t.end()))
                    || w.chars().anyMatch(Character::isDigit))) {
                return 0;
            }
            if (askedWord || FILLER.contains(w) || EMPTY_VERBS.contains(stem) || NO_MEANS.contains(stem)
                    || GOALS.contains(w) || HEDGES.contains(w) || PROCESS.contains(stem)) {
                vacant++;
            }
        }
        return words < VACANT_FROM ? 0 : (double) vacant / words;
    }

    /**
     * Clauses that define a term of the question with that term again and at most {@link #CIRCULAR_NEW} words of
     * their own. A real definition says what the term is in other words ("function pointers are pointers, variables
     * that hold the address of a function" adds two; "the scope of a variable is the part of the program where it is
     * visible" three).
     */
    private static int circular(String answer, Set<String> asked) {
        int n = 0;
        Set<String> said = new HashSet<>();
        // "i.e." and "e.g." do not end a clause
        // "a flaky test is a test that's flaky, meaning it sometimes fails": the gloss after "meaning" is a clause of
        // its own, judged on its own; the definition before it still goes in a circle
        for (String clause : answer.split("(?<!\\b\\p{L})[.!?;]+(?=\\s|$)|,\\s*(?:and|but|so|while|meaning)\\s+|\\n+")) {
            if (circularMethod(clause.strip(), asked, said)) {
                n++;
            }
            said.addAll(Text.contentStems(clause));
            Matcher m = DEFINITION.matcher(clause.strip());
            if (!m.matches()) {
                continue;
            }
            Set<String> subject = new HashSet<>(Text.contentStems(m.group(1)));
            if (subject.isEmpty() || subject.stream().noneMatch(s -> Text.inFamily(s, asked))) {
                continue;
            }
            // an acronym spelled out is the term again: "CORS is cross-origin resource sharing" names, it does not define
            subject.addAll(Text.expansions(m.group(1), m.group(2)));
            boolean repeats = false;
            Set<String> added = new HashSet<>();
            for (String w : Text.words(m.group(2))) {
                if (Text.isStopword(w) || FILLER.contains(w) || RELATIONAL.contains(w) || w.length() < 2) {
                    continue;
                }
                String stem = Text.stem(w);
                if (Text.inFamily(stem, subject)) {
                    repeats = true;
                } else if (!Text.inFamily(stem, asked)) {
                    added.add(stem);
                }
            }
            if (repeats && added.size() <= CIRCULAR_NEW) {
                n++;
            }
        }
        return n;
    }

    /**
     * "To diagnose it I'd find out which interactions are slow", "you reduce it by making the model fit less": a way
     * of doing what was asked whose only verb is one that names no method (find, check, make) and whose other words
     * are the question's, the answer's own from before, or words that name no means (slow, faster, problem). "Fix it by
     * adding an index" or "find it with a profiler" name the means, and a number or a technology is one.
     */
    private static boolean circularMethod(String clause, Set<String> asked, Set<String> said) {
        Matcher m = METHOD.matcher(clause);
        if (!m.matches()) {
            return false;
        }
        String goal = m.group(1).toLowerCase(Locale.ROOT);
        if (!Text.inFamily(Text.stem(goal), asked) && !GOALS.contains(goal)) {
            return false;
        }
        String verb = Text.words(m.group(2)).stream().filter(w -> !Text.isStopword(w) && !HEDGES.contains(w))
                .findFirst().orElse(null);
        if (verb == null || !EMPTY_VERBS.contains(Text.stem(verb))) {
            return false;
        }
        int own = 0;
        for (Text.Token t : Text.tokens(m.group(2))) {
            String w = t.bare();
            if (Text.isStopword(w) || FILLER.contains(w) || w.length() < 2) {
                continue;
            }
            if (technical(w, m.group(2).substring(t.start(), t.end()))) {
                return false;
            }
            String stem = Text.stem(w);
            if (EMPTY_VERBS.contains(stem) || NO_MEANS.contains(stem) || Text.inFamily(stem, asked) || said.contains(stem)
                    || asked.stream().anyMatch(a -> stem.length() >= 3 && a.length() > stem.length() && a.contains(stem))) {
                continue;
            }
            own++;
        }
        return own <= 1;
    }

    /** A word that names a means by its form: a known technology, or a token with a digit, a dot or camel case. */
    private static boolean technical(String word, String raw) {
        return Cues.isKnownTech(word) || TECHNICAL_SHAPE.matcher(raw).matches();
    }

    /**
     * Words in runs of short comma-separated items, sentence by sentence ("a.b" and "receive(on:)" do not end one).
     * An item counts its words, function words included: "POST creates a new thing" is a clause, not a term.
     */
    private static int listedWords(String answer) {
        int listed = 0;
        for (String sentence : answer.split("[.!?;:]+(?=\\s|$)|\\n+")) {
            int run = 0;
            int runWords = 0;
            for (String item : sentence.split(",|\\s+(?:and|or|plus)\\s+")) {
                List<String> words = Text.words(item.replaceFirst("(?i)^\\s*(?:and|or|plus)\\s+", ""));
                int n = words.size();
                if (n >= 1 && n <= LIST_ITEM_WORDS && words.stream().noneMatch(CLAUSE_WORDS::contains)) {
                    run++;
                    runWords += n;
                    continue;
                }
                listed += run >= LIST_ITEMS ? runWords : 0;
                run = 0;
                runWords = 0;
            }
            listed += run >= LIST_ITEMS ? runWords : 0;
        }
        return listed;
    }

    /** An answer that only turns the question's own words back into a sentence. */
    public boolean echoesQuestion() {
        return novel < 4 || (novelShare < 0.35 && novel < 8);
    }

    /**
     * A short answer whose content words are mostly the question's or its own again: fewer than {@link #SPARSE} new
     * distinct stems per content word ("indexes work by indexing the columns ... the cost is that an index costs
     * something"). Among the development set's tuning answers of {@link #SPARSE_FROM} to {@link #SPARSE_UNTIL} content
     * words, none labelled adequate or better is below 0.46 and 17 of 30 restatements are. Past that length any
     * explanation says its key words again, so the share means little; below it, an exact two-line answer that names
     * the question's terms to compare them ("a data member lives as long as the object, a local variable inside a member
     * function only while it runs") is as sparse as one that circles: from 12 words, 20 more of the Mohler exam answers
     * were capped, most of them graded 4 or 5, and the cross-validated Pearson fell from 0.630 to 0.628.
     */
    static final double SPARSE = 0.42;
    static final int SPARSE_FROM = 20;
    static final int SPARSE_UNTIL = 60;

    /** An answer that says its few new words over and over (see {@link #SPARSE}). */
    public boolean saysLittleNew() {
        return contentWords >= SPARSE_FROM && contentWords < SPARSE_UNTIL && novel < SPARSE * contentWords;
    }

    /**
     * An answer that says how to do what was asked only in words that name no means (see {@link #VACANT} and
     * {@link #VACANT_LONG}).
     */
    public boolean namesNoMeans() {
        return vacant >= (contentWords >= VACANT_LONG_FROM ? VACANT_LONG : VACANT);
    }

    /** An answer made mostly of the question's own words (see {@link #REPEATED}), whatever else it matches. */
    public boolean repeatsQuestion() {
        return borrowed >= REPEATED && novel < REPEATED_NOVEL;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
