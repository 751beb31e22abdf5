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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a transcript into an {@link InterviewReport}. Dimension scores are difficulty-weighted means of the answers
 * that inform them; the overall score weights dimensions as the role template does; the confidence reflects how much
 * evidence there is and how consistent it is, and says why it is low when it is.
 */
public final class ReportBuilder {

    /** What the report is built from. */
    public record TranscriptInput(UUID interviewId, RoleTemplate role, Level level, String candidateName, String status,
                                  Instant startedAt, Instant endedAt, List<Entry> entries) {
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

    public InterviewReport build(TranscriptInput in, InterviewReport.Method method) {
        return build(in, method, e -> scorer.score(e.question(), e.answer()));
    }

    /**
     * The report with each answer's assessment taken from {@code scores} (the optional LLM grade adjusts the offline
     * assessments before they are aggregated).
     */
    public InterviewReport build(TranscriptInput in, InterviewReport.Method method, Function<Entry, ScoredAnswer> scores) {
        RoleTemplate role = in.role();
        List<InterviewReport.AnswerReport> answers = new ArrayList<>();
        List<InterviewReport.TranscriptEntry> transcript = new ArrayList<>();
        List<InterviewReport.ReviewFlag> flags = new ArrayList<>();
        List<Scored> scored = new ArrayList<>();
        for (Entry e : in.entries()) {
            transcript.add(new InterviewReport.TranscriptEntry(e.seq(), e.phase().id(), e.question().text(), e.answer(),
                    e.inputMode()));
            if (e.answer() == null) {
                continue;
            }
            ScoredAnswer s = scores.apply(e);
            answers.add(new InterviewReport.AnswerReport(e.seq(), e.phase().id(), e.difficulty(), e.question().text(),
                    e.questionSource(), e.answer(), s.assessment(), s.signals(), e.ability()));
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

        List<InterviewReport.Dimension> dimensions = new ArrayList<>();
        Set<String> quoted = new HashSet<>();
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
                double w = difficultyWeight(s.entry().difficulty());
                num += w * s.answer().assessment().score();
                den += w;
            }
            double percent = num / den;
            // the score out of 5 is read beside the percentage shown, so it is computed from that percentage
            dimensions.add(new InterviewReport.Dimension(d.id(), d.name(), d.weight(), outOf5(Math.round(percent)),
                    (int) Math.round(percent), label(percent), inform.size(), reasoning(d, inform, percent),
                    bestQuotes(inform, 3, quoted)));
        }
        int overall = overall(dimensions);
        InterviewReport.Recommendation recommendation = recommendation(overall, scored.size());

        List<String> reasons = new ArrayList<>();
        double confidence = confidence(scored, dimensions, flags, overall, reasons);

        List<InterviewReport.Point> strengths = strengths(dimensions, scored);
        List<InterviewReport.Point> concerns = concerns(dimensions, scored, flags);
        List<InterviewReport.Quote> quotes = notableQuotes(scored, role);
        List<InterviewReport.FollowUp> followUps = followUps(role, in.level(), dimensions, in.entries());

        Double minutes = in.startedAt() == null || in.endedAt() == null ? null
                : round1(Duration.between(in.startedAt(), in.endedAt()).toMillis() / 60000.0);
        var candidate = new InterviewReport.Candidate(in.candidateName(), role.id(), role.name(), in.level().id(),
                in.status(), in.startedAt(), in.endedAt(), minutes, in.entries().size(), scored.size(),
                duration(in, minutes));
        String summary = summary(candidate, overall, recommendation, confidence, reasons, dimensions, strengths,
                concerns, scored);
        return new InterviewReport(InterviewReport.SCHEMA_VERSION, in.interviewId(), candidate, overall,
                outOf5(overall), recommendation, round2(confidence), confidenceLabel(confidence), reasons, summary,
                dimensions, strengths, concerns, quotes, answers, followUps, flags, transcript, method, Instant.now());
    }

