package dev.viva.assessment.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How good an answer reads to an interviewer, learned from the labelled development set: a linear probe (ridge
 * regression) over the answer's two sentence vectors, e5's as a passage and MiniLM's, and e5's vector of the question
 * as a query, predicting the 0-3 label.
 *
 * <p>Why a learned part beside the measured ones: what separates a practitioner's answer from fluent process talk or a
 * confident wrong one ("we'd put a cache in front so it scales", "cross-validation means you need no test set") is
 * spread over the whole of the answer's wording, which the two embedding models encode and hand-written cues do not.
 * It was fitted on the answer's e5 vector less the question's beside the answer's own two: an answer's vector says as
 * much about its topic as about how well it is put, and taking the question's away leaves more of the second (answers
 * by authors the fit never read rank better, BENCHMARKS.md). That does not make it a judge of relevance (an answer
 * read against another question of its role scores about the same), so it never decides alone: {@code AnswerScorer}
 * adds it, relevance-gated, to the measured score, and the rubric, misconceptions, restatement, off-topic and injection
 * rules still bound the result. It reads the answer after text addressed to the grader was blanked.
 *
 * <p>The weights are in {@value #RESOURCE}, fitted by {@code bench/fit-answer-quality.py} on the tuning part of the
 * development set only (its held-out part and the newest batch judge it; BENCHMARKS.md).
 */
public final class AnswerQuality {

    static final String RESOURCE = "/assessment/answer-quality.txt";
    /** The size of both models' sentence vectors (the three vectors the probe reads). */
    private static final int DIMENSIONS = 384;

    private final float[] e5Weights;
    private final float[] miniLmWeights;
    private final float[] queryWeights;
    private final double bias;

    private AnswerQuality(float[] e5Weights, float[] miniLmWeights, float[] queryWeights, double bias) {
        this.e5Weights = e5Weights;
        this.miniLmWeights = miniLmWeights;
        this.queryWeights = queryWeights;
        this.bias = bias;
    }

    /** The probe that ships with Viva; a missing or damaged weights file fails start-up, like a missing model. */
    public static AnswerQuality bundled() {
        return load(RESOURCE);
    }

    static AnswerQuality load(String resource) {
        try (InputStream in = AnswerQuality.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("answer-quality weights " + resource + " are not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DIMENSIONS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Reads the weights: lines starting with {@code #} are comments; then {@code bias}, the e5 passage weights, the
     * MiniLM weights and the e5 query weights, one number per line.
     */
    static AnswerQuality parse(String text, int dimensions) {
        List<Double> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            try {
                double v = Double.parseDouble(l);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException("not finite");
                }
                values.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("answer-quality weights: line '" + l + "' is not a number", e);
            }
        }
        if (values.size() != 1 + 3 * dimensions) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "answer-quality weights: expected %d numbers (a bias and three %d-dimensional vectors), found %d",
                    1 + 3 * dimensions, dimensions, values.size()));
        }
        float[] e5 = new float[dimensions];
        float[] mini = new float[dimensions];
        float[] query = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            e5[i] = values.get(1 + i).floatValue();
            mini[i] = values.get(1 + dimensions + i).floatValue();
            query[i] = values.get(1 + 2 * dimensions + i).floatValue();
        }
        return new AnswerQuality(e5, mini, query, values.get(0));
    }

    /** The predicted label, about 0-3 (a linear model: it may stray slightly outside). */
    public double label(float[] e5Passage, float[] miniLm, float[] e5Query) {
        if (e5Passage.length != e5Weights.length || miniLm.length != miniLmWeights.length
                || e5Query.length != queryWeights.length) {
            throw new IllegalArgumentException("vectors of " + e5Passage.length + ", " + miniLm.length + " and "
                    + e5Query.length + " dimensions; the probe reads " + e5Weights.length + ", " + miniLmWeights.length
                    + " and " + queryWeights.length);
        }
        double sum = bias;
        for (int i = 0; i < e5Weights.length; i++) {
            sum += e5Weights[i] * e5Passage[i] + miniLmWeights[i] * miniLm[i] + queryWeights[i] * e5Query[i];
        }
        return sum;
    }
}
