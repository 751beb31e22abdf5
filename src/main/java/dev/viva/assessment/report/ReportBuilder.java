package dev.viva.assessment.report;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.AnswerAssessment.Aspect;
import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.ScoredAnswer;
import dev.viva.assessment.service.AnswerScorer;
import dev.viva.assessment.service.QuestionProfiler;
import dev.viva.assessment.signal.Text;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.viva.assessment.report.Phrases.join;
import static dev.viva.assessment.report.Phrases.lowerFirst;
import static dev.viva.assessment.report.Phrases.number;
import static dev.viva.assessment.report.Phrases.upperFirst;

/**
 * Turns a transcript into an {@link InterviewReport}. Dimension scores are difficulty-weighted means of the answers
 * that inform them; the overall score weights dimensions as the role template does; the confidence reflects how much
 * evidence there is and how consistent it is, and says why it is low when it is.
 *
 * <p>The words are written the way a careful interviewer writes a report: each dimension in a few plain sentences
 * naming what the answers showed and missed, strengths and concerns that name what was said, and nothing said twice.
 * Within one report a key point is never both shown and missed, a quote is used once, and a finding is either a
 * strength or a concern, never both (see {@link Writer}).
 */
public final class ReportBuilder {

    /**
     * What the report is built from.
     *
     * @param endReason     why the interview ended (EndReason name), null for a transcript assessed after the fact
     * @param forRecruiter  the candidate's questions the interviewer passed on to the recruiter
     * @param roleVersion   the version of the role template the interview ran on, null for a transcript
     */
    public record TranscriptInput(UUID interviewId, RoleTemplate role, Level level, String candidateName, String status,
                                  Instant startedAt, Instant endedAt, List<Entry> entries, String endReason,
                                  List<String> forRecruiter, Integer roleVersion) {

        public TranscriptInput {
            forRecruiter = forRecruiter == null ? List.of() : List.copyOf(forRecruiter);
        }

        /** A transcript without an interview behind it: no end and no plan to cover. */
        public TranscriptInput(UUID interviewId, RoleTemplate role, Level level, String candidateName, String status,
                               Instant startedAt, Instant endedAt, List<Entry> entries) {
            this(interviewId, role, level, candidateName, status, startedAt, endedAt, entries, null, List.of(), null);
        }
    }

    /**
     * One question and its answer. {@code scored} is false for turns that carry no answer to judge (the candidate's
     * questions about the role, silence, conversational openers).
     */
    public record Entry(int seq, Phase phase, int difficulty, QuestionSpec question, String questionSource,
                        String questionId, String answer, String inputMode, boolean scored, Map<String, Double> ability) {
    }

    private final AnswerScorer scorer;

    public ReportBuilder(AnswerScorer scorer) {
        this.scorer = scorer;
    }

    /** How much of the plan an interview covered; null for a transcript assessed after the fact. */
    static InterviewReport.Coverage coverage(TranscriptInput in) {
        if (in.endReason() == null) {
            return null;
        }
        RoleTemplate role = in.role();
        int asked = (int) in.entries().stream().filter(e -> "BANK".equals(e.questionSource())).count();
        int planned = role.phases().stream().mapToInt(RoleTemplate.PhaseSpec::questions).sum();
        List<String> reached = in.entries().stream().map(e -> e.phase().id()).distinct().toList();
        return new InterviewReport.Coverage(asked, planned, reached, role.phases().size(), in.forRecruiter());
    }

    public InterviewReport build(TranscriptInput in, InterviewReport.Method method) {
        return build(in, method, e -> scorer.score(e.question(), e.answer()));
    }

    /**
     * The report with each answer's assessment taken from {@code scores} (the optional LLM grade adjusts the offline
     * assessments before they are aggregated).
     */
    public InterviewReport build(TranscriptInput in, InterviewReport.Method method, Function<Entry, ScoredAnswer> scores) {
        RoleTemplate role = in.role();
        List<InterviewReport.TranscriptEntry> transcript = new ArrayList<>();
        List<InterviewReport.ReviewFlag> flags = new ArrayList<>();
        List<Scored> all = new ArrayList<>();
        List<Scored> scored = new ArrayList<>();
        for (Entry e : in.entries()) {
            transcript.add(new InterviewReport.TranscriptEntry(e.seq(), e.phase().id(), e.question().text(), e.answer(),
                    e.inputMode()));
            if (e.answer() == null) {
                continue;
            }
            ScoredAnswer s = scores.apply(e);
            all.add(new Scored(e, s));
            for (AnswerAssessment.Flag f : s.assessment().flags()) {
                if (f.code().equals("INSTRUCTION_INJECTION") || f.code().equals("OFF_TOPIC")) {
                    flags.add(new InterviewReport.ReviewFlag(e.seq(), f.code(), f.detail(),
                            f.evidence() == null ? null : f.evidence().quote()));
                }
            }
            if (e.scored() && s.assessment().answered() && e.question().kind() != QuestionKind.CONVERSATIONAL) {
                scored.add(new Scored(e, s));
            }
        }
        String who = Phrases.firstName(in.candidateName());
        Writer w = new Writer(who, all, scored);
        // the concerns first: a weak answer's gaps are named there, once, and the dimensions point to them
        List<InterviewReport.Point> concerns = w.concerns(flags);

        List<InterviewReport.Dimension> dimensions = new ArrayList<>();
        for (RoleTemplate.Dimension d : role.dimensions()) {
            List<Scored> inform = scored.stream().filter(s -> s.entry().question().dimensions().contains(d.id())).toList();
            if (inform.isEmpty()) {
                dimensions.add(new InterviewReport.Dimension(d.id(), d.name(), d.weight(), null, null, "Not assessed", 0,
                        "No answer in this interview informed " + d.name() + ", so it is not scored.", List.of()));
                continue;
            }
            double num = 0;
            double den = 0;
            for (Scored s : inform) {
                double wt = difficultyWeight(s.entry().difficulty());
                num += wt * s.answer().assessment().score();
                den += wt;
            }
            double percent = num / den;
            // the score out of 5 is read beside the percentage shown, so it is computed from that percentage
            List<String> evidence = new ArrayList<>();
            String reasoning = w.reasoning(inform, percent, evidence);
            dimensions.add(new InterviewReport.Dimension(d.id(), d.name(), d.weight(), outOf5(Math.round(percent)),
                    (int) Math.round(percent), label(percent), inform.size(), reasoning, evidence));
        }
        int overall = overall(dimensions);
        InterviewReport.Recommendation recommendation = recommendation(overall, scored.size());

        List<String> reasons = new ArrayList<>();
        double confidence = confidence(scored, dimensions, flags, overall, reasons);

        List<InterviewReport.Point> strengths = w.strengths();
        List<InterviewReport.Quote> quotes = w.notableQuotes(role);
        List<InterviewReport.FollowUp> followUps = followUps(role, in.level(), dimensions, in.entries(), w);

        Double minutes = in.startedAt() == null || in.endedAt() == null ? null
                : round1(Duration.between(in.startedAt(), in.endedAt()).toMillis() / 60000.0);
        var candidate = new InterviewReport.Candidate(in.candidateName(), role.id(), role.name(), in.roleVersion(),
                in.level().id(),
                in.status(), in.startedAt(), in.endedAt(), minutes, in.entries().size(), scored.size(),
                duration(in, minutes), in.endReason(), coverage(in));
        String summary = summary(candidate, who, overall, recommendation, confidence, reasons, dimensions, strengths,
                concerns, scored);
        List<InterviewReport.AnswerReport> answers = all.stream().map(s -> new InterviewReport.AnswerReport(
                s.entry().seq(), s.entry().phase().id(), s.entry().difficulty(), s.entry().question().text(),
                s.entry().questionSource(), s.entry().answer(), s.answer().assessment(), s.answer().signals(),
                s.entry().ability(), answerSummary(s))).toList();
        return new InterviewReport(InterviewReport.SCHEMA_VERSION, in.interviewId(), candidate, overall,
                outOf5(overall), recommendation, round2(confidence), confidenceLabel(confidence), reasons, summary,
                dimensions, strengths, concerns, quotes, answers, followUps, flags, transcript, method, Instant.now());
    }

