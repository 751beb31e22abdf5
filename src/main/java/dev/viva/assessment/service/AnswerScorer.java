package dev.viva.assessment.service;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.AnswerAssessment.Aspect;
import dev.viva.assessment.AnswerAssessment.Evidence;
import dev.viva.assessment.AnswerAssessment.Finding;
import dev.viva.assessment.AnswerAssessment.Flag;
import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.ScoredAnswer;
import dev.viva.assessment.Signals;
import dev.viva.assessment.signal.Cues;
import dev.viva.assessment.signal.InjectionDetector;
import dev.viva.assessment.signal.SentenceEmbedder;
import dev.viva.assessment.signal.Text;
import dev.viva.assessment.signal.TokenAlignment;
import dev.viva.role.QuestionKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores one answer offline from several independent signals, so that no single one (length, fluency, buzzwords,
 * one lucky phrase) can carry a score: how much of each key point and of the ideal answer the answer expresses,
 * matched word by word on MiniLM's contextual token vectors with the question's own words left out
 * ({@link TokenAlignment}), misconceptions, specificity, STAR structure for behavioural questions, hedging, length
 * and how much of the answer is on topic. Instruction-like text is removed before anything is measured.
 *
 * <p>Pure and deterministic: the same inputs always give the same assessment.
 */
public final class AnswerScorer {

    /** Words per comparison window and step: about one spoken clause, half-overlapping. */
    static final int WINDOW = 14;
    static final int STEP = 7;

    /** Length of a quote: a clause-length claim, as recruiters read quotes in a report (seed 000). */
    public static final int QUOTE_MIN_WORDS = 6;
    public static final int QUOTE_MAX_WORDS = 30;

    /** Cosine thresholds of MiniLM between a window and a short statement. */
    static final double MISCONCEPTION = 0.70;
    static final double ON_TOPIC = 0.28;
    /**
     * Alignment recall of text that has nothing to do with the reference: any two English texts share some
     * vocabulary, and off-topic answers to bank questions align at 0.11-0.14. Credit starts above it.
     */
    static final double ALIGNMENT_FLOOR = 0.15;
    /** Alignment recall from which a key point counts as covered in the report. */
    static final double KEY_POINT_COVERED = 0.60;

    /**
     * The two constants of the score chosen on the Mohler short-answer data set: the alignment recall at which a
     * reference counts as fully expressed (even a verbatim restatement stays below 1, since contextual vectors differ),
     * and how much the curve from alignment to credit bends (0 is a straight line). The curve is concave because a
     * grader gives most of the credit once the core of the reference is there, and a paraphrase that is right never
     * aligns as closely as the reference's own words. CalibrationBenchmark cross-validates both by question.
     */
    public record Calibration(double alignmentFull, double curve) {
        public static final Calibration DEFAULT = new Calibration(0.80, 2.0);
    }

    private final SentenceEmbedder embedder;
    private final Calibration calibration;

    public AnswerScorer(SentenceEmbedder embedder) {
        this(embedder, Calibration.DEFAULT);
    }

    public AnswerScorer(SentenceEmbedder embedder, Calibration calibration) {
        this.embedder = embedder;
        this.calibration = calibration;
    }