    private record Scored(Entry entry, ScoredAnswer answer) {
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
        double mean = scored.stream().mapToInt(s -> s.answer().assessment().score()).average().orElse(0);
        double sd = Math.sqrt(scored.stream().mapToDouble(s -> Math.pow(s.answer().assessment().score() - mean, 2))
                .sum() / n);
        double consistency = 1 - Math.min(1, sd / 40);
        if (n >= 2 && sd > 22) {
            reasons.add(String.format(Locale.ROOT, "Answers were inconsistent (scores spread by %.0f points), so the "
                    + "overall score hides strong and weak areas.", sd));
        }
        int totalWeight = dims.stream().mapToInt(InterviewReport.Dimension::weight).sum();
        int seenWeight = dims.stream().filter(d -> d.percent() != null).mapToInt(InterviewReport.Dimension::weight).sum();
        double dimCoverage = totalWeight == 0 ? 0 : (double) seenWeight / totalWeight;
        dims.stream().filter(d -> d.percent() == null).forEach(d ->
                reasons.add(d.name() + " (" + d.weight() + "% of the weight) had no evidence."));
        dims.stream().filter(d -> d.percent() != null && d.answers() == 1).forEach(d ->
                reasons.add(d.name() + " rests on a single answer."));
        double c = 0.45 * amount + 0.30 * consistency + 0.25 * dimCoverage;
        long injections = flags.stream().filter(f -> f.code().equals("INSTRUCTION_INJECTION")).count();
        if (injections > 0) {
            c -= 0.15;
            reasons.add("The candidate addressed instructions to the evaluator " + injections
                    + " time(s); a person should review those answers.");
        }
        for (Threshold t : THRESHOLDS) {
            int gap = Math.abs(overall - t.score());
            if (gap <= 2) {
                c -= 0.1;
                String threshold = "the threshold for " + t.recommendation().label() + " (" + t.score() + ")";
                reasons.add("The overall score (" + overall + ") is " + (gap == 0 ? "exactly at "
                        : gap + (gap == 1 ? " point " : " points ") + (overall > t.score() ? "above " : "below "))
                        + threshold + ", so a little more or less evidence would change the recommendation.");
            }
        }
        return Math.max(0, Math.min(1, c));
    }

    static String confidenceLabel(double c) {
        return c >= 0.75 ? "High" : c >= 0.5 ? "Medium" : "Low";
    }

    /**
     * A finding as the report reads it across answers: a strength's title, and the verb phrase that says what the
     * candidate did ("named the specific technologies involved") in reasoning and summary sentences.
     */
    private record Theme(Aspect aspect, String title, String did) {
    }

    /** In order of what says most about an answer: content first, then how concrete it is. */
    private static final List<Theme> THEMES = List.of(
            new Theme(Aspect.KEY_POINT, "Covers what a strong answer needs", "covered the expected key points"),
            new Theme(Aspect.STORY, "Tells structured stories with a clear result", "told structured stories"),
            new Theme(Aspect.NUMBERS, "Quantifies impact with concrete numbers", "backed claims with concrete numbers"),
            new Theme(Aspect.TRADE_OFFS, "Explains trade-offs between approaches", "weighed trade-offs between approaches"),
            new Theme(Aspect.ACTIONS, "Describes concrete actions of their own", "described concrete actions they took"),
            new Theme(Aspect.TECHNOLOGIES, "Names the specific technologies involved",
                    "named the specific technologies involved"));

    private static boolean has(Scored s, Aspect aspect) {
        return s.answer().assessment().strengths().stream().anyMatch(f -> f.aspect() == aspect)
                || s.answer().assessment().weaknesses().stream().anyMatch(f -> f.aspect() == aspect);
    }

    private static long count(List<Scored> answers, Aspect aspect) {
        return answers.stream().filter(s -> has(s, aspect)).count();
    }