    private record Scored(Entry entry, ScoredAnswer answer) {
        AnswerAssessment a() {
            return answer.assessment();
        }

        int score() {
            return answer.assessment().score();
        }

        int seq() {
            return entry.seq();
        }
    }

    /** The role's weights over the dimensions that have evidence; 0 when none has. */
    public static int overall(List<InterviewReport.Dimension> dimensions) {
        double weighted = 0;
        double weightSeen = 0;
        for (InterviewReport.Dimension d : dimensions) {
            if (d.percent() != null) {
                weighted += d.weight() * d.percent();
                weightSeen += d.weight();
            }
        }
        return weightSeen == 0 ? 0 : (int) Math.round(weighted / weightSeen);
    }

    /** A hard question answered well says more than an easy one; an easy one answered badly says more too. */
    static double difficultyWeight(int difficulty) {
        return 1 + 0.15 * (difficulty - 3);
    }

    /** A percentage as a score out of 5 with one decimal. */
    public static double outOf5(double percent) {
        return round1(percent / 20);
    }

    public static String label(double percent) {
        return percent >= 85 ? "Excellent" : percent >= 70 ? "Very Good" : percent >= 55 ? "Good"
                : percent >= 40 ? "Fair" : "Poor";
    }

    public static InterviewReport.Recommendation recommendation(int overall, int answers) {
        if (answers == 0) {
            return InterviewReport.Recommendation.NO_HIRE;
        }
        for (Threshold t : THRESHOLDS) {
            if (overall >= t.score()) {
                return t.recommendation();
            }
        }
        return InterviewReport.Recommendation.NO_HIRE;
    }

    /** The lowest overall score that earns a recommendation. */
    private record Threshold(int score, InterviewReport.Recommendation recommendation) {
    }

    private static final List<Threshold> THRESHOLDS = List.of(
            new Threshold(80, InterviewReport.Recommendation.STRONG_HIRE),
            new Threshold(68, InterviewReport.Recommendation.HIRE),
            new Threshold(55, InterviewReport.Recommendation.LEAN_HIRE),
            new Threshold(40, InterviewReport.Recommendation.LEAN_NO_HIRE));

    /**
     * The confidence, and its reasons in plain words, most important first (the first one is the line a report
     * shows next to the confidence).
     */
    private static double confidence(List<Scored> scored, List<InterviewReport.Dimension> dims,
                                     List<InterviewReport.ReviewFlag> flags, int overall, List<String> reasons) {
        int n = scored.size();
        if (n == 0) {
            reasons.add("No answer could be assessed, so there is no evidence for a recommendation.");
            return 0;
        }
        double amount = Math.min(1, n / 8.0);
        if (n < 8) {
            reasons.add("Only " + n + " answer" + (n == 1 ? " was" : "s were") + " assessed; 8 or more give a reliable picture.");
        }
        long injections = flags.stream().filter(f -> f.code().equals("INSTRUCTION_INJECTION")).count();
        if (injections > 0) {
            reasons.add("The candidate addressed instructions to the evaluator " + (injections == 1 ? "once"
                    : number(injections) + " times") + "; a person should review those answers.");
        }
        double mean = scored.stream().mapToInt(Scored::score).average().orElse(0);
        double sd = Math.sqrt(scored.stream().mapToDouble(s -> Math.pow(s.score() - mean, 2)).sum() / n);
        double consistency = 1 - Math.min(1, sd / 40);
        if (n >= 2 && sd > 22) {
            int lo = scored.stream().mapToInt(Scored::score).min().orElse(0);
            int hi = scored.stream().mapToInt(Scored::score).max().orElse(0);
            reasons.add("The answers were uneven, from " + lo + " to " + hi + " out of 100, so the overall score "
                    + "averages strong and weak areas.");
        }
        double c = 0;
        for (Threshold t : THRESHOLDS) {
            int gap = Math.abs(overall - t.score());
            if (gap <= 2) {
                c -= 0.1;
                String below = THRESHOLDS.indexOf(t) + 1 < THRESHOLDS.size()
                        ? THRESHOLDS.get(THRESHOLDS.indexOf(t) + 1).recommendation().label()
                        : InterviewReport.Recommendation.NO_HIRE.label();
                reasons.add("The overall score is on the line between " + t.recommendation().label() + " and " + below
                        + ", so a little more evidence either way would change the recommendation.");
            }
        }
        int totalWeight = dims.stream().mapToInt(InterviewReport.Dimension::weight).sum();
        int seenWeight = dims.stream().filter(d -> d.percent() != null).mapToInt(InterviewReport.Dimension::weight).sum();
        double dimCoverage = totalWeight == 0 ? 0 : (double) seenWeight / totalWeight;
        dims.stream().filter(d -> d.percent() == null).forEach(d ->
                reasons.add(d.name() + " (" + d.weight() + "% of the weight) had no evidence."));
        dims.stream().filter(d -> d.percent() != null && d.answers() == 1).forEach(d ->
                reasons.add(d.name() + " rests on a single answer."));
        c += 0.45 * amount + 0.30 * consistency + 0.25 * dimCoverage;
        if (injections > 0) {
            c -= 0.15;
        }
        c = Math.max(0, Math.min(1, c));
        if (c >= 0.75) {
            reasons.addFirst(upperFirst(number(n)) + " answers were assessed" + (dimCoverage == 1
                    ? ", covering every dimension of the role." : "."));
        }
        return c;
    }