    public ScoredAnswer score(QuestionSpec question, String rawAnswer) {
        String answer = rawAnswer == null ? "" : rawAnswer;
        List<Flag> flags = new ArrayList<>();
        List<Text.Span> injections = InjectionDetector.find(answer);
        for (Text.Span s : injections) {
            flags.add(new Flag("INSTRUCTION_INJECTION",
                    "instruction-like text addressed to the evaluator; ignored for scoring, review it",
                    new Evidence(s.text(), s.start(), s.end())));
        }
        String scored = InjectionDetector.strip(answer, injections);
        List<String> words = Text.words(scored);
        List<String> dimensions = question.dimensions();

        if (Text.contentStems(scored).isEmpty() && !injections.isEmpty()) {
            // the candidate spoke only to the scoring system: that is an answer, and it answers nothing
            var assessment = new AnswerAssessment(0, 0, dimensions, List.of(), List.of(new Finding(Aspect.INSTRUCTIONS,
                    "Addressed the evaluator instead of answering the question", injections.stream()
                    .map(AnswerScorer::evidence).toList())), List.of("Answer the question that was asked."),
                    "Scored 0/100. The answer consisted only of instructions addressed to the evaluator, which are "
                            + "ignored for scoring and flagged for review; nothing in it answers the question.",
                    List.of(), question.keyPoints(), List.of(), flags, true);
            return new ScoredAnswer(assessment, new Signals(null, null, 0, null, 0, 0, 0, null, 0, words.size(), 0, 0));
        }
        if (Text.contentStems(scored).isEmpty()) {
            flags.add(new Flag(answer.isBlank() ? "EMPTY_ANSWER" : "UNINTELLIGIBLE", answer.isBlank()
                    ? "nothing was said" : "nothing assessable was said", null));
            var assessment = new AnswerAssessment(0, 0, dimensions, List.of(), List.of(),
                    List.of("Answer the question in your own words; even a partial answer can be assessed."),
                    "There was nothing to assess in this answer, so it does not count towards the scores.",
                    List.of(), question.keyPoints(), List.of(), flags, false);
            return new ScoredAnswer(assessment, new Signals(null, null, 0, null, 0, 0, 0, null, 0, words.size(), 0, 0));
        }

        Set<String> bankTerms = bankTerms(question);
        List<Cues.Match> cues = Cues.find(scored, bankTerms);
        List<Text.Span> windows = Text.windows(scored, WINDOW, STEP);
        List<String> windowTexts = windows.stream().map(w -> Text.normalise(w.text())).toList();
        List<SentenceEmbedder.Encoded> windowCodes = embedder.encodeAll(windowTexts);
        List<float[]> windowVecs = windowCodes.stream().map(SentenceEmbedder.Encoded::pooled).toList();
        // windows overlap by half: each word's vector comes from the window where it sits nearer the middle, so it
        // has context on both sides and the answer's words are compared once, not twice
        List<TokenAlignment.Token> answerTokens = new ArrayList<>();
        int margin = (WINDOW - STEP) / 2;
        for (int i = 0; i < windowTexts.size(); i++) {
            answerTokens.addAll(TokenAlignment.contentTokens(windowTexts.get(i), windowCodes.get(i), i == 0 ? 0 : margin,
                    i == windowTexts.size() - 1 ? Integer.MAX_VALUE : STEP + margin));
        }
        float[] answerVec = mean(windowVecs);
        float[] questionVec = embedder.embed(Text.normalise(question.text()));
        double questionSim = SentenceEmbedder.cosine(answerVec, questionVec);
        Set<String> answerStems = new HashSet<>(Text.contentStems(scored));
        Set<String> questionStems = new HashSet<>(Text.contentStems(question.text()));

        boolean hasIdeal = question.idealAnswer() != null && !question.idealAnswer().isBlank();
        float[] idealVec = null;
        double idealSim = Double.NaN;
        double alignment = Double.NaN;
        if (hasIdeal) {
            String ideal = Text.normalise(question.idealAnswer());
            SentenceEmbedder.Encoded idealCode = embedder.encode(ideal);
            idealVec = idealCode.pooled();
            idealSim = SentenceEmbedder.cosine(answerVec, idealVec);
            alignment = TokenAlignment.recall(TokenAlignment.contentTokens(ideal, idealCode), answerTokens, questionStems);
        }

        List<String> keyPoints = effectiveKeyPoints(question);
        List<String> kpTexts = keyPoints.stream().map(Text::normalise).toList();
        List<SentenceEmbedder.Encoded> kpCodes = embedder.encodeAll(kpTexts);
        List<float[]> kpVecs = kpCodes.stream().map(SentenceEmbedder.Encoded::pooled).toList();

        List<String> covered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Finding> strengths = new ArrayList<>();
        List<Finding> weaknesses = new ArrayList<>();
        double coverageSum = 0;
        for (int k = 0; k < keyPoints.size(); k++) {
            int best = bestWindow(windowVecs, kpVecs.get(k));
            double recall = TokenAlignment.recall(TokenAlignment.contentTokens(kpTexts.get(k), kpCodes.get(k)),
                    answerTokens, questionStems);
            coverageSum += match(recall);
            if (recall >= KEY_POINT_COVERED) {
                covered.add(keyPoints.get(k));
                strengths.add(new Finding(Aspect.KEY_POINT, "Covers: " + keyPoints.get(k),
                        List.of(quote(scored, windows.get(best)))));
            } else {
                missing.add(keyPoints.get(k));
            }
        }
        double coverage = keyPoints.isEmpty() ? Double.NaN : coverageSum / keyPoints.size();

        List<String> misconceptionsFound = new ArrayList<>();
        for (String m : question.misconceptions()) {
            float[] mv = embedder.embed(Text.normalise(m));
            int best = bestWindow(windowVecs, mv);
            double sim = SentenceEmbedder.cosine(windowVecs.get(best), mv);
            boolean refuted = Cues.negates(windows.get(best).text()) && !Cues.negates(m);
            // a correct statement on the same topic resembles the myth too: it is the myth only if it resembles the
            // myth more than anything a strong answer says
            double closestKeyPoint = kpVecs.stream()
                    .mapToDouble(k -> SentenceEmbedder.cosine(windowVecs.get(best), k)).max().orElse(-1);
            if (sim >= MISCONCEPTION && !refuted && sim > closestKeyPoint) {
                misconceptionsFound.add(m);
                weaknesses.add(new Finding(Aspect.MISCONCEPTION, "States a common misconception: " + m,
                        List.of(quote(scored, windows.get(best)))));
            }
        }

        int onTopicWindows = 0;
        for (float[] wv : windowVecs) {
            double topical = SentenceEmbedder.cosine(wv, questionVec);
            if (idealVec != null) {
                topical = Math.max(topical, SentenceEmbedder.cosine(wv, idealVec));
            }
            for (float[] kv : kpVecs) {
                topical = Math.max(topical, SentenceEmbedder.cosine(wv, kv));
            }
            if (topical >= ON_TOPIC) {
                onTopicWindows++;
            }
        }
        double onTopic = (double) onTopicWindows / windowVecs.size();
        double referenceSim = hasIdeal ? Math.max(idealSim, questionSim) : questionSim;
        double relevance = clamp(0.5 * onTopic + 0.5 * scale(referenceSim, 0.10, 0.55));

        double lexical = hasIdeal ? overlap(Text.contentStems(question.idealAnswer()), answerStems, questionStems) : 0;

        int n = words.size();
        long numbers = count(cues, Cues.Kind.NUMBER);
        long tech = distinct(cues, Cues.Kind.TECH);
        long actions = count(cues, Cues.Kind.ACTION);
        long tradeOffs = count(cues, Cues.Kind.TRADE_OFF);
        long hedges = count(cues, Cues.Kind.HEDGE);
        boolean dontKnow = count(cues, Cues.Kind.DONT_KNOW) > 0;
        double specificity = (Math.min(1, numbers / 2.0) + Math.min(1, tech / 3.0) + Math.min(1, actions / 2.0)
                + Math.min(1, tradeOffs / 2.0)) / 4;
        boolean behavioural = question.kind() == QuestionKind.BEHAVIOURAL;
        double structure = behavioural ? starStructure(scored, cues, strengths, weaknesses) : Double.NaN;
        double hedging = clamp(hedges * 12.0 / Math.max(n, 12));
        long functionWords = words.stream().filter(Text::isStopword).count();
        double naturalLanguage = (double) functionWords / n;

        // -------- combine ---------------------------------------------------------------------------------------
        // The rubric match carries the score; specificity and structure shape it. The curve from alignment to credit
        // was chosen on the Mohler short-answer set (see Calibration and BENCHMARKS.md); specificity multiplies
        // rather than adds, so an answer cannot buy points with numbers and tool names that do not answer the question.
        double rubric;
        if (!keyPoints.isEmpty() && hasIdeal && behavioural) {
            // a behavioural ideal answer describes a kind of story, so its words are not the candidate's words
            rubric = 0.7 * coverage + 0.3 * scale(idealSim, 0.0, 0.8);
        } else if (!keyPoints.isEmpty() && hasIdeal) {
            rubric = 0.5 * coverage + 0.5 * match(alignment);
        } else if (!keyPoints.isEmpty()) {
            rubric = coverage;
        } else {
            // a generated question with no rubric: only relevance, substance and structure can be judged, and without
            // key points to check precision against, a substantive answer needs some length to show depth
            long contentWords = words.stream().filter(w -> !Text.isStopword(w)).count();
            rubric = relevance * (0.4 + 0.3 * specificity + 0.3 * Math.min(1.0, contentWords / 50.0));
            flags.add(new Flag("NO_RUBRIC", "the question had no key points or ideal answer; scored on relevance,"
                    + " specificity and structure only", null));
        }
        double content = behavioural
                ? 0.55 * rubric + 0.45 * structure
                : rubric;
        content *= 0.8 + 0.4 * specificity;
        int expected = behavioural ? 60 : hasIdeal ? Math.max(8, Math.min(30, Text.words(question.idealAnswer()).size() / 2)) : 30;
        // against key points, alignment recall already charges an answer for what it leaves out, so only a story
        // (behavioural) or an answer with nothing to check it against is charged for brevity as such
        double lengthFactor = keyPoints.isEmpty() || behavioural ? Math.sqrt(Math.min(1.0, n / (double) expected)) : 1;
        // recall credits whatever on-topic fragment an answer contains, however much else it says, so against a
        // rubric the share of the answer that is on topic weighs more (without one, relevance is in the rubric already)
        double focus = keyPoints.isEmpty() ? 0.5 : 0.7;
        double raw = content * lengthFactor * (1 - focus + focus * relevance);
        // a stated misconception is on topic and shares the reference's vocabulary, so alignment credits it: only
        // a firm cut keeps a confident wrong answer below a vague right one
        raw *= Math.pow(0.5, misconceptionsFound.size());
        raw -= 0.4 * hedging;
        if (dontKnow && n < 40) {
            raw -= 0.25;
            flags.add(new Flag("DONT_KNOW", "the candidate said they do not know", evidenceOf(cues, Cues.Kind.DONT_KNOW)));
        }
        boolean salad = n >= 8 && naturalLanguage < 0.22;
        if (salad) {
            raw *= 0.5;
            weaknesses.add(new Finding(Aspect.TERM_LIST, "Lists terms without explaining how they apply; little connected reasoning",
                    List.of()));
        }
        boolean rambling = n > 350 && onTopic < 0.45;
        if (rambling) {
            raw *= 0.75;
        }
        int score = (int) Math.round(100 * clamp(raw));

        // -------- explain ---------------------------------------------------------------------------------------
        if (tech > 0 && !salad) {
            Map<String, String> named = new LinkedHashMap<>();
            cues.stream().filter(c -> c.kind() == Cues.Kind.TECH).sorted(Comparator.comparingInt(c -> c.span().start()))
                    .forEach(c -> named.putIfAbsent(c.span().text().toLowerCase(Locale.ROOT), c.span().text()));
            strengths.add(new Finding(Aspect.TECHNOLOGIES, "Names specific technologies: "
                    + named.values().stream().limit(6).collect(Collectors.joining(", ")),
                    evidenceList(scored, cues, Cues.Kind.TECH, 3)));
        }
        if (numbers > 0) {
            strengths.add(new Finding(Aspect.NUMBERS, "Quantifies with concrete numbers",
                    evidenceList(scored, cues, Cues.Kind.NUMBER, 3)));
        }
        if (tradeOffs > 0 && !behavioural) {
            strengths.add(new Finding(Aspect.TRADE_OFFS, "Weighs trade-offs",
                    evidenceList(scored, cues, Cues.Kind.TRADE_OFF, 2)));
        }
        if (actions > 0) {
            strengths.add(new Finding(Aspect.ACTIONS, "Describes concrete actions",
                    evidenceList(scored, cues, Cues.Kind.ACTION, 2)));
        }
        if (hedges >= 2 || hedging > 0.3) {
            weaknesses.add(new Finding(Aspect.HEDGING, "Hedges or fills a lot, which makes the answer sound unsure",
                    evidenceList(scored, cues, Cues.Kind.HEDGE, 3)));
        }
        if (relevance < 0.45) {
            List<Evidence> offTopic = new ArrayList<>();
            for (int i = 0; i < windows.size() && offTopic.size() < 2; i++) {
                if (SentenceEmbedder.cosine(windowVecs.get(i), questionVec) < ON_TOPIC) {
                    offTopic.add(quote(scored, windows.get(i)));
                }
            }
            weaknesses.add(new Finding(Aspect.OFF_TOPIC, "Much of the answer is not about the question", offTopic));
            flags.add(new Flag("OFF_TOPIC", "low relevance to the question", null));
        }
        if (n < expected / 2) {
            weaknesses.add(new Finding(Aspect.BREVITY, "Very short answer: " + n + " words", List.of()));
        }
        if (rambling) {
            weaknesses.add(new Finding(Aspect.RAMBLING, "Long and unfocused: " + n + " words, " + Math.round(onTopic * 100)
                    + "% of it on topic", List.of()));
        }
        if (!missing.isEmpty()) {
            weaknesses.add(new Finding(Aspect.MISSING_KEY_POINTS, "Does not cover: " + String.join("; ", missing), List.of()));
        }

        List<String> tips = tips(missing, misconceptionsFound, behavioural, structure, numbers, tradeOffs, hedging,
                relevance, n, expected, cues);
        String justification = justification(score, relevance, keyPoints.size(), covered.size(), misconceptionsFound,
                specificity, structure, hedging, n, salad, rambling, injections.size());

        var assessment = new AnswerAssessment(score, round2(relevance), dimensions, List.copyOf(strengths),
                List.copyOf(weaknesses), tips, justification, covered, missing, misconceptionsFound, List.copyOf(flags),
                true);
        var signals = new Signals(nullable(idealSim), nullable(alignment), round3(questionSim), nullable(coverage),
                round3(lexical), round3(onTopic), round3(specificity), nullable(structure),
                round3(hedging), n, misconceptionsFound.size(), round3(naturalLanguage));
        return new ScoredAnswer(assessment, signals);
    }

