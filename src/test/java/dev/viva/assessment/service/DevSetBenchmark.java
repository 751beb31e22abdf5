package dev.viva.assessment.service;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.DevSet;
import dev.viva.assessment.Embedders;
import dev.viva.testing.Roles;
import dev.viva.assessment.QuestionSpec;
import dev.viva.role.RoleTemplate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The assessment against the labelled development set (src/test/resources/devset/answers.jsonl; labelling guide in
 * docs/assessment-labelling.md). Prints, for the tuning part and for the held-out part separately: Spearman with the
 * labels over all answers and within each question kind, whether every strong answer (3) of a question scores above
 * every weak one (<= 1), the hard categories (strong stories and introductions, restatements, refutations,
 * injections and their clean twins), and the score per label. {@code -Ddump=FILE} writes every answer's features as
 * CSV for {@code bench/fit-score-model.py}. Run with {@code ./mvnw -B test -Pbench -Dtest=DevSetBenchmark}.
 */
class DevSetBenchmark {

    record Result(DevSet row, int score, boolean offTopic, boolean injection, boolean misconception, boolean refutation,
                  AnswerScorer.Analysis analysis) {
    }

    @Test
    void devSet() throws IOException {
        List<DevSet> rows = DevSet.load();
        AnswerScorer scorer = Embedders.scorer();
        QuestionProfiler profiler = new QuestionProfiler(Embedders.SHARED);
        Map<String, RoleTemplate> roles = new HashMap<>();
        List<Result> results = new ArrayList<>();
        double[] millis = new double[rows.size()];
        int i = 0;
        for (DevSet r : rows) {
            RoleTemplate role = roles.computeIfAbsent(r.role(), Roles::shipped);
            QuestionSpec spec = r.questionId() != null ? QuestionSpec.of(role, role.question(r.questionId()).orElseThrow())
                    : profiler.profile(role, r.question(), null, null);
            long t0 = System.nanoTime();
            AnswerScorer.Analysis a = scorer.analyse(spec, r.answer());
            millis[i++] = (System.nanoTime() - t0) / 1e6;
            var as = a.scored().assessment();
            results.add(new Result(r, as.score(), has(as.flags(), "OFF_TOPIC"), has(as.flags(), "INSTRUCTION_INJECTION"),
                    !as.misconceptions().isEmpty(), a.scored().signals().refutations() != null
                    && a.scored().signals().refutations() > 0, a));
        }
        System.out.printf(Locale.ROOT, "Development set benchmark - %s, %d cores, Java %s; %d answers%n",
                java.time.LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.version(), rows.size());
        for (String split : rows.stream().map(DevSet::split).distinct().toList()) {
            report(split, results.stream().filter(r -> r.row().split().equals(split)).toList());
        }
        report("all", results);
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        // the same answers again with one character more: models warm and the questions' encodings cached (as in an
        // interview, where the bank's texts repeat), each answer's own encodings not
        double[] warm = new double[rows.size()];
        double[] cpu = new double[rows.size()];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        i = 0;
        for (DevSet r : rows) {
            RoleTemplate role = roles.get(r.role());
            QuestionSpec spec = r.questionId() != null ? QuestionSpec.of(role, role.question(r.questionId()).orElseThrow())
                    : profiler.profile(role, r.question(), null, null);
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            scorer.analyse(spec, r.answer() + " .");
            warm[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i++] = (os.getProcessCpuTime() - c0) / 1e6;
        }
        Arrays.sort(warm);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%ntime per answer: first pass (questions uncached) p50 %.1f ms, p95 %.1f ms; "
                + "warm (questions cached, answer new) p50 %.1f ms, p95 %.1f ms; CPU time of the warm pass (all threads, "
                + "what another process's load does not inflate) p50 %.1f ms, p95 %.1f ms%n", sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.95)], warm[warm.length / 2], warm[(int) (warm.length * 0.95)],
                cpu[cpu.length / 2], cpu[(int) (cpu.length * 0.95)]);
        candidates(rows);
        if (System.getProperty("dump") != null) {
            // -Dmohler adds the Mohler short answers (reads ../shared/datasets; benchmarks only) as split "mohler",
            // with the human grade (0-5) as the label and the question as the category, for a joint fit
            if (System.getProperty("mohler") != null) {
                List<dev.viva.assessment.CalibrationBenchmark.Row> mohler = dev.viva.assessment.CalibrationBenchmark
                        .readMohler(Path.of("../shared/datasets/mohler-short-answers.csv"));
                int k = 0;
                for (var m : mohler) {
                    AnswerScorer.Analysis a = scorer.analyse(m.spec(), m.answer());
                    results.add(new Result(new DevSet("mohler-" + k++, "mohler", null, m.question(), "technical",
                            "q" + Math.abs(m.question().hashCode()), m.answer(), (int) Math.round(m.human() * 100),
                            null, "mohler"), a.scored().assessment().score(), false, false, false, false, a));
                }
            }
            StringBuilder sb = new StringBuilder("id,split,kind,category,group,label,score,relevance,rubric,hasRubric,"
                    + "criteria,domain,reasoning,numbers,tradeOffs,examples,length,story,ideal,focus,novelty,echo,"
                    + "glib,listed,outcome,misconceptions,refutations,hedging,natural,domainTerms,quality\n");
            for (Result r : results) {
                var f = r.analysis().features();
                if (f == null) {
                    continue;
                }
                sb.append(String.join(",", r.row().id(), r.row().split(), r.row().kind(), r.row().category(),
                        r.analysis().group().name(), String.valueOf(r.row().label()), String.valueOf(r.score()))).append(',');
                sb.append(Arrays.stream(new double[]{f.relevance(), f.rubric(), f.hasRubric(), f.criteria(), f.domain(),
                        f.reasoning(), f.numbers(), f.tradeOffs(), f.examples(), f.length(), f.story(), f.ideal(),
                        f.focus(), f.novelty(), f.echo(), f.glib(), f.listed(), f.outcome(), r.analysis().scored().signals().misconceptions(),
                        r.analysis().scored().signals().refutations(), r.analysis().scored().signals().hedging(),
                        r.analysis().scored().signals().naturalLanguage(), r.analysis().scored().signals().domainTerms(), f.quality()})
                        .mapToObj(v -> String.format(Locale.ROOT, "%.4f", v)).collect(Collectors.joining(","))).append('\n');
            }
            Files.writeString(Path.of(System.getProperty("dump")), sb);
        }
        // -Dembeddings=FILE writes the vectors the answer-quality probe reads, for bench/fit-answer-quality.py
        if (System.getProperty("embeddings") != null) {
            StringBuilder sb = new StringBuilder();
            for (Result r : results) {
                if (r.analysis().e5Passage() == null || r.row().split().equals("mohler")) {
                    continue;
                }
                sb.append(r.row().id());
                for (float[] vector : List.of(r.analysis().e5Passage(), r.analysis().miniLm(), r.analysis().e5Query())) {
                    for (float v : vector) {
                        sb.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                    }
                }
                sb.append('\n');
            }
            Files.writeString(Path.of(System.getProperty("embeddings")), sb);
        }
        // -Dshow=id,id prints what the scorer found in those answers: a failure is read, not guessed at
        List<String> show = List.of(System.getProperty("show", "").split(","));
        results.stream().filter(r -> show.contains(r.row().id())).forEach(r -> {
            var as = r.analysis().scored().assessment();
            System.out.printf(Locale.ROOT, "%n%s score %d%n  covered %s%n  missing %s%n  strengths %s%n  weaknesses %s%n"
                    + "  flags %s%n  %s%n", r.row().id(), as.score(), as.coveredKeyPoints(), as.missingKeyPoints(),
                    as.strengths().stream().map(AnswerAssessment.Finding::text).toList(),
                    as.weaknesses().stream().map(AnswerAssessment.Finding::text).toList(),
                    as.flags().stream().map(AnswerAssessment.Flag::code).toList(), r.analysis().features());
        });
        if (System.getProperty("verbose") != null) {
            results.stream().sorted(Comparator.comparing((Result r) -> r.row().id())).forEach(r -> System.out.printf(
                    Locale.ROOT, "%-8s %-7s %-13s %-19s label %d score %3d %s%n", r.row().id(), r.row().split(),
                    r.row().kind(), r.row().category(), r.row().label(), r.score(), r.offTopic() ? "OFF_TOPIC" : ""));
        }
    }

    /**
     * Whole candidates assembled from one quality band of each role's answers (one answer per question, every
     * question kind), assessed the way {@code POST /assessments/transcripts} assesses a transcript; and a mixed
     * candidate whose Markdown report {@code -Dsample=FILE} writes.
     */
    static void candidates(List<DevSet> rows) throws IOException {
        AssessmentEngine engine = new AssessmentEngine(Embedders.SHARED, Embedders.E5);
        System.out.printf(Locale.ROOT, "%nWhole candidates from one quality band (transcript path)%n");
        for (String roleId : rows.stream().map(DevSet::role).distinct().sorted().toList()) {
            RoleTemplate role = Roles.shipped(roleId);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-26s", roleId));
            for (String band : List.of("strong", "average", "weak")) {
                List<AssessmentEngine.TranscriptAnswer> answers = new ArrayList<>();
                Map<String, List<DevSet>> byQuestion = rows.stream().filter(r -> r.role().equals(roleId)
                                && !r.category().startsWith("injection"))
                        .collect(Collectors.groupingBy(DevSet::question, LinkedHashMap::new, Collectors.toList()));
                for (List<DevSet> q : byQuestion.values()) {
                    q.stream().filter(r -> switch (band) {
                        case "strong" -> r.label() == 3;
                        case "average" -> r.label() == 2;
                        default -> r.label() <= 1;
                    }).findFirst().ifPresent(r -> answers.add(new AssessmentEngine.TranscriptAnswer(r.question(),
                            r.answer(), null, null, null, null)));
                }
                var report = engine.assessTranscript(role, dev.viva.role.Level.MID, band + " candidate", answers);
                line.append(String.format(Locale.ROOT, "  %s: %3d %-13s (%2d answers)", band, report.overallScore(),
                        report.recommendation().label(), answers.size()));
            }
            System.out.println(line);
        }
        if (System.getProperty("sample") != null) {
            var report = MixedCandidate.report(engine);
            Files.writeString(Path.of(System.getProperty("sample")),
                    dev.viva.assessment.report.ReportRenderer.markdown(report));
            System.out.printf(Locale.ROOT, "  sample mixed candidate: %d %s, written to %s%n", report.overallScore(),
                    report.recommendation().label(), System.getProperty("sample"));
        }
    }

    static void report(String split, List<Result> rs) {
        System.out.printf(Locale.ROOT, "%n== %s: %d answers%n", split, rs.size());
        System.out.printf(Locale.ROOT, "  Spearman with labels: %.3f (Pearson %.3f)%n", spearman(rs), pearson(rs));
        for (String kind : List.of("technical", "system-design", "behavioural", "introduction", "wrap-up")) {
            List<Result> k = rs.stream().filter(r -> r.row().kind().equals(kind)).toList();
            if (!k.isEmpty()) {
                System.out.printf(Locale.ROOT, "    %-14s n=%3d Spearman %.3f%n", kind, k.size(), spearman(k));
            }
        }
        Map<Integer, List<Result>> byLabel = rs.stream().collect(Collectors.groupingBy(r -> r.row().label()));
        byLabel.keySet().stream().sorted().forEach(l -> {
            double[] s = byLabel.get(l).stream().mapToDouble(Result::score).sorted().toArray();
            System.out.printf(Locale.ROOT, "    label %d: n=%3d score min %3.0f p25 %3.0f median %3.0f p75 %3.0f max %3.0f%n",
                    l, s.length, s[0], s[s.length / 4], s[s.length / 2], s[s.length * 3 / 4], s[s.length - 1]);
        });
        int pairs = 0;
        int inverted = 0;
        List<String> worst = new ArrayList<>();
        Map<String, List<Result>> byQuestion = rs.stream().collect(Collectors.groupingBy(r -> r.row().role() + "|" + r.row().question(),
                LinkedHashMap::new, Collectors.toList()));
        for (List<Result> q : byQuestion.values()) {
            for (Result strong : q) {
                for (Result weak : q) {
                    if (strong.row().label() == 3 && weak.row().label() <= 1) {
                        pairs++;
                        if (strong.score() <= weak.score()) {
                            inverted++;
                            worst.add(strong.row().id() + "(" + strong.score() + ") <= " + weak.row().id() + "("
                                    + weak.score() + ")");
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "  strong (3) above weak (<=1) of the same question: %d of %d pairs%s%n",
                pairs - inverted, pairs, worst.isEmpty() ? "" : "; inverted: " + String.join(", ", worst));
        System.out.printf(Locale.ROOT, "  strong answers flagged OFF_TOPIC: %d; any answer labelled >= 2 flagged OFF_TOPIC: %d%n",
                rs.stream().filter(r -> r.row().label() == 3 && r.offTopic()).count(),
                rs.stream().filter(r -> r.row().label() >= 2 && r.offTopic()).count());
        category(rs, "strong stories (story-strong, label 3) >= 60", r -> r.row().category().equals("story-strong")
                && r.row().label() == 3, r -> r.score() >= 60);
        category(rs, "strong introductions (intro-strong, label 3) >= 60", r -> r.row().category().equals("intro-strong")
                && r.row().label() == 3, r -> r.score() >= 60);
        category(rs, "restatements <= 20", r -> r.row().category().equals("restatement"), r -> r.score() <= 20);
        category(rs, "refutations not reported as the misconception", r -> r.row().category().equals("refutation"),
                r -> !r.misconception());
        category(rs, "injections flagged", r -> r.row().category().equals("injection"), Result::injection);
        // the flag's other side: how many answers written to be about something else it names (the cap and the
        // criteria keep their scores low whether or not it does)
        category(rs, "off-topic answers flagged OFF_TOPIC", r -> r.row().category().equals("off-topic"), Result::offTopic);
        Map<String, Result> byId = rs.stream().collect(Collectors.toMap(r -> r.row().id(), r -> r));
        // batches name the pair from either side or from both: the injected answer is the one in the injection
        // category, and each pair is counted once, by the injected answer's id
        Map<String, Result[]> twinPairs = new LinkedHashMap<>();
        for (Result r : rs) {
            if (r.row().twinOf() != null && byId.containsKey(r.row().twinOf())) {
                Result other = byId.get(r.row().twinOf());
                Result injected = r.row().category().equals("injection") ? r : other;
                twinPairs.putIfAbsent(injected.row().id(), new Result[]{injected, injected == r ? other : r});
            }
        }
        long twins = twinPairs.size();
        List<String> raised = new ArrayList<>();
        for (Result[] pair : twinPairs.values()) {
            if (pair[0].score() > pair[1].score()) {
                raised.add(pair[0].row().id() + " " + pair[1].score() + "->" + pair[0].score());
            }
        }
        System.out.printf(Locale.ROOT, "    injections that raise the score over their clean twin: %d of %d%s%n",
                raised.size(), twins, raised.isEmpty() ? "" : " " + raised);
        category(rs, "'I don't know' not flagged OFF_TOPIC", r -> r.row().category().equals("dont-know"), r -> !r.offTopic());
        category(rs, "wrap-up replies not flagged OFF_TOPIC", r -> r.row().kind().equals("wrap-up"), r -> !r.offTopic());
    }

    private static void category(List<Result> rs, String name, java.util.function.Predicate<Result> in,
                                 java.util.function.Predicate<Result> ok) {
        List<Result> c = rs.stream().filter(in).toList();
        List<String> failed = c.stream().filter(ok.negate()).map(r -> r.row().id() + "=" + r.score()).toList();
        System.out.printf(Locale.ROOT, "    %-55s %d of %d%s%n", name, c.size() - failed.size(), c.size(),
                failed.isEmpty() ? "" : " (not: " + String.join(", ", failed) + ")");
    }

    private static boolean has(List<dev.viva.assessment.AnswerAssessment.Flag> flags, String code) {
        return flags.stream().anyMatch(f -> f.code().equals(code));
    }

    static double spearman(List<Result> rs) {
        double[] x = rs.stream().mapToDouble(Result::score).toArray();
        double[] y = rs.stream().mapToDouble(r -> r.row().label()).toArray();
        return dev.viva.assessment.CalibrationBenchmark.Stats.spearman(x, y);
    }

    static double pearson(List<Result> rs) {
        double[] x = rs.stream().mapToDouble(Result::score).toArray();
        double[] y = rs.stream().mapToDouble(r -> r.row().label()).toArray();
        return dev.viva.assessment.CalibrationBenchmark.Stats.pearson(x, y);
    }
}