    static String confidenceLabel(double c) {
        return c >= 0.75 ? "High" : c >= 0.5 ? "Medium" : "Low";
    }

    /** Shorter evidence is a fragment, not a quote (the scorer widens cue spans to clauses wherever it can). */
    private static boolean isQuote(String q) {
        return Text.tokens(q).size() >= AnswerScorer.QUOTE_MIN_WORDS;
    }

    /** Without a rubric, a score says how relevant, specific and deep the answer was, not whether it was right. */
    private static boolean rubricless(Scored s) {
        return s.answer().signals().coverage() == null && s.answer().signals().alignment() == null
                && s.answer().signals().criteria() == null;
    }

    private static boolean has(Scored s, Aspect aspect) {
        return Stream.concat(s.a().strengths().stream(), s.a().weaknesses().stream()).anyMatch(f -> f.aspect() == aspect);
    }

    private static List<AnswerAssessment.Finding> findings(Scored s, Aspect aspect) {
        return Stream.concat(s.a().strengths().stream(), s.a().weaknesses().stream()).filter(f -> f.aspect() == aspect)
                .toList();
    }

    private static List<String> quotes(Scored s, Aspect aspect) {
        return findings(s, aspect).stream().flatMap(f -> f.evidence().stream()).map(AnswerAssessment.Evidence::quote)
                .filter(ReportBuilder::isQuote).toList();
    }

    /** The facts of the answer's question (not its criteria) the answer covered or missed. */
    private static List<String> facts(Scored s, List<String> points) {
        return points.stream().filter(p -> !s.entry().question().criteria().contains(p)).toList();
    }

    private static List<String> criteria(Scored s, List<String> points) {
        return points.stream().filter(p -> s.entry().question().criteria().contains(p)).toList();
    }

    /** "answer 13, on preventing overselling" or "answer 13". */
    private static String ref(Scored s) {
        return "answer " + s.seq() + Phrases.topic(QuestionProfiler.ask(s.entry().question().text()))
                .map(t -> ", on " + t).orElse("");
    }

    /** The kind of finding a criterion describes: a criterion about named technologies is the TECHNOLOGIES finding. */
    private static Optional<Aspect> aspectOf(String criterion) {
        String c = criterion.toLowerCase(Locale.ROOT);
        if (c.contains("technolog") || c.contains("tools")) {
            return Optional.of(Aspect.TECHNOLOGIES);
        }
        if (c.contains("number") || c.contains("quantif") || c.contains("metric")) {
            return Optional.of(Aspect.NUMBERS);
        }
        if (c.contains("trade-off") || c.contains("tradeoff") || c.contains("alternative")) {
            return Optional.of(Aspect.TRADE_OFFS);
        }
        return Optional.empty();
    }

    /**
     * Writes the report's sentences and keeps it consistent: what has been named (key points, quotes) so nothing is
     * said twice, and which findings are strengths so no concern contradicts them.
     */
    private static final class Writer {
        final String who;
        final List<Scored> all;
        final List<Scored> scored;
        /** Shown somewhere in the interview: never reported as missed. */
        final Set<String> covered = new HashSet<>();
        /** Key points already named in some section. */
        final Set<String> named = new HashSet<>();
        final Set<String> quoted = new HashSet<>();
        /** Sentences of the dimensions so far. */
        final Set<String> said = new HashSet<>();
        boolean rubricNoted;
        /** Answers whose misconceptions a dimension has mentioned. */
        final Set<Integer> mentionedMisconceptions = new HashSet<>();
        /** Answers a concern is about. */
        final Set<Integer> concerned = new HashSet<>();
        /** Findings that are strengths of this candidate (decided once, up front). */
        final Set<Aspect> strong = EnumSet.noneOf(Aspect.class);
        final List<Scored> substantive;
        final List<Scored> technical;

        Writer(String who, List<Scored> all, List<Scored> scored) {
            this.who = who;
            this.all = all;
            this.scored = scored;
            all.forEach(s -> covered.addAll(s.a().coveredKeyPoints()));
            substantive = scored.stream().filter(s -> !has(s, Aspect.BREVITY) && !has(s, Aspect.OFF_TOPIC)).toList();
            technical = substantive.stream().filter(s -> s.entry().question().kind() == QuestionKind.TECHNICAL).toList();
            if (common(substantive, Aspect.NUMBERS)) {
                strong.add(Aspect.NUMBERS);
            }
            if (common(technical, Aspect.TRADE_OFFS)) {
                strong.add(Aspect.TRADE_OFFS);
            }
            if (common(substantive, Aspect.TECHNOLOGIES)) {
                strong.add(Aspect.TECHNOLOGIES);
            }
        }

        /** Shown in at least half of the answers (and in two or more). */
        private static boolean common(List<Scored> answers, Aspect aspect) {
            long k = answers.stream().filter(s -> has(s, aspect)).count();
            return k >= 2 && 2 * k >= answers.size();
        }

        /**
         * Whether the answer covered another of the alternatives a point belongs to: "uses an atomic conditional
         * update", "or optimistic locking...", "or row locking..." are one point made any of three ways.
         */
        static boolean alternativeCovered(Scored s, String point) {
            List<String> kps = s.entry().question().keyPoints();
            int i = kps.indexOf(point);
            if (i < 0) {
                return false;
            }
            int start = i;
            while (start > 0 && Phrases.isAlternative(kps.get(start))) {
                start--;
            }
            int end = i + 1;
            while (end < kps.size() && Phrases.isAlternative(kps.get(end))) {
                end++;
            }
            return end - start > 1 && kps.subList(start, end).stream().anyMatch(s.a().coveredKeyPoints()::contains);
        }

