package dev.viva.assessment;

import dev.viva.assessment.signal.Relevance;
import dev.viva.assessment.signal.SentenceEmbedder;
import dev.viva.role.RoleTemplate;
import dev.viva.testing.Roles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Relevance benchmark (not a test): fits {@link Relevance.Calibration} without hand labels and reports how well the
 * question-to-answer relevance separates answers to a question from answers to other questions. On the bank: each
 * question against its own ideal answer (positive) and against the same role's other questions' ideal answers
 * (negative, same domain). On the Mohler data (reads {@code ../shared/datasets}, skipped without it): each question
 * against its reference and its students' answers graded 4 or more (positive) and against the other questions'
 * references (negative). Run with {@code ./mvnw -B test -Pbench -Dtest=RelevanceBenchmark}.
 */
class RelevanceBenchmark {

    record Pair(String question, String answer, boolean positive) {
    }

    @Test
    void relevance() throws IOException {
        Relevance relevance = new Relevance(new SentenceEmbedder(SentenceEmbedder.Model.E5_SMALL, 400_000));
        List<Pair> bank = new ArrayList<>();
        for (String id : List.of("backend-engineer", "frontend-engineer", "ml-engineer", "site-reliability-engineer")) {
            RoleTemplate role = Roles.shipped(id);
            List<RoleTemplate.Question> qs = role.questions().stream()
                    .filter(q -> q.idealAnswer() != null && !q.idealAnswer().isBlank()).toList();
            for (RoleTemplate.Question q : qs) {
                for (RoleTemplate.Question other : qs) {
                    bank.add(new Pair(q.text(), other.idealAnswer(), other == q));
                }
            }
        }
        double[] cos = bank.stream().mapToDouble(p -> relevance.cosine(p.question(), p.answer())).toArray();
        boolean[] pos = new boolean[bank.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = bank.get(i).positive();
        }
        double[] fit = fitLogistic(cos, pos);
        System.out.printf(Locale.ROOT, "Relevance benchmark - %s, %d cores%n", java.time.LocalDate.now(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  bank (4 roles): %d pairs, %d on topic; AUC %.3f; fitted midpoint %.4f scale %.4f"
                + " (in use: %.4f / %.4f)%n", bank.size(), count(pos), auc(cos, pos), fit[0], fit[1],
                Relevance.Calibration.DEFAULT.midpoint(), Relevance.Calibration.DEFAULT.scale());
        Path mohler = Path.of("../shared/datasets/mohler-short-answers.csv");
        if (Files.exists(mohler)) {
            List<CalibrationBenchmark.Row> rows = CalibrationBenchmark.readMohler(mohler);
            Map<String, String> refs = new LinkedHashMap<>();
            rows.forEach(r -> refs.putIfAbsent(r.question(), r.reference()));
            List<Pair> pairs = new ArrayList<>();
            for (String q : refs.keySet()) {
                for (String other : refs.keySet()) {
                    pairs.add(new Pair(q, refs.get(other), other.equals(q)));
                }
            }
            for (CalibrationBenchmark.Row r : rows) {
                if (r.human() >= 4) {
                    pairs.add(new Pair(r.question(), r.answer(), true));
                }
            }
            double[] c = pairs.stream().mapToDouble(p -> relevance.cosine(p.question(), p.answer())).toArray();
            boolean[] y = new boolean[pairs.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = pairs.get(i).positive();
            }
            double threshold = Relevance.Calibration.DEFAULT.midpoint();
            long goodBelow = 0;
            long good = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i]) {
                    good++;
                    goodBelow += c[i] < threshold ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "  Mohler: %d pairs, %d on topic; AUC %.3f; on-topic answers below the midpoint"
                    + " %d of %d%n", pairs.size(), count(y), auc(c, y), goodBelow, good);
        } else {
            System.out.println("  Mohler: ../shared/datasets not present, skipped");
        }
    }

    static long count(boolean[] y) {
        long n = 0;
        for (boolean b : y) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** Probability that a random positive scores above a random negative (ties count half). */
    static double auc(double[] score, boolean[] positive) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < score.length; i++) {
            if (!positive[i]) {
                continue;
            }
            for (int j = 0; j < score.length; j++) {
                if (positive[j]) {
                    continue;
                }
                wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                pairs++;
            }
        }
        return wins / pairs;
    }

    /** Logistic regression of the label on the cosine, classes weighted equally; returns {midpoint, scale}. */
    static double[] fitLogistic(double[] x, boolean[] y) {
        long npos = count(y);
        double wPos = 0.5 / npos;
        double wNeg = 0.5 / (y.length - npos);
        double a = 0;
        double b = 0;
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int i = 0; i < x.length; i++) {
                double w = y[i] ? wPos : wNeg;
                double p = 1 / (1 + Math.exp(-(a + b * x[i])));
                double r = (y[i] ? 1 : 0) - p;
                ga += w * r;
                gb += w * r * x[i];
                double h = w * p * (1 - p);
                haa += h;
                hab += h * x[i];
                hbb += h * x[i] * x[i];
            }
            double det = haa * hbb - hab * hab;
            a += (hbb * ga - hab * gb) / det;
            b += (haa * gb - hab * ga) / det;
        }
        return new double[]{-a / b, 1 / b};
    }
}
