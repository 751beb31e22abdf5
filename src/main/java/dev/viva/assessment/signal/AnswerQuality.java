package dev.viva.assessment.signal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * How good an answer reads to an interviewer, learned from the labelled development set: kernel ridge regression over
 * the answer's two sentence vectors, e5's as a passage and MiniLM's, and e5's vector of the question as a query,
 * predicting the 0-3 label.
 *
 * <p>Why a learned part beside the measured ones: what separates a practitioner's answer from fluent process talk or a
 * confident wrong one ("we'd put a cache in front so it scales", "cross-validation means you need no test set") is
 * spread over the whole of the answer's wording, which the two embedding models encode and hand-written cues do not.
 * An answer is read as its e5 vector, its MiniLM vector and its e5 vector less the question's: an answer's vector says
 * as much about its topic as about how well it is put, and taking the question's away leaves more of the second. The
 * reading is a weighted sum of the answer's Gaussian similarity to each tuning answer of the development set, and
 * answers by authors the fit never read rank better with it than with a linear probe over the same vectors (leaving
 * each batch out, Spearman 0.791 against 0.754 over batches 1-27, 0.803 for the kernel over batches 1-32, 0.806
 * over batches 1-37, 0.814 over batches 1-39, 0.817 over batches 1-41; BENCHMARKS.md, stops 38 to 40, 45, 48 to 50).
 * That does not make it a judge of relevance (an answer read against another question of its role scores about the
 * same), so it never decides alone: {@code AnswerScorer} adds it, relevance-gated, to the measured score, and the rubric,
 * misconceptions, restatement, off-topic and injection rules still bound the result. It reads the answer after text
 * addressed to the grader was blanked.
 *
 * <p>The model is {@value #RESOURCE}, written by {@code bench/fit-answer-quality.py} from the tuning part of the
 * development set only (its held-out part and the newest batch judge it; BENCHMARKS.md). Its layout, big-endian:
 * the bytes {@code VAQ2}; the vector size per model (int) and the number of tuning answers n (int); the kernel's gamma,
 * the bias and the quantisation scale (doubles); n weights (doubles); then each tuning answer's 3 x size numbers, one
 * signed byte each, to be multiplied by the scale.
 */
public final class AnswerQuality {

    static final String RESOURCE = "/assessment/answer-quality.bin";
    /** The size of both models' sentence vectors (the three vectors the probe reads). */
    private static final int DIMENSIONS = 384;
    private static final byte[] MAGIC = "VAQ2".getBytes(StandardCharsets.US_ASCII);

    private final int dimensions;
    private final double gamma;
    private final double bias;
    private final double scale;
    private final double[] weights;
    /** The tuning answers' vectors, quantised, one row after another. */
    private final byte[] vectors;
    /** Each tuning answer's squared length, in quantisation steps. */
    private final long[] norms;

    private AnswerQuality(int dimensions, double gamma, double bias, double scale, double[] weights, byte[] vectors) {
        this.dimensions = dimensions;
        this.gamma = gamma;
        this.bias = bias;
        this.scale = scale;
        this.weights = weights;
        this.vectors = vectors;
        int width = 3 * dimensions;
        this.norms = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            for (int j = i * width; j < (i + 1) * width; j++) {
                norms[i] += vectors[j] * vectors[j];
            }
        }
    }

    /** The probe that ships with Viva; a missing or damaged model file fails start-up, like a missing model. */
    public static AnswerQuality bundled() {
        return load(RESOURCE);
    }

    static AnswerQuality load(String resource) {
        try (InputStream in = AnswerQuality.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("answer-quality model " + resource + " is not on the classpath");
            }
            return parse(in.readAllBytes(), DIMENSIONS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Reads a model in the layout above, for vectors of {@code dimensions} numbers; anything else is refused. */
    static AnswerQuality parse(byte[] bytes, int dimensions) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
                throw new IllegalStateException("answer-quality model: not a VAQ2 file");
            }
            int size = in.readInt();
            int n = in.readInt();
            if (size != dimensions || n <= 0) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "answer-quality model: vectors of %d numbers from %d answers; expected %d numbers from at "
                                + "least one answer", size, n, dimensions));
            }
            double gamma = finite(in.readDouble(), "gamma");
            double bias = finite(in.readDouble(), "bias");
            double scale = finite(in.readDouble(), "scale");
            if (gamma <= 0 || scale <= 0) {
                throw new IllegalStateException("answer-quality model: gamma and scale must be positive");
            }
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                weights[i] = finite(in.readDouble(), "weight");
            }
            long expected = (long) n * 3 * size;
            if (in.available() != expected) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "answer-quality model: expected %d bytes of vectors, found %d", expected, in.available()));
            }
            return new AnswerQuality(size, gamma, bias, scale, weights, in.readNBytes((int) expected));
        } catch (EOFException e) {
            throw new IllegalStateException("answer-quality model: the file ends early", e);
        } catch (IOException e) {
            throw new UncheckedIOException("answer-quality model: unreadable", e);
        }
    }

    private int quantise(double value) {
        return (int) Math.max(-127, Math.min(127, Math.round(value / scale)));
    }

    private static double finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("answer-quality model: the " + what + " is not a number");
        }
        return value;
    }

    /** The predicted label, about 0-3 (a regression: it may stray slightly outside). */
    public double label(float[] e5Passage, float[] miniLm, float[] e5Query) {
        if (e5Passage.length != dimensions || miniLm.length != dimensions || e5Query.length != dimensions) {
            throw new IllegalArgumentException("vectors of " + e5Passage.length + ", " + miniLm.length + " and "
                    + e5Query.length + " dimensions; the probe reads " + dimensions + " each");
        }
        // the answer's vector is quantised like the tuning answers', so that the kernel's squared distances are exact
        // integers from a dot product of small ones (some 3,000 rows of 1,152 numbers, in about a millisecond)
        int width = 3 * dimensions;
        int[] x = new int[width];
        for (int i = 0; i < dimensions; i++) {
            x[i] = quantise(e5Passage[i]);
            x[dimensions + i] = quantise(miniLm[i]);
            x[2 * dimensions + i] = quantise(e5Passage[i] - e5Query[i]);
        }
        long length = 0;
        for (int v : x) {
            length += v * v;
        }
        double sum = bias;
        for (int i = 0, row = 0; i < weights.length; i++, row += width) {
            int dot = 0;
            for (int j = 0; j < width; j++) {
                dot += x[j] * vectors[row + j];
            }
            sum += weights[i] * Math.exp(-gamma * (length + norms[i] - 2L * dot) * scale * scale);
        }
        return sum;
    }
}