        /** A point may be said to be missing: nowhere covered, and not what a strength says the candidate does. */
        boolean reportableGap(String point) {
            return !covered.contains(point) && aspectOf(point).map(a -> !strong.contains(a)).orElse(true);
        }

        /** The first quote not shown yet, preferring one a reader takes in at a glance (at most 22 words). */
        private String take(List<String> quotes) {
            for (int maxWords : new int[]{22, AnswerScorer.QUOTE_MAX_WORDS}) {
                for (String q : quotes) {
                    if (isQuote(q) && !q.endsWith("..") && Text.tokens(q).size() <= maxWords && quoted.add(q)) {
                        return q;
                    }
                }
            }
            return null;
        }

        /** The answer's quote for a finding whose text ends with the point ("Covers: X", "Meets: X"). */
        private List<String> quotesFor(Scored s, String point) {
            return Stream.concat(s.a().strengths().stream(), s.a().weaknesses().stream())
                    .filter(f -> f.text().endsWith(point)).flatMap(f -> f.evidence().stream())
                    .map(AnswerAssessment.Evidence::quote).toList();
        }

        /** Any quote of the answer: its findings first, then its opening clause. */
        private List<String> anyQuotes(Scored s, boolean weakFirst) {
            List<AnswerAssessment.Finding> good = s.a().strengths();
            List<AnswerAssessment.Finding> bad = s.a().weaknesses();
            List<String> out = Stream.concat((weakFirst ? bad : good).stream(), (weakFirst ? good : bad).stream())
                    .flatMap(f -> f.evidence().stream()).map(AnswerAssessment.Evidence::quote)
                    .collect(Collectors.toCollection(ArrayList::new));
            List<Text.Token> words = Text.tokens(s.entry().answer());
            if (!words.isEmpty()) {
                out.add(Text.clause(s.entry().answer(), words.getFirst().start(), words.getFirst().end(),
                        AnswerScorer.QUOTE_MIN_WORDS, AnswerScorer.QUOTE_MAX_WORDS).text());
            }
            return out;
        }

        /**
         * Two to four sentences: how the dimension went, what the answers showed and what they missed (named), and
         * what pulled it down. {@code evidence} receives two or three quotes that show it.
         */
        String reasoning(List<Scored> inform, double percent, List<String> evidence) {
            List<String> sentences = new ArrayList<>();
            int n = inform.size();
            int lo = inform.stream().mapToInt(Scored::score).min().orElse(0);
            int hi = inform.stream().mapToInt(Scored::score).max().orElse(0);
            String level = percent >= 85 ? "Excellent" : percent >= 70 ? "Strong" : percent >= 55 ? "Solid"
                    : percent >= 40 ? "Mixed" : "Weak";
            String shape = n >= 2 && hi - lo >= 50 ? ", but uneven" : n >= 2 && hi - lo <= 20 ? ", and consistent" : "";
            sentences.add(level + (n == 1 ? " on the one answer that bears on it (" + ref(inform.getFirst()) + ")"
                    : " across " + number(n) + " answers") + shape + ".");

            List<Scored> best = inform.stream().sorted(Comparator.comparingInt(s -> -s.score())).toList();
            List<String> shown = new ArrayList<>();
            List<String> shownQuotes = new ArrayList<>();
            for (Scored s : best) {
                if (s.score() < 50 || shown.size() >= 2) {
                    break;
                }
                List<String> points = facts(s, s.a().coveredKeyPoints());
                boolean isFacts = !points.isEmpty();
                if (!isFacts) {
                    points = criteria(s, s.a().coveredKeyPoints());
                }
                int fromThis = 0;
                for (String p : points) {
                    if (shown.size() < 2 && fromThis < (isFacts ? 1 : 2) && named.add(p)) {
                        shown.add(Phrases.did(p) + " (answer " + s.seq() + ")");
                        fromThis++;
                        String q = take(quotesFor(s, p));
                        if (q != null) {
                            shownQuotes.add(q);
                        }
                    }
                }
            }
            if (!shown.isEmpty()) {
                sentences.add(who + " " + Phrases.joinDid(shown) + ".");
            }

            List<String> missed = new ArrayList<>();
            List<String> missedQuotes = new ArrayList<>();
            for (Scored s : best.reversed()) {
                if (s.score() >= 60) {
                    break;
                }
                for (String p : s.a().missingKeyPoints()) {
                    if (missed.size() < 2 && reportableGap(p) && !alternativeCovered(s, p) && named.add(p)) {
                        missed.add(Phrases.didNot(p) + " (answer " + s.seq() + ")");
                        if (missedQuotes.isEmpty()) {
                            String q = take(anyQuotes(s, true));
                            if (q != null) {
                                missedQuotes.add(q);
                            }
                        }
                    }
                }
            }
            if (!missed.isEmpty()) {
                sentences.add((shown.isEmpty() ? who : "Elsewhere " + who) + " " + Phrases.joinDid(missed) + ".");
            } else {
                best.reversed().stream().filter(s -> concerned.contains(s.seq())).findFirst().ifPresent(s ->
                        sentences.add("The weakest of these answers (" + ref(s) + ") is taken up under the concerns."));
            }

            long misconceptions = inform.stream().filter(s -> !mentionedMisconceptions.contains(s.seq()))
                    .mapToLong(s -> s.a().misconceptions().size()).sum();
            List<Integer> again = inform.stream().filter(s -> mentionedMisconceptions.contains(s.seq()))
                    .map(Scored::seq).toList();
            inform.stream().filter(s -> !s.a().misconceptions().isEmpty()).forEach(s -> mentionedMisconceptions.add(s.seq()));
            long hedged = inform.stream().filter(s -> s.answer().signals().hedging() > 0.3).count();
            if (misconceptions > 0) {
                sentences.add(upperFirst(misconceptions == 1 ? "a stated misconception (see the concerns) pulls the "
                        + "score down." : number(misconceptions) + " stated misconceptions (see the concerns) pull the "
                        + "score down."));
            } else if (!again.isEmpty()) {
                sentences.add("The misconceptions of " + (again.size() == 1 ? "answer " : "answers ")
                        + join(again.stream().map(String::valueOf).toList()) + " weigh on it too.");
            } else if (hedged > 0 && 2 * hedged >= n) {
                sentences.add(n == 1 ? "The answer is heavily hedged." : "Much of it is heavily hedged.");
            }
            if (shown.isEmpty() && missed.isEmpty()) {
                sentences.add(specifics(inform));
            }
            if (inform.stream().allMatch(ReportBuilder::rubricless) && !rubricNoted) {
                rubricNoted = true;
                sentences.add((n == 1 ? "The question had" : "The questions had") + " no rubric, so the score "
                        + "reflects relevance and depth rather than correctness.");
            }
            // nothing is said twice, whatever the answers
            sentences.removeIf(x -> !said.add(x));

            evidence.addAll(shownQuotes);
            evidence.addAll(missedQuotes);
            int wanted = n >= 4 ? 3 : 2;
            while (evidence.size() > wanted) {
                quoted.remove(evidence.removeLast());
            }
            for (int round = 0; evidence.size() < wanted && round < 3; round++) {
                for (Scored s : percent < 40 ? best.reversed() : best) {
                    if (evidence.size() >= wanted) {
                        break;
                    }
                    String q = take(anyQuotes(s, percent < 40));
                    if (q != null) {
                        evidence.add(q);
                    }
                }
            }
            return String.join(" ", sentences.subList(0, Math.min(4, sentences.size())));
        }

