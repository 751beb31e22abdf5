package dev.viva.assessment.report;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.ScoredAnswer;
import dev.viva.assessment.service.AnswerScorer;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
            ScoredAnswer s = scorer.score(e.question(), e.answer());
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
            dimensions.add(new InterviewReport.Dimension(d.id(), d.name(), d.weight(), outOf5(percent),
                    (int) Math.round(percent), label(percent), inform.size(), reasoning(d, inform, percent),
                    bestQuotes(inform, 3)));
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
                in.status(), in.startedAt(), in.endedAt(), minutes, in.entries().size(), scored.size());
        String summary = summary(candidate, overall, recommendation, confidence, dimensions, strengths, concerns);
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
        return overall >= 80 ? InterviewReport.Recommendation.STRONG_HIRE
                : overall >= 68 ? InterviewReport.Recommendation.HIRE
                : overall >= 55 ? InterviewReport.Recommendation.LEAN_HIRE
                : overall >= 40 ? InterviewReport.Recommendation.LEAN_NO_HIRE
                : InterviewReport.Recommendation.NO_HIRE;
    }

    private static final int[] BOUNDARIES = {80, 68, 55, 40};

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
        for (int b : BOUNDARIES) {
            if (Math.abs(overall - b) <= 2) {
                c -= 0.1;
                reasons.add("The overall score (" + overall + ") is within 2 points of a recommendation boundary (" + b + ").");
            }
        }
        return Math.max(0, Math.min(1, c));
    }

    static String confidenceLabel(double c) {
        return c >= 0.75 ? "High" : c >= 0.5 ? "Medium" : "Low";
    }

    private static String reasoning(RoleTemplate.Dimension d, List<Scored> inform, double percent) {
        Set<String> covered = new HashSet<>();
        Set<String> missing = new HashSet<>();
        int misconceptions = 0;
        for (Scored s : inform) {
            covered.addAll(s.answer().assessment().coveredKeyPoints());
            missing.addAll(s.answer().assessment().missingKeyPoints());
            misconceptions += s.answer().assessment().misconceptions().size();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %.0f%% over %d answer%s (difficulty %s). ", d.name(), percent,
                inform.size(), inform.size() == 1 ? "" : "s",
                inform.stream().map(s -> String.valueOf(s.entry().difficulty())).collect(Collectors.joining(", "))));
        if (!covered.isEmpty()) {
            sb.append("Covered ").append(covered.size()).append(" key point").append(covered.size() == 1 ? "" : "s")
                    .append(", for example: ").append(covered.iterator().next()).append(". ");
        }
        if (!missing.isEmpty()) {
            sb.append("Missed ").append(missing.size()).append(", for example: ").append(missing.iterator().next()).append(". ");
        }
        if (misconceptions > 0) {
            sb.append("Stated ").append(misconceptions).append(" misconception").append(misconceptions == 1 ? "" : "s").append(". ");
        }
        return sb.toString().strip();
    }

    private static List<String> bestQuotes(List<Scored> inform, int max) {
        return inform.stream()
                .sorted(Comparator.comparingInt((Scored s) -> -s.answer().assessment().score()))
                .flatMap(s -> s.answer().assessment().strengths().stream())
                .flatMap(f -> f.evidence().stream())
                .map(AnswerAssessment.Evidence::quote)
                .filter(q -> q.split("\\s+").length >= 4)
                .distinct().limit(max).toList();
    }

    private static List<InterviewReport.Point> strengths(List<InterviewReport.Dimension> dims, List<Scored> scored) {
        List<InterviewReport.Point> out = new ArrayList<>();
        dims.stream().filter(d -> d.percent() != null && d.percent() >= 60)
                .sorted(Comparator.comparingInt(d -> -d.percent()))
                .limit(3)
                .forEach(d -> out.add(new InterviewReport.Point(d.name() + " (" + d.percent() + "%, " + d.label() + ")",
                        d.reasoning(), null, d.evidence())));
        scored.stream().filter(s -> s.answer().assessment().score() >= 65)
                .sorted(Comparator.comparingInt(s -> -s.answer().assessment().score()))
                .limit(2)
                .forEach(s -> out.add(new InterviewReport.Point("Strong answer to: " + s.entry().question().text(),
                        s.answer().assessment().justification(), null,
                        s.answer().assessment().strengths().stream().flatMap(f -> f.evidence().stream())
                                .map(AnswerAssessment.Evidence::quote).distinct().limit(2).toList())));
        return out;
    }

    private static List<InterviewReport.Point> concerns(List<InterviewReport.Dimension> dims, List<Scored> scored,
                                                        List<InterviewReport.ReviewFlag> flags) {
        List<InterviewReport.Point> out = new ArrayList<>();
        dims.stream().filter(d -> d.percent() != null && d.percent() < 55)
                .sorted(Comparator.comparingInt(InterviewReport.Dimension::percent))
                .forEach(d -> out.add(new InterviewReport.Point(d.name() + " (" + d.percent() + "%, " + d.label() + ")",
                        d.reasoning(), d.percent() < 40 ? "major" : "moderate", weakQuotes(scored, d.id()))));
        for (Scored s : scored) {
            for (String m : s.answer().assessment().misconceptions()) {
                out.add(new InterviewReport.Point("Misconception in answer " + s.entry().seq(),
                        "States a common misconception: " + m, "moderate",
                        s.answer().assessment().weaknesses().stream().filter(w -> w.text().contains(m))
                                .flatMap(w -> w.evidence().stream()).map(AnswerAssessment.Evidence::quote).toList()));
            }
        }
        long hedgy = scored.stream().filter(s -> s.answer().signals().hedging() > 0.3).count();
        if (hedgy >= 2) {
            out.add(new InterviewReport.Point("Frequent hedging", hedgy + " answers were heavily hedged (\"I guess\","
                    + " \"I'm not sure\"), which suggests uncertain knowledge.", "minor",
                    scored.stream().filter(s -> s.answer().signals().hedging() > 0.3)
                            .flatMap(s -> s.answer().assessment().weaknesses().stream())
                            .filter(w -> w.text().startsWith("Hedges"))
                            .flatMap(w -> w.evidence().stream()).map(AnswerAssessment.Evidence::quote).limit(3).toList()));
        }
        if (flags.stream().anyMatch(f -> f.code().equals("INSTRUCTION_INJECTION"))) {
            out.add(new InterviewReport.Point("Instructions addressed to the evaluator",
                    "The candidate tried to instruct the scoring system; those words were ignored for scoring. Review the "
                            + "flagged answers.", "major",
                    flags.stream().filter(f -> f.code().equals("INSTRUCTION_INJECTION") && f.quote() != null)
                            .map(InterviewReport.ReviewFlag::quote).toList()));
        }
        return out;
    }

    private static List<String> weakQuotes(List<Scored> scored, String dimension) {
        return scored.stream().filter(s -> s.entry().question().dimensions().contains(dimension))
                .sorted(Comparator.comparingInt(s -> s.answer().assessment().score()))
                .flatMap(s -> s.answer().assessment().weaknesses().stream())
                .flatMap(w -> w.evidence().stream()).map(AnswerAssessment.Evidence::quote).distinct().limit(2).toList();
    }

    private static List<InterviewReport.Quote> notableQuotes(List<Scored> scored, RoleTemplate role) {
        List<InterviewReport.Quote> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        scored.stream().sorted(Comparator.comparingInt(s -> -s.answer().assessment().score())).forEach(s -> {
            if (out.size() >= 3 || s.answer().assessment().score() < 50) {
                return;
            }
            s.answer().assessment().strengths().stream()
                    .filter(f -> f.text().startsWith("Covers") || f.text().startsWith("Quantifies")
                            || f.text().startsWith("Structured"))
                    .flatMap(f -> f.evidence().stream())
                    .filter(e -> e.quote().split("\\s+").length >= 6 && seen.add(e.quote()))
                    .findFirst()
                    .ifPresent(e -> out.add(new InterviewReport.Quote(e.quote(), s.entry().seq(),
                            s.entry().question().text(), s.entry().question().dimensions().stream()
                            .map(id -> role.dimension(id).map(RoleTemplate.Dimension::name).orElse(id))
                            .findFirst().orElse(null))));
        });
        return out;
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

    private static String summary(InterviewReport.Candidate c, int overall, InterviewReport.Recommendation rec,
                                  double confidence, List<InterviewReport.Dimension> dims,
                                  List<InterviewReport.Point> strengths, List<InterviewReport.Point> concerns) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.name() == null ? "The candidate" : c.name()).append(" was interviewed for ").append(c.roleName())
                .append(" at ").append(c.level()).append(" level");
        if (c.durationMinutes() != null) {
            sb.append(String.format(Locale.ROOT, " for %.0f minute%s", c.durationMinutes(),
                    Math.round(c.durationMinutes()) == 1 ? "" : "s"));
        }
        sb.append(" and ").append(c.answersAssessed()).append(" of ").append(c.questionsAsked())
                .append(" questions produced an assessable answer. ");
        sb.append(String.format(Locale.ROOT, "Overall score %d/100 (%.1f/5): %s, with %s confidence (%.2f). ", overall,
                overall / 20.0, rec.label(), confidenceLabel(confidence).toLowerCase(Locale.ROOT), confidence));
        List<InterviewReport.Dimension> assessed = dims.stream().filter(d -> d.percent() != null)
                .sorted(Comparator.comparingInt(d -> -d.percent())).toList();
        if (assessed.size() >= 2) {
            var top = assessed.getFirst();
            var bottom = assessed.getLast();
            sb.append("Strongest in ").append(top.name()).append(" (").append(top.percent()).append("%), weakest in ")
                    .append(bottom.name()).append(" (").append(bottom.percent()).append("%). ");
        }
        if (!strengths.isEmpty() && !strengths.getFirst().quotes().isEmpty()) {
            sb.append("For example, the candidate said: \"").append(strengths.getFirst().quotes().getFirst()).append("\". ");
        }
        long major = concerns.stream().filter(p -> "major".equals(p.severity())).count();
        if (major > 0) {
            sb.append(major).append(" major concern").append(major == 1 ? "" : "s").append(" need attention. ");
        }
        return sb.toString().strip();
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