    private static List<String> quotes(Scored s, Aspect aspect) {
        return Stream.concat(s.answer().assessment().strengths().stream(), s.answer().assessment().weaknesses().stream())
                .filter(f -> f.aspect() == aspect).flatMap(f -> f.evidence().stream())
                .map(AnswerAssessment.Evidence::quote).filter(ReportBuilder::isQuote).toList();
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

    private static String reasoning(RoleTemplate.Dimension d, List<Scored> inform, double percent) {
        int n = inform.size();
        String answers = n == 1 ? "The answer" : "The answers";
        StringBuilder sb = new StringBuilder();
        sb.append(n == 1 ? "Rests on one answer, which scored " : "Based on " + n + " answers, averaging ")
                .append(Math.round(percent)).append("% (").append(label(percent)).append("). ");
        double relevance = inform.stream().mapToDouble(s -> s.answer().assessment().relevance()).average().orElse(0);
        sb.append(answers).append(n == 1 ? " is " : " are ").append(relevance >= 0.5 ? "on the questions asked"
                : relevance >= 0.25 ? "partly on the questions asked" : "mostly about other things");
        List<String> did = new ArrayList<>();
        for (Theme t : THEMES) {
            long k = count(inform, t.aspect());
            if (k > 0) {
                did.add(t.did() + (n == 1 ? "" : " in " + k + " of " + n));
            }
        }
        sb.append(did.isEmpty() ? " but give few specifics: no numbers, named technologies, concrete actions or trade-offs. "
                : "; the candidate " + join(did) + ". ");
        Set<String> covered = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        int misconceptions = 0;
        for (Scored s : inform) {
            covered.addAll(s.answer().assessment().coveredKeyPoints());
            missing.addAll(s.answer().assessment().missingKeyPoints());
            misconceptions += s.answer().assessment().misconceptions().size();
        }
        // a point covered in one answer and missed in another was shown: it is not a gap
        missing.removeAll(covered);
        if (!covered.isEmpty()) {
            sb.append("Covered ").append(covered.size()).append(" key point").append(covered.size() == 1 ? "" : "s")
                    .append(", for example: ").append(covered.iterator().next()).append(". ");
        }
        if (!missing.isEmpty()) {
            sb.append("Missed ").append(missing.size()).append(", for example: ").append(missing.iterator().next()).append(". ");
        }
        if (misconceptions > 0) {
            sb.append("Stated ").append(misconceptions).append(" common misconception").append(misconceptions == 1 ? "" : "s")
                    .append(", which lowers the score. ");
        }
        long hedged = inform.stream().filter(s -> s.answer().signals().hedging() > 0.3).count();
        if (hedged > 0) {
            sb.append(n == 1 ? "It is" : hedged == n ? "All " + n + " are" : hedged + " of them are")
                    .append(" heavily hedged, which suggests uncertain knowledge. ");
        }
        if (inform.stream().allMatch(ReportBuilder::rubricless)) {
            sb.append(n == 1 ? "The question had" : "The questions had").append(" no rubric, so the score reflects relevance, "
                    + "specificity and depth rather than correctness.");
        }
        return sb.toString().strip();
    }

    /**
     * Quotes for a dimension, one per answer in turn (best answers first), so they show its range; quotes another
     * dimension already shows come last. A low dimension is shown by what went wrong first. An answer with no finding
     * to quote is quoted from its opening clause, so a scored dimension always shows what was said.
     */
    private static List<String> bestQuotes(List<Scored> inform, int max, Set<String> quoted) {
        double mean = inform.stream().mapToInt(s -> s.answer().assessment().score()).average().orElse(0);
        List<Scored> order = inform.stream()
                .sorted(Comparator.comparingInt((Scored s) -> -s.answer().assessment().score())).toList();
        List<List<String>> perAnswer = new ArrayList<>();
        for (Scored s : order) {
            List<AnswerAssessment.Finding> good = s.answer().assessment().strengths().stream()
                    .sorted(Comparator.comparingInt(f -> rank(f.aspect()))).toList();
            List<AnswerAssessment.Finding> bad = s.answer().assessment().weaknesses();
            List<String> qs = Stream.concat((mean < 40 ? bad : good).stream(), (mean < 40 ? good : bad).stream())
                    .flatMap(f -> f.evidence().stream()).map(AnswerAssessment.Evidence::quote)
                    .filter(ReportBuilder::isQuote).distinct().collect(Collectors.toCollection(ArrayList::new));
            List<Text.Token> words = Text.tokens(s.entry().answer());
            if (qs.isEmpty() && !words.isEmpty()) {
                qs.add(Text.clause(s.entry().answer(), words.getFirst().start(), words.getFirst().end(),
                        AnswerScorer.QUOTE_MIN_WORDS, AnswerScorer.QUOTE_MAX_WORDS).text());
            }
            perAnswer.add(qs);
        }
        List<String> out = new ArrayList<>();
        for (boolean fresh : new boolean[]{true, false}) {
            for (int round = 0; out.size() < max && round < 3; round++) {
                for (List<String> qs : perAnswer) {
                    qs.stream().filter(q -> !out.contains(q) && (!fresh || !quoted.contains(q))).findFirst()
                            .filter(q -> out.size() < max).ifPresent(out::add);
                }
            }
        }
        quoted.addAll(out);
        return out;
    }

    private static int rank(Aspect aspect) {
        for (int i = 0; i < THEMES.size(); i++) {
            if (THEMES.get(i).aspect() == aspect) {
                return i;
            }
        }
        return THEMES.size();
    }

    /** Themes shown by at least half of the answers that scored well, most common first, at most three. */
    private static List<Theme> strongThemes(List<Scored> scored) {
        List<Scored> good = scored.stream().filter(s -> s.answer().assessment().score() >= 50).toList();
        return THEMES.stream().filter(t -> count(good, t.aspect()) > 0 && 2 * count(good, t.aspect()) >= good.size())
                .sorted(Comparator.comparingLong(t -> -count(good, t.aspect()))).limit(3).toList();
    }

    private static List<InterviewReport.Point> strengths(List<InterviewReport.Dimension> dims, List<Scored> scored) {
        List<InterviewReport.Point> out = new ArrayList<>();
        dims.stream().filter(d -> d.percent() != null && d.percent() >= 60)
                .max(Comparator.comparingInt(InterviewReport.Dimension::percent))
                .ifPresent(d -> out.add(new InterviewReport.Point((d.percent() >= 85 ? "Excellent " : d.percent() >= 70
                        ? "Strong " : "Solid ") + d.name(), String.format(Locale.ROOT, "The highest of the assessed "
                        + "dimensions: %d%% (%s) over %s; the dimension scores above give the reasoning.", d.percent(),
                        d.label(), d.answers() == 1 ? "one answer" : d.answers() + " answers"), null, d.evidence())));
        List<Scored> good = scored.stream().filter(s -> s.answer().assessment().score() >= 50)
                .sorted(Comparator.comparingInt((Scored s) -> -s.answer().assessment().score())).toList();
        for (Theme t : strongThemes(scored)) {
            long k = count(good, t.aspect());
            List<String> qs = good.stream().map(s -> quotes(s, t.aspect())).filter(q -> !q.isEmpty())
                    .map(List::getFirst).limit(2).toList();
            String which = good.size() == 1 ? "In the one answer" : k == good.size() ? "In all " + k + " answers"
                    : "In " + k + " of the " + good.size() + " answers";
            out.add(new InterviewReport.Point(t.title(), which + " that scored 50 or more, the candidate " + t.did() + ".",
                    null, qs));
        }
        return out;
    }

    private static List<InterviewReport.Point> concerns(List<InterviewReport.Dimension> dims, List<Scored> scored,
                                                        List<InterviewReport.ReviewFlag> flags) {
        List<InterviewReport.Point> out = new ArrayList<>();
        dims.stream().filter(d -> d.percent() != null && d.percent() < 55)
                .sorted(Comparator.comparingInt(InterviewReport.Dimension::percent))
                .forEach(d -> out.add(new InterviewReport.Point((d.percent() < 40 ? "Weak " : "Limited ") + d.name(),
                        gaps(d, scored), d.percent() < 40 ? "major" : "moderate", weakQuotes(scored, d.id()))));
        for (Scored s : scored) {
            for (String m : s.answer().assessment().misconceptions()) {
                out.add(new InterviewReport.Point("States a common misconception", "In answer " + s.entry().seq()
                        + ", the candidate states a common misconception: " + m + ".", "moderate",
                        quotes(s, Aspect.MISCONCEPTION)));
            }
        }
        int n = scored.size();
        long offTopic = count(scored, Aspect.OFF_TOPIC);
        if (offTopic > 0) {
            out.add(new InterviewReport.Point("Drifts away from the question", offTopic + " of " + n + " answers were "
                    + "mostly not about the question asked.", "moderate",
                    scored.stream().flatMap(s -> quotes(s, Aspect.OFF_TOPIC).stream()).limit(2).toList()));
        }
        long brief = count(scored, Aspect.BREVITY);
        if (n >= 2 && 2 * brief >= n) {
            out.add(new InterviewReport.Point("Answers too short to show depth", brief + " of " + n + " answers were very "
                    + "short, leaving little to judge.", "moderate", List.of()));
        }
        long hedgy = scored.stream().filter(s -> s.answer().signals().hedging() > 0.3).count();
        if (hedgy >= 2) {
            out.add(new InterviewReport.Point("Frequent hedging", hedgy + " answers were heavily hedged (\"I guess\","
                    + " \"I'm not sure\"), which suggests uncertain knowledge.", "minor",
                    scored.stream().flatMap(s -> quotes(s, Aspect.HEDGING).stream()).limit(3).toList()));
        }
        List<Scored> substantive = scored.stream().filter(s -> !has(s, Aspect.BREVITY) && !has(s, Aspect.OFF_TOPIC)).toList();
        long unquantified = substantive.stream().filter(s -> !has(s, Aspect.NUMBERS)).count();
        if (substantive.size() >= 2 && 2 * unquantified >= substantive.size() + 1) {
            out.add(new InterviewReport.Point("Rarely quantifies results", unquantified + " of " + substantive.size()
                    + " substantive answers give no numbers (sizes, latencies, percentages, time saved), so their "
                    + "impact is hard to judge.", "minor", List.of()));
        }
        List<Scored> technical = substantive.stream()
                .filter(s -> s.entry().question().kind() == QuestionKind.TECHNICAL).toList();
        long oneSided = technical.stream().filter(s -> !has(s, Aspect.TRADE_OFFS)).count();
        if (technical.size() >= 2 && 2 * oneSided >= technical.size() + 1) {
            out.add(new InterviewReport.Point("Seldom weighs trade-offs", oneSided + " of " + technical.size()
                    + " technical answers do not say when the approach is the wrong choice or what it costs.", "minor",
                    List.of()));
        }
        if (flags.stream().anyMatch(f -> f.code().equals("INSTRUCTION_INJECTION"))) {
            out.add(new InterviewReport.Point("Instructions addressed to the evaluator",
                    "The candidate tried to instruct the scoring system; those words were ignored for scoring. Review the "
                            + "flagged answers.", "major",
                    flags.stream().filter(f -> f.code().equals("INSTRUCTION_INJECTION") && f.quote() != null)
                            .map(InterviewReport.ReviewFlag::quote).toList()));
        }
        out.sort(Comparator.comparingInt(p -> List.of("major", "moderate", "minor").indexOf(p.severity())));
        return out;
    }

    /** What the answers behind a weak dimension left out, named; the dimension's own reasoning is not repeated. */
    private static String gaps(InterviewReport.Dimension d, List<Scored> scored) {
        List<Scored> inform = scored.stream().filter(s -> s.entry().question().dimensions().contains(d.id())).toList();
        Set<String> covered = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        inform.forEach(s -> {
            covered.addAll(s.answer().assessment().coveredKeyPoints());
            missing.addAll(s.answer().assessment().missingKeyPoints());
        });
        missing.removeAll(covered);
        String what = missing.isEmpty() ? "the answers stayed general" : "not shown: " + join(missing.stream().limit(3).toList());
        return String.format(Locale.ROOT, "%s %d%% over %s; %s.", d.name(), d.percent(), d.answers() == 1 ? "one answer"
                : d.answers() + " answers", what);
    }

    private static List<String> weakQuotes(List<Scored> scored, String dimension) {
        return scored.stream().filter(s -> s.entry().question().dimensions().contains(dimension))
                .sorted(Comparator.comparingInt(s -> s.answer().assessment().score()))
                .flatMap(s -> s.answer().assessment().weaknesses().stream())
                .flatMap(w -> w.evidence().stream()).map(AnswerAssessment.Evidence::quote).filter(ReportBuilder::isQuote)
                .distinct().limit(2).toList();
    }

    private static List<InterviewReport.Quote> notableQuotes(List<Scored> scored, RoleTemplate role) {
        List<InterviewReport.Quote> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<Aspect> telling = Set.of(Aspect.KEY_POINT, Aspect.NUMBERS, Aspect.STORY, Aspect.TRADE_OFFS);
        scored.stream().sorted(Comparator.comparingInt(s -> -s.answer().assessment().score())).forEach(s -> {
            if (out.size() >= 3 || s.answer().assessment().score() < 50) {
                return;
            }
            s.answer().assessment().strengths().stream()
                    .filter(f -> telling.contains(f.aspect()))
                    .sorted(Comparator.comparingInt(f -> rank(f.aspect())))
                    .flatMap(f -> f.evidence().stream())
                    .filter(e -> isQuote(e.quote()) && seen.add(e.quote()))
                    .findFirst()
                    .ifPresent(e -> out.add(new InterviewReport.Quote(e.quote(), s.entry().seq(),
                            QuestionProfiler.ask(s.entry().question().text()), s.entry().question().dimensions().stream()
                            .map(id -> role.dimension(id).map(RoleTemplate.Dimension::name).orElse(id))
                            .findFirst().orElse(null))));
        });
        return out;
    }

    /** "a", "a and b", "a, b and c". */
    private static String join(List<String> parts) {
        return parts.size() <= 1 ? String.join("", parts)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    /** What the report says about the interview's length: a real duration, or why there is none; never "0 minutes". */
    private static String duration(TranscriptInput in, Double minutes) {
        if (minutes != null) {
            return String.format(Locale.ROOT, "%.1f minutes", minutes);
        }
        if (in.startedAt() == null && "ASSESSED".equals(in.status())) {
            return "not recorded (transcript assessed after the fact)";
        }
        return in.startedAt() == null ? "not started" : "not finished";
    }

    /**
     * Questions a human interviewer should ask next: from the bank, for the dimensions with the weakest or thinnest
     * evidence, not already asked, near the level's difficulty.
     */
    private static List<InterviewReport.FollowUp> followUps(RoleTemplate role, Level level,
                                                           List<InterviewReport.Dimension> dims, List<Entry> entries) {
        Set<String> asked = entries.stream().map(Entry::questionId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> askedTexts = entries.stream().map(e -> e.question().text()).collect(Collectors.toSet());
        List<InterviewReport.Dimension> targets = dims.stream()
                .sorted(Comparator.comparingDouble(d -> d.percent() == null ? -1 : d.percent() + 15.0 * d.answers()))
                .limit(3).toList();
        Map<String, InterviewReport.FollowUp> out = new LinkedHashMap<>();
        for (InterviewReport.Dimension d : targets) {
            String reason = d.percent() == null
                    ? d.name() + " was not assessed in this interview."
                    : d.name() + " scored " + d.percent() + "% on " + d.answers() + " answer" + (d.answers() == 1 ? "" : "s")
                      + "; more evidence is needed.";
            role.questionsFor(level).stream()
                    .filter(q -> q.kind() != QuestionKind.CONVERSATIONAL && q.dimensions().contains(d.id()))
                    .filter(q -> !asked.contains(q.id()) && !askedTexts.contains(q.text()))
                    .limit(2)
                    .forEach(q -> out.putIfAbsent(q.id(), new InterviewReport.FollowUp(q.text(), reason, d.name())));
        }
        return List.copyOf(out.values());
    }

    /**
     * A paragraph a recruiter can read instead of the report: what the candidate showed, the strongest area, the main
     * concern, what was not assessed and the recommendation with its confidence, all from the computed figures.
     */
    private static String summary(InterviewReport.Candidate c, int overall, InterviewReport.Recommendation rec,
                                  double confidence, List<String> reasons, List<InterviewReport.Dimension> dims,
                                  List<InterviewReport.Point> strengths, List<InterviewReport.Point> concerns,
                                  List<Scored> scored) {
        String who = c.name() == null || c.name().isBlank() ? "The candidate" : c.name().strip();
        StringBuilder sb = new StringBuilder(who);
        int n = scored.size();
        if (n == 0) {
            return sb.append(" was interviewed for ").append(c.roleName()).append(" at ").append(c.level())
                    .append(" level, but no answer could be assessed, so there is no evidence for a recommendation.")
                    .toString();
        }
        sb.append(" gave ").append(n).append(" assessed answer").append(n == 1 ? "" : "s").append(" for the ")
                .append(c.roleName()).append(" role at ").append(c.level()).append(" level");
        if (c.durationMinutes() != null) {
            sb.append(String.format(Locale.ROOT, " in an interview of %.0f minute%s", c.durationMinutes(),
                    Math.round(c.durationMinutes()) == 1 ? "" : "s"));
        } else if (c.startedAt() == null && "ASSESSED".equals(c.status())) {
            sb.append(", from a transcript assessed after the fact");
        }
        sb.append(". ");
        List<Theme> themes = strongThemes(scored);
        if (!themes.isEmpty()) {
            sb.append("Across the answers, the candidate ").append(join(themes.stream().map(Theme::did).toList()));
            strengths.stream().filter(p -> p.title().equals(themes.getFirst().title()))
                    .flatMap(p -> p.quotes().stream()).findFirst()
                    .ifPresent(q -> sb.append(", for example: \"").append(q).append('"'));
            sb.append(". ");
        } else {
            sb.append("The answers gave few specifics: few numbers, named technologies, concrete actions or trade-offs. ");
        }
        List<InterviewReport.Dimension> assessed = dims.stream().filter(d -> d.percent() != null)
                .sorted(Comparator.comparingInt(d -> -d.percent())).toList();
        var top = assessed.getFirst();
        if (assessed.size() == 1) {
            sb.append("Only ").append(top.name()).append(" was assessed: ").append(top.percent()).append("% (")
                    .append(top.label()).append("). ");
        } else {
            var bottom = assessed.getLast();
            sb.append("The strongest area was ").append(top.name()).append(" (").append(top.percent()).append("%, ")
                    .append(top.label()).append(")");
            sb.append(top.percent().equals(bottom.percent()) ? ", level with " + bottom.name() + ". "
                    : (bottom.percent() >= 55 ? "; the lowest was " : "; the weakest was ") + bottom.name() + " ("
                      + bottom.percent() + "%, " + bottom.label() + "). ");
        }
        if (concerns.isEmpty()) {
            sb.append("No concern stood out in these answers. ");
        } else {
            var main = concerns.getFirst();
            sb.append("Main concern (").append(main.severity()).append("): ").append(lowerFirst(main.title()));
            // a dimension's figures are in the sentence above; a finding across answers needs its own
            if (dims.stream().noneMatch(d -> main.title().endsWith(d.name()))) {
                String detail = main.detail().split("(?<=\\.)\\s+", 2)[0];
                sb.append("; ").append(lowerFirst(detail.replaceAll("\\.$", "")));
            }
            sb.append(". ");
            List<String> others = concerns.stream().skip(1).limit(3).map(p -> lowerFirst(p.title())).toList();
            if (!others.isEmpty()) {
                sb.append(others.size() == 1 ? "Another concern: " : "Other concerns: ").append(join(others)).append(". ");
            }
        }
        List<String> missing = dims.stream().filter(d -> d.percent() == null).map(InterviewReport.Dimension::name).toList();
        if (!missing.isEmpty()) {
            sb.append(join(missing)).append(missing.size() == 1 ? " was" : " were").append(" not assessed. ");
        }
        sb.append(String.format(Locale.ROOT, "Recommendation: %s (%d/100, %.1f of 5), with %s confidence", rec.label(),
                overall, overall / 20.0, confidenceLabel(confidence).toLowerCase(Locale.ROOT)));
        sb.append(reasons.isEmpty() || confidence >= 0.75 ? "." : ": " + reasons.getFirst());
        return sb.toString().strip();
    }

    /** Lower-cases the first letter of a phrase unless it starts an acronym or a name ("ML", "Systems Knowledge"). */
    private static String lowerFirst(String s) {
        if (s.length() < 2 || Character.isUpperCase(s.charAt(1)) || Character.isDigit(s.charAt(0))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