        /** What the answers are made of when no key point can be named. */
        private String specifics(List<Scored> inform) {
            List<String> parts = new ArrayList<>();
            List<String> tools = tools(inform, 3);
            if (!tools.isEmpty()) {
                parts.add("name " + join(tools));
            } else if (inform.stream().anyMatch(s -> has(s, Aspect.TECHNOLOGIES))) {
                parts.add("name the tools involved");
            }
            if (inform.stream().anyMatch(s -> has(s, Aspect.NUMBERS))) {
                parts.add("give figures");
            }
            if (inform.stream().anyMatch(s -> has(s, Aspect.ACTIONS))) {
                parts.add("describe what " + who + " did");
            }
            boolean one = inform.size() == 1;
            return parts.isEmpty() ? (one ? "The answer stays" : "The answers stay")
                    + " general, without tools, figures or concrete actions."
                    : (one ? "The answer " + join(parts.stream().map(ReportBuilder::singular).toList())
                    : "The answers " + join(parts)) + ".";
        }

        /** Three to five strengths, each naming what the candidate said. */
        List<InterviewReport.Point> strengths() {
            List<InterviewReport.Point> out = new ArrayList<>();
            // a story that does what a good story does
            boolean weakStory = scored.stream().anyMatch(s -> s.entry().question().kind() == QuestionKind.BEHAVIOURAL
                    && s.score() < 40);
            scored.stream().filter(s -> s.entry().question().kind() == QuestionKind.BEHAVIOURAL && s.score() >= 60)
                    .max(Comparator.comparingInt(Scored::score)).ifPresent(s -> {
                        // what the dimensions have not said about it already
                        List<String> met = criteria(s, s.a().coveredKeyPoints()).stream()
                                .filter(p -> !named.contains(p)).limit(3).toList();
                        if (!met.isEmpty()) {
                            met.forEach(named::add);
                            String q = take(Stream.concat(met.stream().flatMap(p -> quotesFor(s, p).stream()),
                                    anyQuotes(s, false).stream()).toList());
                            out.add(point(weakStory ? "Tells a concrete story with an outcome"
                                    : "Tells concrete stories with an outcome", "In " + ref(s) + ", " + who + " "
                                    + (criteria(s, s.a().missingKeyPoints()).isEmpty() ? "tells a complete story and "
                                    : "") + Phrases.joinDid(met.stream().map(Phrases::did).toList()) + ".", q,
                                    Aspect.STORY));
                        }
                    });
            for (Scored s : scored) {
                for (AnswerAssessment.Finding f : findings(s, Aspect.REFUTATION)) {
                    String myth = f.text().replaceFirst("^[^:]*:\\s*", "");
                    out.add(point("Sees through a common myth", who + " rejects the belief that " + myth + " ("
                            + ref(s) + ").", take(quotes(s, Aspect.REFUTATION)), Aspect.REFUTATION));
                }
            }
            // depth on the hardest questions, named by what was said, when the dimensions have not said it
            List<Scored> deep = scored.stream().filter(s -> s.score() >= 75 && s.entry().difficulty() >= 3)
                    .sorted(Comparator.comparingInt(s -> -s.score())).toList();
            List<String> depth = new ArrayList<>();
            String depthQuote = null;
            for (Scored s : deep) {
                for (String p : facts(s, s.a().coveredKeyPoints())) {
                    if (depth.size() < 2 && named.add(p)) {
                        depth.add(Phrases.did(p) + " (answer " + s.seq() + ")");
                        if (depthQuote == null) {
                            depthQuote = take(quotesFor(s, p));
                        }
                        break;
                    }
                }
            }
            if (!depth.isEmpty()) {
                out.add(point("Is precise on the harder questions", who + " " + Phrases.joinDid(depth) + ".", depthQuote,
                        Aspect.KEY_POINT));
            }
            if (strong.contains(Aspect.NUMBERS)) {
                out.add(point("Backs claims with measured results", who + " puts figures on " + most(substantive,
                        Aspect.NUMBERS) + " answers, so the impact of the work is concrete.",
                        take(substantive.stream().sorted(Comparator.comparingInt(s -> -s.score()))
                                .flatMap(s -> quotes(s, Aspect.NUMBERS).stream())
                                .filter(q -> q.replaceAll("\\b(19|20)\\d\\d\\b", "").matches("(?s).*\\d.*")).toList()),
                        Aspect.NUMBERS));
            }
            if (strong.contains(Aspect.TRADE_OFFS)) {
                out.add(point("Weighs trade-offs", "In " + most(technical, Aspect.TRADE_OFFS) + " technical answers "
                        + who + " says what an approach costs or when it is the wrong choice.",
                        take(technical.stream().sorted(Comparator.comparingInt(s -> -s.score()))
                                .flatMap(s -> quotes(s, Aspect.TRADE_OFFS).stream()).toList()),
                        Aspect.TRADE_OFFS));
            }
            if (strong.contains(Aspect.TECHNOLOGIES)) {
                List<String> tools = tools(all.stream().filter(s -> s.score() >= 50).toList(), 8);
                if (tools.size() >= 3) {
                    out.add(point("Knows the tools of the trade", who + " talks concretely about " + join(tools)
                            + " from their own work.", null, Aspect.TECHNOLOGIES));
                }
            }
            all.stream().filter(s -> findings(s, Aspect.CANDIDATE_QUESTION).stream()
                            .anyMatch(f -> f.text().toLowerCase(Locale.ROOT).contains("specific")))
                    .findFirst().ifPresent(s -> out.add(point("Asks pointed questions about the role", "At the wrap-up "
                            + who + " asks about how the team works rather than generic questions.",
                            take(anyQuotes(s, false)), Aspect.CANDIDATE_QUESTION)));
            return List.copyOf(out.subList(0, Math.min(5, out.size())));
        }