    /**
     * Key points, or the ideal answer's sentences when a question has an ideal answer but no key points (answers
     * assessed over the API, data sets with only a reference answer).
     */
    static List<String> effectiveKeyPoints(QuestionSpec q) {
        if (!q.keyPoints().isEmpty() || q.idealAnswer() == null || q.idealAnswer().isBlank()) {
            return q.keyPoints();
        }
        List<String> parts = new ArrayList<>();
        for (String sentence : q.idealAnswer().split("(?<=[.!?;])\\s+")) {
            if (Text.contentStems(sentence).size() >= 2) {
                parts.add(sentence.strip());
            }
        }
        return parts.isEmpty() ? List.of(q.idealAnswer().strip()) : parts;
    }

    private static Set<String> bankTerms(QuestionSpec q) {
        Set<String> terms = new HashSet<>();
        List<String> texts = new ArrayList<>(q.keyPoints());
        if (q.idealAnswer() != null) {
            texts.add(q.idealAnswer());
        }
        for (String t : texts) {
            for (String w : Text.words(t)) {
                // a bank term is a technical word of the rubric, not ordinary English
                if (w.length() >= 3 && !Text.isStopword(w) && (w.matches(".*[\\d+#./-].*") || Cues.isKnownTech(w))) {
                    terms.add(w);
                }
            }
        }
        return terms;
    }

