package dev.viva.assessment.service;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.AnswerAssessment.Aspect;
import dev.viva.assessment.AnswerAssessment.Evidence;
import dev.viva.assessment.AnswerAssessment.Finding;
import dev.viva.assessment.AnswerAssessment.Flag;
import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.ScoredAnswer;
import dev.viva.assessment.Signals;
import dev.viva.assessment.signal.AnswerQuality;
import dev.viva.assessment.signal.Criteria;
import dev.viva.assessment.signal.Cues;
import dev.viva.assessment.signal.InjectionDetector;
import dev.viva.assessment.signal.Relevance;
import dev.viva.assessment.signal.SentenceEmbedder;
import dev.viva.assessment.signal.Substance;
import dev.viva.assessment.signal.Text;
import dev.viva.assessment.signal.TokenAlignment;
import dev.viva.role.QuestionKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Scores one answer offline from separately measured signals, each a small part of its own: whether the answer
 * addresses the question ({@link Relevance}, asymmetric), what it adds beyond the question ({@link Substance}), how
 * much of the bank's facts and ideal answer it expresses (word alignment on MiniLM's contextual vectors,
 * {@link TokenAlignment}), whether it meets the question's criteria ({@link Criteria}), misconceptions stated
 * and refuted, story structure, hedging. {@link ScoreModel} combines them with weights fitted on a labelled
 * development set; a few firm rules follow (a stated misconception halves the score, an answer that only restates
 * the question stays low, a list of terms is halved, an answer that reads like another bank question's loses its score
 * in proportion). Instruction-like text is blanked before anything is measured.
 *
 * <p>Pure and deterministic: the same inputs always give the same assessment.
 */
public final class AnswerScorer {

    /**
     * Words per comparison window and step: about one spoken clause, overlapping by four words (half-overlapping
     * windows encoded every word twice; a third fewer windows gave about the same development-set and Mohler figures).
     */
    static final int WINDOW = 14;
    static final int STEP = 10;

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
    /**
     * Passages either side of a myth's closest passage where its rejection may be said: in the development set every
     * refutation that did not negate the myth in its own passage rejected it in the one before or after it.
     */
    static final int REFUTATION_REACH = 1;
    /**
     * Windows either side of the passage most like a myth in which the myth's words must be said (about 50 words):
     * one either side also unflagged true statements of the myth, the whole answer flagged good answers on its topic.
     */
    static final int MYTH_REACH = 2;
    /**
     * The answer-quality reading (of 1) and rubric score from which a passage like a myth is doubted as the candidate's
     * own claim. Among the development set's tuning answers with a myth found, the probe's readings with their own
     * batch left out put five of the six strong answers at 2.53-2.97 of 3 with 0.90-0.94 of their rubric (the sixth
     * reads 1.51), and none of the 40 confident wrong ones at both (the closest: 2.67 with 0.67, 2.44 with 0.78, 1.29
     * with 0.95).
     */
    static final double MYTH_DOUBTED_READING = 2.5 / 3;
    static final double MYTH_DOUBTED_RUBRIC = 0.85;
    /** Alignment recall from which a key point counts as covered in the report. */
    static final double KEY_POINT_COVERED = 0.60;
    /** A criterion counts as met from here; below {@link #CRITERION_MISSED} it is reported as missing. */
    static final double CRITERION_MET = 0.6;
    static final double CRITERION_MISSED = 0.4;
    /** Calibrated relevance below which an answer (with nothing else on topic) is about something else. */
    static final double OFF_TOPIC_RELEVANCE = 0.15;
    /**
     * e5 is calibrated on technical questions and rates even strong stories low, so a story question's answer is about
     * something else only when MiniLM also finds it unlike the question: answers that talk about the question's
     * subject without telling a story ("incidents happen, we jump on a call") measure 0.31-0.40 on the development
     * set's tuning part, answers about another subject altogether 0.12 or less.
     */
    static final double STORY_SUBJECT = 0.2;
    /** The most an answer about something else can score. */
    static final double OFF_TOPIC_CAP = 0.05;
    /**
     * Glib words per this many words count fully: one in 25 is a lot for an explanation. The first is free (33 of the
     * bank's 422 ideal answers say "just" or "automatically" once), and a short answer is measured as if it had
     * {@link #GLIB_MIN_WORDS}, so a ten-word definition is not judged on one word.
     */
    static final double GLIB_RATE = 25;
    static final int GLIB_MIN_WORDS = 40;
    /**
     * An answer this close to its question as a whole (0.74 cosine, on the echo feature's scale) with fewer new content
     * words than {@link #RESTATED_NOVEL} restates it, whatever it borrows from the rubric.
     */
    static final double RESTATED = 0.6;
    static final int RESTATED_NOVEL = 8;
    /**
     * Or, against a bank rubric, with at most this many of its terms that the question did not say: the new words of
     * "to fix it you change the code so it doesn't do N+1 queries anymore, probably by using joins" are filler and one
     * term. Of the Mohler exam answers, whose rubric is one reference answer and which read like their question, one
     * in 2,259 meets the rule at under 0.6 of its rubric.
     */
    static final int RESTATED_TERMS = 2;
    /**
     * Closer still (0.8 cosine), an answer restates the question even with a few more words of its own ("it's a
     * security thing, to keep things secure"): no answer in the development set this close to its question was more
     * than a weak one.
     */
    static final double CLOSELY_RESTATED = 0.75;
    static final int CLOSELY_RESTATED_NOVEL = 16;
    /**
     * An answer whose definition of the question's term goes in a circle ("a flaky test is a test that's flaky",
     * "the bias-variance trade-off is the trade-off between bias and variance") and that adds fewer new content words
     * than this, without meeting {@link #CIRCULAR_RUBRIC} of its rubric, restates the question however it reads: of
     * the development set's tuning answers only restatements and weak buzzword lists open that way and stay this short.
     */
    static final int CIRCULAR_NOVEL = 25;
    static final double CIRCULAR_RUBRIC = 0.75;
    /**
     * The margin (own ideal answer's cosine less the closest rival's) from which an answer counts as another question's
     * answer, and how far below it the score falls to nothing. Chosen on the tuning rows (BENCHMARKS.md, stop 33): off
     * topic answers to bank questions mostly sit below -0.03, on-topic ones below it 3-4% of the time.
     */
    static final double RIVAL_FROM = 0.01;
    static final double RIVAL_SPAN = 0.04;
    /** How many ideal answers' vectors {@link #rivalVectors} keeps. */
    static final int RIVAL_VECTORS = 4096;
    /** The most an answer that only restates the question can score. */
    static final double ECHO_CAP = 0.18;