        /** The tools the answers name, as written, without plain words the cue detector counts ("index", "429"). */
        private static List<String> tools(List<Scored> answers, int max) {
            Set<String> seen = new HashSet<>();
            return answers.stream().flatMap(s -> findings(s, Aspect.TECHNOLOGIES).stream())
                    .flatMap(f -> Stream.of(f.text().replaceFirst("^[^:]*:\\s*", "").split(",\\s*")))
                    .map(String::strip)
                    .filter(t -> t.chars().anyMatch(Character::isUpperCase) && !t.matches("[\\d\\W]+")
                            && !t.toLowerCase(Locale.ROOT).endsWith("-bound"))
                    .filter(t -> seen.add(t.toLowerCase(Locale.ROOT)))
                    .limit(max).toList();
        }

        /** "most of the", "half of the", "all" answers, in words. */
        private static String most(List<Scored> answers, Aspect aspect) {
            long k = answers.stream().filter(s -> has(s, aspect)).count();
            return k == answers.size() ? "all" : 3 * k >= 2 * answers.size() ? "most" : "about half of the";
        }

        private static InterviewReport.Point point(String title, String detail, String quote, Aspect kind) {
            return new InterviewReport.Point(title, detail, null, quote == null ? List.of() : List.of(quote), kind.name());
        }

        private static InterviewReport.Point concern(String title, String detail, String severity, List<String> quotes,
                                                     String kind) {
            return new InterviewReport.Point(title, detail, severity, quotes.stream().filter(q -> q != null).toList(),
                    kind);
        }

        /** Three to five concerns, each naming what was said wrongly or left out; none contradicts a strength. */
        List<InterviewReport.Point> concerns(List<InterviewReport.ReviewFlag> flags) {
            List<InterviewReport.Point> out = new ArrayList<>();
            if (flags.stream().anyMatch(f -> f.code().equals("INSTRUCTION_INJECTION"))) {
                out.add(concern("Addresses instructions to the evaluator", who + " tried to instruct the scoring "
                                + "system; those words were ignored for scoring. Review the flagged answers.", "major",
                        flags.stream().filter(f -> f.code().equals("INSTRUCTION_INJECTION") && f.quote() != null)
                                .map(InterviewReport.ReviewFlag::quote).limit(2).toList(), "INSTRUCTIONS"));
            }
            for (Scored s : scored) {
                List<String> ms = s.a().misconceptions();
                if (ms.isEmpty()) {
                    continue;
                }
                List<String> qs = new ArrayList<>();
                for (String q : quotes(s, Aspect.MISCONCEPTION)) {
                    if (qs.isEmpty() && quoted.add(q)) {
                        qs.add(q);
                    }
                }
                concerned.add(s.seq());
                out.add(concern(ms.size() == 1 ? "States a common misconception" : "States " + number(ms.size())
                                + " common misconceptions", "In " + ref(s) + (s.entry().difficulty() <= 2
                                ? ", one of the easier questions," : ",") + " " + who + " says "
                                + join(ms.stream().map(m -> "that " + m).toList()) + (ms.size() == 1 ? "; that is not so."
                                : "; neither is so."), s.entry().difficulty() <= 2 || ms.size() > 1 ? "major" : "moderate",
                        qs, Aspect.MISCONCEPTION.name()));
            }
            // the weakest answers that were not wrong, only thin: what they left out, named
            scored.stream().filter(s -> s.score() < 50 && s.a().misconceptions().isEmpty() && !has(s, Aspect.OFF_TOPIC)
                            && !rubricless(s))
                    .sorted(Comparator.comparingInt(Scored::score)).forEach(s -> {
                        if (concerned.size() >= 3) {
                            return;
                        }
                        List<String> gaps = s.a().missingKeyPoints().stream().filter(this::reportableGap)
                                .filter(p -> !alternativeCovered(s, p)).filter(p -> !named.contains(p)).limit(3).toList();
                        if (gaps.isEmpty()) {
                            return;
                        }
                        named.addAll(gaps);
                        concerned.add(s.seq());
                        boolean story = s.entry().question().kind() == QuestionKind.BEHAVIOURAL;
                        out.add(concern(story ? "Gives one story without specifics" : s.entry().difficulty() >= 3
                                        ? "Leaves gaps on a harder question" : "Misses basics on an easy question",
                                "In " + ref(s) + ", " + who + " " + Phrases.joinDid(gaps.stream().map(Phrases::didNot)
                                        .toList()) + ".", s.entry().difficulty() >= 3 ? "moderate" : "major",
                                opt(take(anyQuotes(s, true))), "WEAK_ANSWER"));
                    });
            long hedgy = scored.stream().filter(s -> s.answer().signals().hedging() > 0.3 || has(s, Aspect.HEDGING)).count();
            if (hedgy >= 2) {
                out.add(concern("Hedges and fills a lot", who + " hedges or fills in " + number(hedgy) + " answers "
                                + "(\"I guess\", \"um\", asides), which makes even good content sound unsure.", "minor",
                        opt((take(scored.stream().flatMap(s -> quotes(s, Aspect.HEDGING).stream()).toList()))),
                        Aspect.HEDGING.name()));
            }
            long offTopic = scored.stream().filter(s -> has(s, Aspect.OFF_TOPIC)).count();
            if (offTopic > 0) {
                out.add(concern("Drifts away from the question", upperFirst(number(offTopic)) + " of the answers "
                                + (offTopic == 1 ? "is" : "are") + " mostly about something other than the question.",
                        "moderate", opt((take(scored.stream().flatMap(s -> quotes(s, Aspect.OFF_TOPIC)
                                .stream()).toList()))), Aspect.OFF_TOPIC.name()));
            }
            long brief = scored.stream().filter(s -> has(s, Aspect.BREVITY)).count();
            if (scored.size() >= 2 && 2 * brief >= scored.size()) {
                out.add(concern("Gives very short answers", upperFirst(number(brief)) + " answers are a sentence or "
                        + "two, leaving little to judge.", "moderate", List.of(), Aspect.BREVITY.name()));
            }
            long unquantified = substantive.stream().filter(s -> !has(s, Aspect.NUMBERS)).count();
            if (!strong.contains(Aspect.NUMBERS) && substantive.size() >= 3 && 3 * unquantified >= 2 * substantive.size()) {
                out.add(concern("Rarely quantifies results", "Few answers give sizes, latencies, percentages or time "
                        + "saved, so the impact of the work is hard to judge.", "minor", List.of(),
                        Aspect.NUMBERS.name()));
            }
            long oneSided = technical.stream().filter(s -> !has(s, Aspect.TRADE_OFFS)).count();
            if (!strong.contains(Aspect.TRADE_OFFS) && technical.size() >= 3 && 3 * oneSided >= 2 * technical.size()) {
                out.add(concern("Seldom weighs trade-offs", "Few technical answers say when the approach is the wrong "
                        + "choice or what it costs.", "minor", List.of(), Aspect.TRADE_OFFS.name()));
            }
            out.sort(Comparator.comparingInt(p -> List.of("major", "moderate", "minor").indexOf(p.severity())));
            return List.copyOf(out.subList(0, Math.min(5, out.size())));
        }