    private static double starStructure(String text, List<Cues.Match> cues, List<Finding> strengths, List<Finding> weaknesses) {
        Cues.Kind[] parts = {Cues.Kind.SITUATION, Cues.Kind.TASK, Cues.Kind.ACTION, Cues.Kind.RESULT, Cues.Kind.REFLECTION};
        String[] names = {"situation", "task", "actions", "result", "reflection"};
        double[] weights = {0.2, 0.15, 0.3, 0.25, 0.1};
        double total = 0;
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (count(cues, parts[i]) > 0) {
                total += weights[i];
                strengths.add(new Finding(Aspect.STORY, "Structured answer: describes the " + names[i],
                        evidenceList(text, cues, parts[i], 1)));
            } else {
                absent.add(names[i]);
            }
        }
        if (!absent.isEmpty()) {
            weaknesses.add(new Finding(Aspect.STORY_GAPS, "Missing from the story: " + String.join(", ", absent), List.of()));
        }
        return total;
    }

    private static List<String> tips(List<String> missing, List<String> misconceptions, boolean behavioural,
                                     double structure, long numbers, long tradeOffs, double hedging, double relevance,
                                     int n, int expected, List<Cues.Match> cues) {
        List<String> tips = new ArrayList<>();
        if (relevance < 0.45) {
            tips.add("Answer the question that was asked before adding context.");
        }
        for (String m : missing.stream().limit(3).toList()) {
            tips.add("Cover this point: " + m + ".");
        }
        for (String m : misconceptions) {
            tips.add("Revisit this: \"" + m + "\" is a common misconception.");
        }
        if (behavioural && structure < 0.75) {
            tips.add("Use situation, task, action, result: say what you personally did and what measurably changed.");
        }
        if (numbers == 0) {
            tips.add("Back claims with numbers: sizes, latencies, percentages, time saved.");
        }
        if (!behavioural && tradeOffs == 0) {
            tips.add("Discuss trade-offs: when the approach is the wrong choice and what it costs.");
        }
        if (hedging > 0.3) {
            tips.add("Commit to an answer and state assumptions instead of hedging.");
        }
        if (n < expected / 2) {
            tips.add("Expand with an example from your own work.");
        }
        return tips.stream().limit(5).toList();
    }

    private static String justification(int score, double relevance, int keyPoints, int covered, List<String> misconceptions,
                                        double specificity, double structure, double hedging, int n, boolean salad,
                                        boolean rambling, int injections) {
        StringBuilder sb = new StringBuilder();
        sb.append("Scored ").append(score).append("/100. ");
        String topic = (relevance >= 0.7 ? "clearly on topic" : relevance >= 0.45 ? "partly on topic" : "mostly off topic")
                + String.format(Locale.ROOT, " (relevance %.2f)", relevance);
        if (keyPoints > 0) {
            sb.append("The answer covers ").append(covered).append(" of ").append(keyPoints).append(" key point")
                    .append(keyPoints == 1 ? "" : "s").append(" and is ").append(topic).append(". ");
        } else {
            sb.append("The answer is ").append(topic).append(". The question had no rubric, so the answer was judged on "
                    + "relevance, specificity and depth rather than on correctness. ");
        }
        sb.append("Specificity (numbers, named technologies, concrete actions, trade-offs) is ").append(level(specificity));
        if (!Double.isNaN(structure)) {
            sb.append("; the story structure is ").append(level(structure));
        }
        sb.append(". ");
        if (!misconceptions.isEmpty()) {
            sb.append("It states ").append(misconceptions.size()).append(" common misconception")
                    .append(misconceptions.size() > 1 ? "s" : "").append(", which lowers the score. ");
        }
        if (hedging > 0.3) {
            sb.append("Frequent hedging lowers confidence in the answer. ");
        }
        if (salad) {
            sb.append("It reads as a list of terms rather than an explanation, which halves the score. ");
        }
        if (rambling) {
            sb.append("At ").append(n).append(" words it wanders off topic. ");
        }
        if (injections > 0) {
            sb.append("Instruction-like text addressed to the evaluator was ignored and flagged for review. ");
        }
        return sb.toString().strip();
    }

    private static String level(double v) {
        return v >= 0.66 ? "high" : v >= 0.33 ? "moderate" : "low";
    }

    private static Evidence evidence(Text.Span s) {
        return new Evidence(s.text(), s.start(), s.end());
    }

    private static Evidence evidenceOf(List<Cues.Match> cues, Cues.Kind kind) {
        return cues.stream().filter(c -> c.kind() == kind).findFirst().map(c -> evidence(c.span())).orElse(null);
    }

    /**
     * The clauses around cues of one kind, those with the most cues first, one quote per clause, in answer order:
     * "AWS" alone says nothing, the clause naming AWS, EKS and SQS shows what was done with them.
     */
    private static List<Evidence> evidenceList(String text, List<Cues.Match> cues, Cues.Kind kind, int max) {
        Map<Integer, Text.Span> clauses = new LinkedHashMap<>();
        Map<Integer, Integer> hits = new HashMap<>();
        for (Cues.Match c : cues) {
            if (c.kind() == kind) {
                Text.Span clause = clause(text, c.span());
                clauses.putIfAbsent(clause.start(), clause);
                hits.merge(clause.start(), 1, Integer::sum);
            }
        }
        return clauses.values().stream()
                .sorted(Comparator.comparingInt((Text.Span s) -> -hits.get(s.start())).thenComparingInt(Text.Span::start))
                .limit(max)
                .sorted(Comparator.comparingInt(Text.Span::start))
                .map(AnswerScorer::evidence).toList();
    }

    private static Evidence quote(String text, Text.Span seed) {
        return evidence(clause(text, seed));
    }

    private static Text.Span clause(String text, Text.Span seed) {
        return Text.clause(text, seed.start(), seed.end(), QUOTE_MIN_WORDS, QUOTE_MAX_WORDS);
    }

    private static long count(List<Cues.Match> cues, Cues.Kind kind) {
        return cues.stream().filter(c -> c.kind() == kind).count();
    }

    private static long distinct(List<Cues.Match> cues, Cues.Kind kind) {
        return cues.stream().filter(c -> c.kind() == kind).map(c -> c.span().text().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet()).size();
    }

    /** Share of the reference's content stems found in the answer, not counting words the question already gave away. */
    static double overlap(List<String> referenceStems, Set<String> answerStems, Set<String> questionStems) {
        Set<String> ref = new HashSet<>(referenceStems);
        ref.removeAll(questionStems);
        if (ref.isEmpty()) {
            return 0;
        }
        long hit = ref.stream().filter(answerStems::contains).count();
        return (double) hit / ref.size();
    }

    private static int bestWindow(List<float[]> windows, float[] target) {
        int best = 0;
        double bestSim = -2;
        for (int i = 0; i < windows.size(); i++) {
            double s = SentenceEmbedder.cosine(windows.get(i), target);
            if (s > bestSim) {
                bestSim = s;
                best = i;
            }
        }
        return best;
    }

    private static float[] mean(List<float[]> vecs) {
        float[] m = new float[vecs.get(0).length];
        for (float[] v : vecs) {
            for (int i = 0; i < m.length; i++) {
                m[i] += v[i];
            }
        }
        double norm = 0;
        for (float x : m) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (m[i] / norm);
        }
        return m;
    }

    /** The credit, 0-1, for an alignment recall (see {@link Calibration}). */
    private double match(double recall) {
        double x = scale(recall, ALIGNMENT_FLOOR, calibration.alignmentFull());
        double bend = calibration.curve();
        return bend == 0 ? x : (1 - Math.exp(-bend * x)) / (1 - Math.exp(-bend));
    }

    static double scale(double v, double lo, double hi) {
        return Double.isNaN(v) ? 0 : clamp((v - lo) / (hi - lo));
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static Double nullable(double v) {
        return Double.isNaN(v) ? null : round3(v);
    }
}