    /** What a story is judged on when its question came without criteria. */
    static final List<String> STORY_CRITERIA = List.of("describes a concrete situation", "explains their own actions",
            "states the outcome", "reflects on what they learned");
    /** What an introduction is judged on when its question came without criteria. */
    static final List<String> INTRODUCTION_CRITERIA = List.of("describes recent work or a recent project",
            "names technologies used", "explains their own role and contribution");

    /** "Is it remote? That's all.": a reply that closes the door rather than the conversation. */
    private static final Pattern DISMISSIVE = Pattern.compile("(?i)\\b(?:that'?s all(?! from me)|all i care|doesn'?t (?:really )?"
            + "work for me|nah|whatever|not interested|i don'?t care"
            // hurrying the interviewer out: "can we finish up, I have another call"
            + "|can we (?:just )?(?:finish|wrap|end|stop)(?: (?:up|it|here|now))?|i(?:'ve| have)? (?:have|got|need to get to) (?:another|a) "
            + "(?:call|meeting))\\b");
    private static final Pattern POLITE_CLOSE = Pattern.compile("(?i)\\b(?:no|nothing|not really|covered|that'?s all|i'?m good"
            + "|thank(?:s| you)|appreciate|all clear|no questions)\\b");

    /**
     * The two constants of the alignment credit chosen on the Mohler short-answer data set: the alignment recall at
     * which a reference counts as fully expressed, and how much the curve from alignment to credit bends (0 is a
     * straight line). CalibrationBenchmark cross-validates both by question.
     */
    public record Calibration(double alignmentFull, double curve) {
        public static final Calibration DEFAULT = new Calibration(0.80, 2.0);
    }