        private static List<String> opt(String q) {
            return q == null ? List.of() : List.of(q);
        }

        /** Quotes worth reading in full, from the best answers, none shown elsewhere in the report. */
        List<InterviewReport.Quote> notableQuotes(RoleTemplate role) {
            List<InterviewReport.Quote> out = new ArrayList<>();
            Set<Aspect> telling = Set.of(Aspect.KEY_POINT, Aspect.NUMBERS, Aspect.STORY, Aspect.TRADE_OFFS);
            scored.stream().filter(s -> s.score() >= 50).sorted(Comparator.comparingInt(s -> -s.score())).forEach(s -> {
                if (out.size() >= 3) {
                    return;
                }
                s.a().strengths().stream().filter(f -> telling.contains(f.aspect()))
                        .flatMap(f -> f.evidence().stream()).map(AnswerAssessment.Evidence::quote)
                        .filter(q -> isQuote(q) && !quoted.contains(q)).findFirst().ifPresent(q -> {
                            quoted.add(q);
                            out.add(new InterviewReport.Quote(q, s.seq(), QuestionProfiler.ask(s.entry().question().text()),
                                    s.entry().question().dimensions().stream().map(id -> role.dimension(id)
                                            .map(RoleTemplate.Dimension::name).orElse(id)).findFirst().orElse(null)));
                        });
            });
            return out;
        }
    }

    /** "name the tools" -> "names the tools". */
    private static String singular(String verbPhrase) {
        int sp = verbPhrase.indexOf(' ');
        String v = sp < 0 ? verbPhrase : verbPhrase.substring(0, sp);
        String rest = sp < 0 ? "" : verbPhrase.substring(sp);
        return (v.endsWith("e") || !v.matches(".*(s|sh|ch|x|z)$") ? v + "s" : v + "es") + rest;
    }

    /** The score from which an answer is strong whatever its wording (the development set's label 3 median is 90). */
    static final int STRONG_ANSWER = 70;

    /** One sentence for people: what the answer did and what it missed, by name. */
    private static String answerSummary(Scored s) {
        AnswerAssessment a = s.a();
        if (!a.answered()) {
            return "Nothing to assess: " + (a.flags().isEmpty() ? "no answer." : a.flags().getFirst().detail() + ".");
        }
        List<String> parts = new ArrayList<>();
        if (!a.misconceptions().isEmpty()) {
            parts.add("states that " + join(a.misconceptions()));
        }
        findings(s, Aspect.REFUTATION).stream().findFirst()
                .ifPresent(f -> parts.add("rejects the myth that " + f.text().replaceFirst("^[^:]*:\\s*", "")));
        List<String> coveredFacts = facts(s, a.coveredKeyPoints());
        List<String> missedFacts = facts(s, a.missingKeyPoints());
        int totalFacts = coveredFacts.size() + missedFacts.size();
        // a strong answer that names few of the key points in the reference's words says them in its own (a
        // presigned S3 upload is "object storage"): counting the words it missed would contradict its score
        boolean ownWords = a.score() >= STRONG_ANSWER && coveredFacts.size() * 2 < totalFacts;
        // with a single key point, the one it missed is named below: "covers none of the key points" would only say
        // it twice, and louder than a score that may be good on everything else
        if (totalFacts > 0 && parts.isEmpty() && !ownWords && !(totalFacts == 1 && coveredFacts.isEmpty())) {
            parts.add(coveredFacts.isEmpty() ? "covers none of the key points" : missedFacts.isEmpty()
                    ? (totalFacts == 1 ? "covers the key point" : "covers all " + totalFacts + " key points")
                    : "covers " + coveredFacts.size() + " of " + totalFacts + " key points");
        }
        if (totalFacts > 0 && parts.size() < 2 && !ownWords) {
            missedFacts.stream().filter(p -> !Writer.alternativeCovered(s, p)).findFirst()
                    .ifPresent(p -> parts.add(Phrases.didNot(p)));
        }
        List<String> met = criteria(s, a.coveredKeyPoints());
        List<String> unmet = criteria(s, a.missingKeyPoints());
        if (totalFacts == 0 && met.size() + unmet.size() > 0) {
            parts.add(unmet.isEmpty() ? "meets every criterion"
                    : Phrases.didNot(unmet.getFirst()) + (met.isEmpty() ? ""
                    : " (meets " + met.size() + " of " + (met.size() + unmet.size()) + " criteria)"));
        }
        if (parts.isEmpty()) {
            findings(s, Aspect.CANDIDATE_QUESTION).stream().findFirst().ifPresent(f -> parts.add(lowerFirst(f.text())));
        }
        if (parts.isEmpty() && (rubricless(s) || ownWords)) {
            List<String> what = new ArrayList<>();
            if (has(s, Aspect.TECHNOLOGIES)) {
                what.add("names the tools");
            }
            if (has(s, Aspect.NUMBERS)) {
                what.add("gives figures");
            }
            if (has(s, Aspect.TRADE_OFFS)) {
                what.add("weighs trade-offs");
            }
            parts.add((ownWords ? "judged on depth, in words of its own" : "no rubric, judged on depth")
                    + (what.isEmpty() ? "" : ": " + join(what)));
        }
        if (has(s, Aspect.OFF_TOPIC)) {
            parts.add("mostly not about the question");
        }
        String line = parts.isEmpty() ? a.justification() : upperFirst(String.join("; ", parts)) + ".";
        return clip(line, 115);
    }

    /** At most about {@code max} characters, cut at a word. */
    static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 3);
        return s.substring(0, cut < max / 2 ? max - 3 : cut).replaceAll("[,;:]+$", "") + "...";
    }

    /** What the report says about the interview's length: a real duration, or why there is none; never "0 minutes". */
    private static String duration(TranscriptInput in, Double minutes) {
        if (minutes != null) {
            return Phrases.duration(minutes);
        }
        if (in.startedAt() == null && "ASSESSED".equals(in.status())) {
            return "not recorded (transcript assessed after the fact)";
        }
        return in.startedAt() == null ? "not started" : "not finished";
    }

    /**
     * Questions a human interviewer should ask next: from the bank, for the dimensions with the weakest or thinnest
     * evidence, not already asked, each with the gap it probes.
     */
    private static List<InterviewReport.FollowUp> followUps(RoleTemplate role, Level level,
                                                           List<InterviewReport.Dimension> dims, List<Entry> entries,
                                                           Writer w) {
        Set<String> asked = entries.stream().map(Entry::questionId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> askedTexts = entries.stream().map(e -> e.question().text()).collect(Collectors.toSet());
        List<InterviewReport.Dimension> targets = dims.stream()
                .sorted(Comparator.comparingDouble(d -> d.percent() == null ? -1 : d.percent() + 15.0 * d.answers()))
                .limit(3).toList();
        Map<String, InterviewReport.FollowUp> out = new LinkedHashMap<>();
        for (InterviewReport.Dimension d : targets) {
            boolean weakest = d.percent() != null && dims.stream().filter(x -> x.percent() != null)
                    .allMatch(x -> x.percent() >= d.percent());
            String why = d.percent() == null ? ", which was not assessed" : weakest ? ", the weakest area"
                    : d.answers() <= 3 ? ", which rests on " + number(d.answers()) + " answer" + (d.answers() == 1 ? "" : "s")
                    : ", one of the lower-scoring areas";
            String reason = "Probes " + d.name() + why + ".";
            role.questionsFor(level).stream()
                    .filter(q -> q.kind() != QuestionKind.CONVERSATIONAL && q.dimensions().contains(d.id()))
                    .filter(q -> !asked.contains(q.id()) && !askedTexts.contains(q.text()))
                    .filter(q -> !out.containsKey(q.id()))
                    .limit(1)
                    .forEach(q -> out.put(q.id(), new InterviewReport.FollowUp(q.text(), reason, d.name())));
        }
        return List.copyOf(out.values());
    }

    /**
     * A short paragraph a recruiter can read instead of the report: where the candidate was strongest and weakest,
     * what they did well and what worried, what was not assessed, and the recommendation with its confidence.
     */
    private static String summary(InterviewReport.Candidate c, String who, int overall,
                                  InterviewReport.Recommendation rec, double confidence, List<String> reasons,
                                  List<InterviewReport.Dimension> dims, List<InterviewReport.Point> strengths,
                                  List<InterviewReport.Point> concerns, List<Scored> scored) {
        StringBuilder sb = new StringBuilder();
        String setting = c.durationMinutes() != null ? "In a " + Phrases.duration(c.durationMinutes())
                .replace(" minutes", "-minute").replace(" minute", "-minute") + " interview"
                : c.startedAt() == null && "ASSESSED".equals(c.status()) ? "On a transcript assessed after the fact"
                : "In an interview that did not finish";
        if (scored.isEmpty()) {
            return setting + " for " + c.roleName() + " at " + c.level() + " level, no answer from " + who
                    + " could be assessed, so there is no evidence for a recommendation.";
        }
        List<InterviewReport.Dimension> assessed = dims.stream().filter(d -> d.percent() != null)
                .sorted(Comparator.comparingInt(d -> -d.percent())).toList();
        var top = assessed.getFirst();
        var bottom = assessed.getLast();
        sb.append(setting).append(", ").append(who);
        if (assessed.size() == 1) {
            sb.append(" was assessed on ").append(top.name()).append(" only. ");
        } else if (top.percent().equals(bottom.percent())) {
            sb.append(" was as strong in ").append(top.name()).append(" as in ").append(bottom.name()).append(". ");
        } else {
            sb.append(" was strongest in ").append(top.name()).append(" and weakest in ").append(bottom.name())
                    .append(". ");
        }
        List<String> good = strengths.stream().limit(2).map(p -> lowerFirst(p.title())).toList();
        List<String> bad = concerns.stream().limit(2).map(p -> lowerFirst(p.title())).toList();
        if (!good.isEmpty() || !bad.isEmpty()) {
            sb.append(upperFirst(who)).append(' ');
            if (!good.isEmpty()) {
                sb.append(join(good));
            }
            if (!bad.isEmpty()) {
                sb.append(good.isEmpty() ? "" : ", but ").append(join(bad));
            }
            sb.append(". ");
        }
        List<String> missing = dims.stream().filter(d -> d.percent() == null).map(InterviewReport.Dimension::name).toList();
        if (!missing.isEmpty()) {
            sb.append(join(missing)).append(missing.size() == 1 ? " was" : " were").append(" not assessed. ");
        }
        sb.append("Recommendation: ").append(rec.label()).append(" (").append(overall).append("/100), with ")
                .append(confidenceLabel(confidence).toLowerCase(Locale.ROOT)).append(" confidence");
        if (!reasons.isEmpty() && confidence < 0.75) {
            sb.append(" because ").append(lowerFirst(reasons.getFirst().split("[;,] ")[0].replaceAll("\\.$", "")));
        }
        return sb.append('.').toString();
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