    private final SentenceEmbedder embedder;
    private final Relevance relevance;
    private final AnswerQuality quality = AnswerQuality.bundled();
    /**
     * The bank's ideal answers as e5 passages, by text: every answer to a bank question is compared with its role's
     * other ideal answers, and looking each up in the embedder's cache would normalise ~80 texts per answer again.
     * Least recently used first out past {@link #RIVAL_VECTORS} (6 MB of vectors; the bundled roles have 422 ideal
     * answers), since every edited or uploaded role brings new texts and the old ones are never asked for again.
     */
    private final Map<String, float[]> rivalVectors = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > RIVAL_VECTORS;
                }
            });
    private final Calibration calibration;

    public AnswerScorer(SentenceEmbedder embedder, Relevance relevance) {
        this(embedder, relevance, Calibration.DEFAULT);
    }

    public AnswerScorer(SentenceEmbedder embedder, Relevance relevance, Calibration calibration) {
        this.embedder = embedder;
        this.relevance = relevance;
        this.calibration = calibration;
    }

    /**
     * The assessment of an answer. A report re-assesses the answers the interviewer assessed one by one while the
     * interview ran; the same question and answer give the same assessment, so the last few thousand are kept.
     */
    public ScoredAnswer score(QuestionSpec question, String rawAnswer) {
        Key key = new Key(question, rawAnswer);
        synchronized (recent) {
            ScoredAnswer known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        ScoredAnswer scored = analyse(question, rawAnswer).scored();
        synchronized (recent) {
            recent.put(key, scored);
        }
        return scored;
    }

    private record Key(QuestionSpec question, String answer) {
    }

    /** About a hundred interviews' answers. */
    static final int RECENT_ANSWERS = 4_000;

    private final Map<Key, ScoredAnswer> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ScoredAnswer> eldest) {
            return size() > RECENT_ANSWERS;
        }
    };

    /**
     * An assessment with the features its score was computed from, and the three vectors {@link AnswerQuality} read
     * ({@code bench/fit-answer-quality.py} refits the probe on them); null when there was nothing to assess.
     */
    record Analysis(ScoredAnswer scored, ScoreModel.Group group, ScoreModel.Features features, float[] e5Passage,
                    float[] miniLm, float[] e5Query) {
    }

    /**
     * The models' reading of an answer, under way: e5's relevance cosine, and MiniLM's encodings of the answer's
     * overlapping windows (none for a wrap-up reply, which is judged without them).
     */
    private record Encodings(CompletableFuture<Double> relevanceCosine, List<Text.Span> windows,
                             List<String> windowTexts, CompletableFuture<List<SentenceEmbedder.Encoded>> windowCodes) {
    }

    /** Starts both models on {@code text}; e5 and MiniLM run side by side, on threads of their own. */
    private Encodings encodings(String asked, String fullQuestion, String text, boolean withWindows) {
        CompletableFuture<Double> relevanceCosine = CompletableFuture.supplyAsync(
                () -> Math.max(relevance.cosine(asked, text), asked.equals(fullQuestion) ? -1
                        : relevance.cosine(fullQuestion, text)));
        List<Text.Span> windows = withWindows ? Text.windows(text, WINDOW, STEP) : List.of();
        List<String> windowTexts = windows.stream().map(w -> Text.normalise(w.text())).toList();
        return new Encodings(relevanceCosine, windows, windowTexts, embedder.encodeAllAsync(windowTexts));
    }

    Analysis analyse(QuestionSpec question, String rawAnswer) {
        String answer = rawAnswer == null ? "" : rawAnswer;
        String asked = QuestionProfiler.ask(question.text());
        String fullQuestion = question.text().strip();
        boolean wrapUp = question.kind() == QuestionKind.CONVERSATIONAL
                && QuestionProfiler.WRAP_UP.matcher(question.text()).find();
        // the models start on the answer as given while the detector and the cues read it: nearly every answer has
        // nothing addressed to the evaluator, and then it is exactly the text that is scored (a blank one is not)
        Encodings early = answer.isBlank() ? null : encodings(asked, fullQuestion, answer, !wrapUp);
        List<Flag> flags = new ArrayList<>();
        List<Text.Span> injections = InjectionDetector.find(answer);
        for (Text.Span s : injections) {
            flags.add(new Flag("INSTRUCTION_INJECTION",
                    "text addressed to the evaluator; ignored for scoring, review it", evidence(s)));
        }
        String scored = InjectionDetector.strip(answer, injections);
        List<String> words = Text.words(scored);
        List<String> scoredStems = Text.contentStems(scored);
        List<String> dimensions = question.dimensions();
        List<String> allKeyPoints = question.allKeyPoints();

        if (scoredStems.isEmpty() && !injections.isEmpty()) {
            // the candidate spoke only to the scoring system: that is an answer, and it answers nothing
            var assessment = new AnswerAssessment(0, 0, dimensions, List.of(), List.of(new Finding(Aspect.INSTRUCTIONS,
                    "Addressed the evaluator instead of answering the question", injections.stream()
                    .map(AnswerScorer::evidence).toList())), List.of("Answer the question that was asked."),
                    "Scored 0/100. The answer consisted only of instructions addressed to the evaluator, which are "
                            + "ignored for scoring and flagged for review; nothing in it answers the question.",
                    List.of(), allKeyPoints, List.of(), flags, true);
            return new Analysis(new ScoredAnswer(assessment, Signals.empty(words.size())), null, null, null, null, null);
        }
        if (scoredStems.isEmpty()) {
            flags.add(new Flag(answer.isBlank() ? "EMPTY_ANSWER" : "UNINTELLIGIBLE", answer.isBlank()
                    ? "nothing was said" : "nothing assessable was said", null));
            var assessment = new AnswerAssessment(0, 0, dimensions, List.of(), List.of(),
                    List.of("Answer the question in your own words; even a partial answer can be assessed."),
                    "There was nothing to assess in this answer, so it does not count towards the scores.",
                    List.of(), allKeyPoints, List.of(), flags, false);
            return new Analysis(new ScoredAnswer(assessment, Signals.empty(words.size())), null, null, null, null, null);
        }

        Encodings encodings = injections.isEmpty() ? early : encodings(asked, fullQuestion, scored, !wrapUp);
        ScoreModel.Group group = switch (question.kind()) {
            case BEHAVIOURAL -> ScoreModel.Group.BEHAVIOURAL;
            case CONVERSATIONAL -> ScoreModel.Group.INTRODUCTION;
            case TECHNICAL -> ScoreModel.Group.TECHNICAL;
        };
        CompletableFuture<Double> relevanceCosine = encodings.relevanceCosine();
        Set<String> vocabulary = vocabulary(question);
        // a number the question gave ("the N+1 problem", "ages 18 to 65") quantifies nothing the answer adds, so it
        // is neither counted nor quoted as the answer's
        Set<String> askedNumbers = Cues.numbers(question.text());
        List<Cues.Match> cues = Cues.find(scored, bankTerms(question)).stream().filter(c -> c.kind() != Cues.Kind.NUMBER
                || !askedNumbers.contains(c.span().text().toLowerCase(Locale.ROOT))).toList();
        Substance substance = Substance.of(scored, question.text(), vocabulary);
        boolean dontKnow = count(cues, Cues.Kind.DONT_KNOW) > 0;
        if (wrapUp) {
            double relCosine = relevanceCosine.join();
            return wrapUp(question, scored, cues, flags, words.size(), relevance.probability(relCosine), relCosine,
                    substance);
        }


        List<Text.Span> windows = encodings.windows();
        List<String> windowTexts = encodings.windowTexts();
        List<SentenceEmbedder.Encoded> windowCodes = encodings.windowCodes().join();
        List<float[]> windowVecs = windowCodes.stream().map(SentenceEmbedder.Encoded::pooled).toList();
        // windows overlap: each word's vector comes from the window where it sits nearer the middle, so it
        // has context on both sides and the answer's words are compared once, not twice
        List<List<TokenAlignment.Token>> tokensByWindow = new ArrayList<>();
        int margin = (WINDOW - STEP) / 2;
        for (int i = 0; i < windowTexts.size(); i++) {
            tokensByWindow.add(TokenAlignment.contentTokens(windowTexts.get(i), windowCodes.get(i), i == 0 ? 0 : margin,
                    i == windowTexts.size() - 1 ? Integer.MAX_VALUE : STEP + margin));
        }
        List<TokenAlignment.Token> answerTokens = tokensByWindow.stream().flatMap(List::stream).toList();
        float[] questionVec = embedder.embed(Text.normalise(asked));
        float[] answerVec = mean(windowVecs);
        Set<String> answerStems = new HashSet<>(scoredStems);
        Set<String> questionStems = new HashSet<>(Text.contentStems(question.text()));
        questionStems.addAll(Text.expansions(question.text(), scored));
        boolean behavioural = group != ScoreModel.Group.TECHNICAL;

        // the asking sentence alone can lose the topic ("Latency doubled after a deploy. Walk me through how you find
        // the cause."), the whole text can carry an unrelated preamble: the answer addresses whichever it matches
        double relCosine = relevanceCosine.join();
        double rel = relevance.probability(relCosine);
        float[] passageVec = relevance.passage(scored);
        float[] queryVec = relevance.query(fullQuestion);
        boolean hasIdeal = question.idealAnswer() != null && !question.idealAnswer().isBlank();
        float[] idealVec = null;
        double idealSim = Double.NaN;
        double alignment = Double.NaN;
        if (hasIdeal) {
            String ideal = Text.normalise(question.idealAnswer());
            SentenceEmbedder.Encoded idealCode = embedder.encode(ideal);
            idealVec = idealCode.pooled();
            idealSim = SentenceEmbedder.cosine(answerVec, idealVec);
            if (!behavioural) {
                alignment = TokenAlignment.recall(TokenAlignment.contentTokens(ideal, idealCode), answerTokens, questionStems);
            }
        }

        List<String> facts = behavioural ? List.of() : factKeyPoints(question);
        List<String> kpTexts = facts.stream().map(Text::normalise).toList();
        List<SentenceEmbedder.Encoded> kpCodes = embedder.encodeAll(kpTexts);
        List<float[]> kpVecs = kpCodes.stream().map(SentenceEmbedder.Encoded::pooled).toList();

        List<String> covered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Finding> strengths = new ArrayList<>();
        List<Finding> weaknesses = new ArrayList<>();
        double coverageSum = 0;
        for (int k = 0; k < facts.size(); k++) {
            int best = bestWindow(windowVecs, kpVecs.get(k));
            double recall = TokenAlignment.recall(TokenAlignment.contentTokens(kpTexts.get(k), kpCodes.get(k)),
                    answerTokens, questionStems);
            coverageSum += match(recall);
            if (recall >= KEY_POINT_COVERED) {
                covered.add(facts.get(k));
                strengths.add(new Finding(Aspect.KEY_POINT, "Covers: " + facts.get(k),
                        List.of(quote(scored, windows.get(best)))));
            } else {
                missing.add(facts.get(k));
            }
        }
        double coverage = facts.isEmpty() ? Double.NaN : coverageSum / facts.size();

        // criteria: what the answer should do, judged by what it contains
        Set<String> technologies = technologies(scored, cues, substance);
        List<String> criteria = criteria(question, group);
        double criteriaSum = 0;
        for (String c : criteria) {
            Criteria.Judgement j = Criteria.judge(c, scored, technologies);
            if (j == null) {
                float[] cv = embedder.embed(Text.normalise(c));
                int best = bestWindow(windowVecs, cv);
                double sim = SentenceEmbedder.cosine(windowVecs.get(best), cv);
                j = new Criteria.Judgement(scale(sim, 0.2, 0.5), windows.get(best));
            }
            criteriaSum += j.met();
            if (j.met() >= CRITERION_MET) {
                covered.add(c);
                strengths.add(new Finding(Aspect.STORY, criterionMet(c),
                        j.evidence() == null ? List.of() : List.of(quote(scored, j.evidence()))));
            } else if (j.met() < CRITERION_MISSED) {
                missing.add(c);
            }
        }
        double criteriaMet = criteria.isEmpty() ? Double.NaN : criteriaSum / criteria.size();

        List<String> misconceptionsFound = new ArrayList<>();
        int refutations = 0;
        for (String m : question.misconceptions()) {
            String mt = Text.normalise(m);
            SentenceEmbedder.Encoded mc = embedder.encode(mt);
            float[] mv = mc.pooled();
            int best = bestWindow(windowVecs, mv);
            double sim = SentenceEmbedder.cosine(windowVecs.get(best), mv);
            // a correct statement on the same topic resembles the myth too: it is the myth only if it resembles the
            // myth more than anything a strong answer says
            double closestKeyPoint = kpVecs.stream()
                    .mapToDouble(k -> SentenceEmbedder.cosine(windowVecs.get(best), k)).max().orElse(-1);
            if (sim < MISCONCEPTION || sim <= closestKeyPoint) {
                continue;
            }
            // a passage on the myth's topic is not the myth: its own words must be said there, in that passage and
            // its neighbours, by the same measure that counts a key point as covered (a long answer on the topic has
            // every word of the myth somewhere; a wrong flag halves a score, so this errs towards not flagging)
            List<TokenAlignment.Token> around = new ArrayList<>();
            for (int i = Math.max(0, best - MYTH_REACH); i <= Math.min(windows.size() - 1, best + MYTH_REACH); i++) {
                around.addAll(tokensByWindow.get(i));
            }
            if (TokenAlignment.recall(TokenAlignment.contentTokens(mt, mc), around, questionStems) < KEY_POINT_COVERED) {
                continue;
            }
            // "fetch doesn't reject on a 404" has the words and nearly the meaning of the myth "fetch throws an error
            // for a 404 response", with the opposite polarity: it is the correction
            Text.Span closest = windows.get(best);
            boolean deniesSomething = Cues.negates(m);
            if (!deniesSomething && Cues.negates(closest.text())) {
                refutations++;
                strengths.add(new Finding(Aspect.REFUTATION, "Rejects a common misconception: " + m,
                        List.of(quote(scored, closest))));
                continue;
            }
            // and the reverse: a myth that denies something ("a stubbed provider means the integration needs no
            // testing") is not said by a passage that affirms it ("the adapter gets integration tests against a stub");
            // absent words are weaker evidence than present ones, so this only withholds the flag
            if (deniesSomething && !Cues.deniesAlike(m, closest.text())) {
                continue;
            }
            // the myth may be named in one passage and rejected in the next: a passage close to it in meaning and in
            // place that refutes it; a rejection further away is about something else (the answer states the myth,
            // then warns against another mistake)
            // (a myth that denies something, "tuples cannot contain mutable objects", carries its own "not": only an
            // outright rejection, "people say ..., but that's not true", refutes it)
            Text.Span refuting = null;
            for (int i = Math.max(0, best - REFUTATION_REACH); i <= Math.min(windows.size() - 1, best + REFUTATION_REACH)
                    && refuting == null; i++) {
                Text.Span w = windows.get(i);
                if (SentenceEmbedder.cosine(windowVecs.get(i), mv) >= MISCONCEPTION - 0.1
                        && (deniesSomething ? Cues.rejects(scored, w.start(), w.end())
                        : Cues.refutes(scored, w.start(), w.end()))) {
                    refuting = w;
                }
            }
            if (refuting != null) {
                refutations++;
                strengths.add(new Finding(Aspect.REFUTATION, "Rejects a common misconception: " + m,
                        List.of(quote(scored, refuting))));
            } else {
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
        double lexical = hasIdeal ? overlap(Text.contentStems(question.idealAnswer()), answerStems, questionStems) : 0;

        int n = words.size();
        long numbers = count(cues, Cues.Kind.NUMBER);
        long tech = distinct(cues, Cues.Kind.TECH);
        long actions = count(cues, Cues.Kind.ACTION);
        long tradeOffs = count(cues, Cues.Kind.TRADE_OFF);
        long hedges = count(cues, Cues.Kind.HEDGE);
        double specificity = (Math.min(1, numbers / 2.0) + Math.min(1, tech / 3.0) + Math.min(1, actions / 2.0)
                + Math.min(1, tradeOffs / 2.0)) / 4;
        double structure = group == ScoreModel.Group.BEHAVIOURAL ? starStructure(cues) : Double.NaN;
        double hedging = clamp(hedges * 12.0 / Math.max(n, 12));
        long functionWords = words.stream().filter(Text::isStopword).count();
        double naturalLanguage = (double) functionWords / n;

        // -------- combine ---------------------------------------------------------------------------------------
        double rubric = !facts.isEmpty() && !Double.isNaN(alignment) ? 0.5 * coverage + 0.5 * match(alignment)
                : !facts.isEmpty() ? coverage : !Double.isNaN(alignment) ? match(alignment) : 0;
        boolean hasRubric = !facts.isEmpty() || !Double.isNaN(alignment);
        // e5's relevance is calibrated on technical questions and their ideal answers; a story or an introduction is
        // on topic when it is one, which its criteria say better (see ScoreModel)
        if (group == ScoreModel.Group.TECHNICAL && !hasRubric) {
            group = ScoreModel.Group.OPEN;
        }
        double gate = switch (group) {
            case TECHNICAL, OPEN -> rel;
            case BEHAVIOURAL -> 1;
            case INTRODUCTION -> Double.isNaN(criteriaMet) ? rel : Math.max(rel, criteriaMet);
        };
        double likeQuestion = echo(answerVec, questionVec, asked.equals(fullQuestion) ? null : fullQuestion);
        double readsLikeQuestion = scale(likeQuestion, 0.5, 0.9);
        // an echo reads like the question, or like the question as a whole, and adds only a few words of its own;
        // a short answer that states the rubric's facts reads like its question too and is still right, so none
        // of these applies where the rubric is met; a term defined by itself ("precision is how precise the model
        // is") borrows the rubric's words without its facts
        boolean circular = substance.circular() > 0;
        boolean echo = (rubric < 0.5 || circular) && (substance.echoesQuestion() || substance.repeatsQuestion()
                || (readsLikeQuestion >= CLOSELY_RESTATED && substance.novel() < CLOSELY_RESTATED_NOVEL))
                || (readsLikeQuestion >= RESTATED && (rubric < 0.6 || circular) && (substance.novel() < RESTATED_NOVEL
                        || hasRubric && substance.domainTerms().size() <= RESTATED_TERMS))
                || circular && rubric < CIRCULAR_RUBRIC && substance.novel() < CIRCULAR_NOVEL
                || (substance.saysLittleNew() || substance.namesNoMeans()) && rubric < CIRCULAR_RUBRIC;
        double reading = quality(passageVec, answerVec, queryVec, !injections.isEmpty() || echo);
        if (!misconceptionsFound.isEmpty() && reading >= MYTH_DOUBTED_READING && rubric >= MYTH_DOUBTED_RUBRIC) {
            // an answer that meets its reference and reads like the strong ones is discussing the myth, not holding it
            misconceptionsFound.clear();
            weaknesses.removeIf(f -> f.aspect() == Aspect.MISCONCEPTION);
        }
        var features = new ScoreModel.Features(gate, rubric, hasRubric ? 1 : 0, Double.isNaN(criteriaMet) ? 0 : criteriaMet,
                Math.min(1, substance.domainTerms().size() / domainSaturation(group)),
                Math.min(1, substance.reasoning() / 4.0),
                Math.min(1, numbers / 2.0), Math.min(1, tradeOffs / 2.0), Math.min(1, substance.examples()),
                Math.min(1, substance.contentWords() / 60.0), Double.isNaN(structure) ? 0 : structure,
                scale(idealSim, 0.2, 0.8), onTopic, Math.min(1, substance.novel() / 25.0), readsLikeQuestion,
                Math.min(1, Math.max(0, glib(cues, n) - 1) * GLIB_RATE / Math.max(n, GLIB_MIN_WORDS)),
                substance.listed(), Criteria.outcome(scored),
                reading);
        double raw = ScoreModel.score(group, features);
        // a stated misconception is on topic and shares the reference's vocabulary, so alignment credits it: only
        // a firm cut keeps a confident wrong answer below a vague right one
        raw *= Math.pow(0.5, misconceptionsFound.size());
        double rival = rivalFactor(question, passageVec);
        if (rival < 1) {
            raw *= rival;
            if (rival <= 0.5) {
                weaknesses.add(new Finding(Aspect.OFF_TOPIC,
                        "Reads more like an answer to another question of this interview than to this one", List.of()));
            }
        }
        if (echo) {
            raw = Math.min(raw, ECHO_CAP);
            weaknesses.add(new Finding(Aspect.ECHO, "Mostly restates the question without adding to it", List.of()));
        }
        raw -= 0.3 * hedging;
        if (dontKnow && substance.novel() < 10) {
            raw = Math.min(raw, 0.05);
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
            raw *= 0.8;
        }
        boolean offTopic = !dontKnow && rel < OFF_TOPIC_RELEVANCE && rubric < 0.25
                && (Double.isNaN(criteriaMet) || criteriaMet < 0.3)
                && (group != ScoreModel.Group.BEHAVIOURAL || likeQuestion < STORY_SUBJECT);
        if (offTopic) {
            // whatever depth an answer about something else shows, it is not depth on this question
            raw = Math.min(raw, OFF_TOPIC_CAP);
        }
        int score = (int) Math.round(100 * clamp(raw));

        // -------- explain ---------------------------------------------------------------------------------------
        if (tech > 0 && !salad && !offTopic) {
            Map<String, String> named = new LinkedHashMap<>();
            cues.stream().filter(c -> c.kind() == Cues.Kind.TECH).sorted(Comparator.comparingInt(c -> c.span().start()))
                    .forEach(c -> named.putIfAbsent(c.span().text().toLowerCase(Locale.ROOT), c.span().text()));
            strengths.add(new Finding(Aspect.TECHNOLOGIES, "Names specific technologies: "
                    + named.values().stream().limit(6).collect(Collectors.joining(", ")),
                    evidenceList(scored, cues, Cues.Kind.TECH, 3)));
        }
        if (numbers > 0 && !offTopic) {
            strengths.add(new Finding(Aspect.NUMBERS, "Quantifies with concrete numbers",
                    evidenceList(scored, cues, Cues.Kind.NUMBER, 3)));
        }
        if (tradeOffs > 0 && !behavioural && !offTopic && !echo) {
            strengths.add(new Finding(Aspect.TRADE_OFFS, "Weighs trade-offs",
                    evidenceList(scored, cues, Cues.Kind.TRADE_OFF, 2)));
        }
        if (actions > 0 && !offTopic) {
            strengths.add(new Finding(Aspect.ACTIONS, "Describes concrete actions",
                    evidenceList(scored, cues, Cues.Kind.ACTION, 2)));
        }
        if (hedges >= 2 || hedging > 0.3) {
            weaknesses.add(new Finding(Aspect.HEDGING, "Hedges or fills a lot, which makes the answer sound unsure",
                    evidenceList(scored, cues, Cues.Kind.HEDGE, 3)));
        }
        if (offTopic) {
            List<Evidence> away = new ArrayList<>();
            for (int i = 0; i < windows.size() && away.size() < 2; i++) {
                if (SentenceEmbedder.cosine(windowVecs.get(i), questionVec) < ON_TOPIC) {
                    away.add(quote(scored, windows.get(i)));
                }
            }
            weaknesses.add(new Finding(Aspect.OFF_TOPIC, "Much of the answer is not about the question", away));
            flags.add(new Flag("OFF_TOPIC", "the answer is about something other than the question", null));
        }
        int expected = behavioural ? 60 : 30;
        if (n < expected / 3 && score < 50) {
            weaknesses.add(new Finding(Aspect.BREVITY, "Very short answer: " + n + " words", List.of()));
        }
        if (rambling) {
            weaknesses.add(new Finding(Aspect.RAMBLING, "Long and unfocused: " + n + " words, " + Math.round(onTopic * 100)
                    + "% of it on topic", List.of()));
        }
        if (!missing.isEmpty()) {
            weaknesses.add(new Finding(Aspect.MISSING_KEY_POINTS, "Does not cover: " + String.join("; ", missing), List.of()));
        }

        List<String> tips = AnswerNarrative.tips(missing, misconceptionsFound, group, numbers, tradeOffs, hedging, offTopic, echo, n,
                expected);
        String justification = AnswerNarrative.justification(score, rel, facts.size(), (int) facts.stream().filter(covered::contains).count(),
                criteria.size(), (int) criteria.stream().filter(covered::contains).count(), misconceptionsFound, refutations,
                substance, echo, hedging, n, salad, rambling, injections.size(), offTopic);

        var assessment = new AnswerAssessment(score, round2(rel), dimensions, List.copyOf(strengths),
                List.copyOf(weaknesses), tips, justification, covered, missing, misconceptionsFound, List.copyOf(flags),
                true);
        var signals = new Signals(nullable(idealSim), nullable(alignment), round3(relCosine), nullable(coverage),
                round3(lexical), round3(onTopic), round3(specificity), nullable(structure),
                round3(hedging), n, misconceptionsFound.size(), round3(naturalLanguage), round3(rel), nullable(criteriaMet),
                substance.novel(), substance.domainTerms().size(), substance.reasoning(), refutations);
        return new Analysis(new ScoredAnswer(assessment, signals), group, features, passageVec, answerVec, queryVec);
    }

    /**
     * The candidate's own turn at the end: a question about the role shows engagement, a polite close is fine, and
     * neither is ever off topic.
     */
    private Analysis wrapUp(QuestionSpec question, String scored, List<Cues.Match> cues, List<Flag> flags,
                            int n, double rel, double relCosine, Substance substance) {
        Criteria.Judgement asks = Criteria.judge("asks a question", scored, Set.of());
        boolean asked = asks.met() > 0 && (scored.contains("?") || substance.novel() >= 4);
        int score;
        List<Finding> strengths = new ArrayList<>();
        List<Finding> weaknesses = new ArrayList<>();
        String justification;
        boolean dismissive = DISMISSIVE.matcher(scored).find();
        if (asked && !dismissive) {
            // "what are the next steps?" is a fine question anyone could ask; one about this team's work is specific
            boolean specific = substance.novel() >= 10 || substance.novel() >= 6 && !substance.domainTerms().isEmpty();
            score = specific ? 80 : 50;
            strengths.add(new Finding(Aspect.CANDIDATE_QUESTION, specific ? "Asks a specific question about the role"
                    : "Asks a question", asks.evidence() == null ? List.of() : List.of(quote(scored, asks.evidence()))));
            justification = "Scored " + score + "/100. At the wrap-up the candidate asked " + (specific
                    ? "a specific question about the role or team, which shows engagement." : "a general question.");
        } else if (POLITE_CLOSE.matcher(scored).find() && !dismissive) {
            score = 55;
            justification = "Scored 55/100. The candidate closed politely without a question of their own, which is fine "
                    + "at the wrap-up.";
        } else {
            score = 30;
            weaknesses.add(new Finding(Aspect.BREVITY, "A curt reply at the wrap-up", List.of()));
            justification = "Scored 30/100. The reply at the wrap-up was curt: it neither engaged with the role nor "
                    + "closed the conversation warmly.";
        }
        var assessment = new AnswerAssessment(score, round2(rel), question.dimensions(), strengths, weaknesses,
                List.of(), justification, List.of(), List.of(), List.of(), List.copyOf(flags), true);
        var signals = new Signals(null, null, round3(relCosine), null, 0, 1, 0, null, 0, n, 0, 0, round3(rel), null,
                substance.novel(), substance.domainTerms().size(), substance.reasoning(), 0);
        return new Analysis(new ScoredAnswer(assessment, signals), null, null, null, null, null);
    }

    /**
     * Glib words in an answer of {@code n} words. "Always" settles a claim in a spoken explanation, but in a one-line
     * definition it is part of what is defined ("a constructor always has the name of its class"): under
     * {@link #GLIB_MIN_WORDS} it is not counted (counted there, the Mohler exam answers' cross-validated Pearson fell
     * from 0.630 to 0.628).
     */
    private static long glib(List<Cues.Match> cues, int n) {
        return cues.stream().filter(c -> c.kind() == Cues.Kind.GLIB
                && (n >= GLIB_MIN_WORDS || !c.span().text().equalsIgnoreCase("always"))).count();
    }

    /** Facts to check: the bank's key points, or the ideal answer's sentences when a question has only an ideal. */
    static List<String> factKeyPoints(QuestionSpec q) {
        if (!q.keyPoints().isEmpty() || q.idealAnswer() == null || q.idealAnswer().isBlank() || !q.criteria().isEmpty()) {
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

    private static List<String> criteria(QuestionSpec q, ScoreModel.Group group) {
        if (!q.criteria().isEmpty()) {
            return q.criteria();
        }
        return switch (group) {
            case BEHAVIOURAL -> STORY_CRITERIA;
            case INTRODUCTION -> INTRODUCTION_CRITERIA;
            case TECHNICAL, OPEN -> List.of();
        };
    }

    /** "states the outcome" -> "Meets: states the outcome", as a strength reads. */
    private static String criterionMet(String criterion) {
        return "Meets: " + criterion;
    }

    /**
     * Domain terms at which the domain feature is full: 8 of a question's rubric, 24 of a role's vocabulary, which an
     * introduction is measured against (in the development set strong introductions name a median of 20 of its words,
     * weak ones 3-4; of 8 to 32, 24 fitted the tuning rows best).
     */
    private static double domainSaturation(ScoreModel.Group group) {
        return group == ScoreModel.Group.INTRODUCTION ? 24 : 8;
    }

    /** Content stems of everything the bank says about the question and its neighbours: its domain vocabulary. */
    private static Set<String> vocabulary(QuestionSpec q) {
        Set<String> out = new HashSet<>();
        List<String> texts = new ArrayList<>(q.keyPoints());
        texts.addAll(q.misconceptions());
        if (q.idealAnswer() != null) {
            texts.add(q.idealAnswer());
        }
        texts.forEach(t -> out.addAll(vocabularyStems(t)));
        if (q.domain() != null) {
            out.addAll(DOMAIN_STEMS.computeIfAbsent(q.domain(), AnswerScorer::vocabularyStems));
        }
        return out;
    }

    /**
     * The stems of a domain text: a role's vocabulary is the same text for every introduction of the role, over a
     * thousand words to stem each time otherwise.
     */
    private static final Map<String, Set<String>> DOMAIN_STEMS = Collections.synchronizedMap(new WeakHashMap<>());

    /** Stems of words of three letters or more: a vocabulary's terms, without "io" or "id". */
    private static Set<String> vocabularyStems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : Text.words(text)) {
            if (w.length() >= 3 && !Text.isStopword(w)) {
                out.add(Text.stem(w));
            }
        }
        return out;
    }

    /**
     * How close the answer is to the question as a whole: to the asking sentence, or to the setup before it, which an
     * answer may just as well repeat back ("so it's a multi-step checkout with address, delivery ...").
     */
    private double echo(float[] answerVec, float[] askedVec, String fullQuestion) {
        double asked = SentenceEmbedder.cosine(answerVec, askedVec);
        return fullQuestion == null ? asked
                : Math.max(asked, SentenceEmbedder.cosine(answerVec, embedder.embed(Text.normalise(fullQuestion))));
    }

    private static Set<String> technologies(String answer, List<Cues.Match> cues, Substance substance) {
        Set<String> out = new LinkedHashSet<>();
        cues.stream().filter(c -> c.kind() == Cues.Kind.TECH).forEach(c -> out.add(c.span().text().toLowerCase(Locale.ROOT)));
        substance.domainTerms().stream().filter(t -> Cues.isKnownTech(t)).forEach(out::add);
        for (Text.Token t : Text.tokens(answer)) {
            String name = Cues.name(answer.substring(t.start(), t.end()));
            if (name != null) {
                out.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return out;
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

    /** Situation, task, action, result and reflection markers, weighted by what a story needs most. */
    private static double starStructure(List<Cues.Match> cues) {
        Cues.Kind[] parts = {Cues.Kind.SITUATION, Cues.Kind.TASK, Cues.Kind.ACTION, Cues.Kind.RESULT, Cues.Kind.REFLECTION};
        double[] weights = {0.2, 0.15, 0.3, 0.25, 0.1};
        double total = 0;
        for (int i = 0; i < parts.length; i++) {
            if (count(cues, parts[i]) > 0) {
                total += weights[i];
            }
        }
        return total;
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

    /**
     * How far the answer is from reading like an answer to another of the role's questions: 1 while it is at least
     * about as close (e5, as passages) to its own question's ideal answer as to any rival's, falling to 0 over
     * {@link #RIVAL_SPAN} beyond {@link #RIVAL_FROM}. In-domain answers to another question share the rubric's
     * vocabulary, so neither relevance nor alignment sees them; their closest ideal answer does (BENCHMARKS.md, stop 33).
     */
    private double rivalFactor(QuestionSpec question, float[] passageVec) {
        if (question.rivals().isEmpty() || question.idealAnswer() == null || question.idealAnswer().isBlank()) {
            return 1;
        }
        double own = SentenceEmbedder.cosine(passageVec, relevance.passage(question.idealAnswer()));
        List<float[]> rivals = new ArrayList<>(question.rivals().size());
        List<String> missing = new ArrayList<>();
        for (String rival : question.rivals()) {
            float[] known = rivalVectors.get(rival);
            if (known == null) {
                missing.add(rival);
            } else {
                rivals.add(known);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> encoded = relevance.passages(missing);
            for (int i = 0; i < missing.size(); i++) {
                rivalVectors.put(missing.get(i), encoded.get(i));
            }
            rivals.addAll(encoded);
        }
        double closestRival = rivals.stream().mapToDouble(r -> SentenceEmbedder.cosine(passageVec, r)).max().orElse(-1);
        return clamp(1 + (own - closestRival + RIVAL_FROM) / RIVAL_SPAN);
    }

    /**
     * The probe's reading, 0-1, counted only where it lowers the score when {@code noBenefit}: the fluency of an echo
     * is the question's own, and blanking a note to the grader leaves wording the probe was not trained on, so neither
     * gets the benefit of the doubt from it.
     */
    private double quality(float[] passageVec, float[] answerVec, float[] queryVec, boolean noBenefit) {
        double reading = Math.max(0, Math.min(1, quality.label(passageVec, answerVec, queryVec) / 3));
        return noBenefit ? Math.min(reading, ScoreModel.QUALITY_NEUTRAL) : reading;
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
