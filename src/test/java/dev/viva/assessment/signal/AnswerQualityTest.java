package dev.viva.assessment.signal;

import dev.viva.assessment.Embedders;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class AnswerQualityTest {

    private static final AnswerQuality BUNDLED = AnswerQuality.bundled();
    private static final Relevance E5 = new Relevance(Embedders.E5);

    private static final String POOLING = "How would you size and configure a connection pool for PostgreSQL?";
    private static final String DETAILED = "I'd put the read replicas behind PgBouncer in transaction mode, because "
            + "each Postgres connection is a forked process with its own memory, so three hundred idle connections cost "
            + "us about three gigabytes. The catch is session state: prepared statements and SET commands don't survive "
            + "between transactions, so we turned off server-side prepares in the driver.";

    private static double label(String question, String answer) {
        return BUNDLED.label(E5.passage(answer), Embedders.SHARED.embed(Text.normalise(answer)), E5.query(question));
    }

    @Test
    void aPractitionersExplanationReadsBetterThanProcessTalkOrAConfidentMistake() {
        double detailed = label(POOLING, DETAILED);
        double vague = label(POOLING, "I would look at the whole picture first, talk to the team, understand the requirements "
                + "and then pick the best approach, and make sure we monitor it and iterate over time.");
        double wrong = label(POOLING, "Connection pooling is not really needed with Postgres, every query opens its own "
                + "connection anyway and closing them is free, so a pool only adds latency.");
        assertThat(detailed).isGreaterThan(vague + 0.5).isGreaterThan(wrong + 0.5);
        assertThat(detailed).isBetween(1.5, 3.6);
        assertThat(vague).isLessThan(2);
    }

    /** A model in the bundled layout: vectors of one number per model, so each tuning answer is three bytes. */
    private static byte[] model(String magic, int size, double gamma, double[] weights, byte[] vectors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeBytes(magic);
            out.writeInt(size);
            out.writeInt(weights.length);
            out.writeDouble(gamma);
            out.writeDouble(0.5);
            out.writeDouble(0.5);
            for (double w : weights) {
                out.writeDouble(w);
            }
            out.write(vectors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void theReadingIsAKernelWeightedSumOverTheTuningAnswers() {
        // two tuning answers at (1, 0, 0) and (0, 1, 0) after the scale of 0.5; the answer read is (1, 0, 1 - 1)
        AnswerQuality tiny = AnswerQuality.parse(model("VAQ2", 1, 1, new double[]{1, -1}, new byte[]{2, 0, 0, 0, 2, 0}), 1);
        assertThat(tiny.label(new float[]{1}, new float[]{0}, new float[]{1}))
                .isCloseTo(0.5 + 1 - Math.exp(-2), offset(1e-9));
        // far from both, the reading falls back to the bias (the tuning labels' mean)
        assertThat(tiny.label(new float[]{9}, new float[]{9}, new float[]{0})).isCloseTo(0.5, offset(1e-9));
    }

    @Test
    void theModelFileIsCheckedBeforeItIsUsed() {
        double[] two = {1, -1};
        byte[] six = {2, 0, 0, 0, 2, 0};
        assertThatThrownBy(() -> AnswerQuality.parse(model("VAQ1", 1, 1, two, six), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a VAQ2 file");
        assertThatThrownBy(() -> AnswerQuality.parse(model("VAQ2", 2, 1, two, six), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vectors of 2 numbers");
        assertThatThrownBy(() -> AnswerQuality.parse(model("VAQ2", 1, 1, two, new byte[5]), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected 6 bytes of vectors, found 5");
        assertThatThrownBy(() -> AnswerQuality.parse(model("VAQ2", 1, 1, two, new byte[7]), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("found 7");
        assertThatThrownBy(() -> AnswerQuality.parse(model("VAQ2", 1, Double.NaN, two, six), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gamma is not a number");
        assertThatThrownBy(() -> AnswerQuality.parse(model("VAQ2", 1, 1, new double[]{1, Double.POSITIVE_INFINITY}, six), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("weight is not a number");
        assertThatThrownBy(() -> AnswerQuality.parse(Arrays.copyOf(model("VAQ2", 1, 1, two, six), 20), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ends early");
        assertThatThrownBy(() -> AnswerQuality.load("/assessment/no-such-model.bin"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not on the classpath");
        AnswerQuality tiny = AnswerQuality.parse(model("VAQ2", 1, 1, two, six), 1);
        assertThatThrownBy(() -> tiny.label(new float[1], new float[1], new float[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probe reads 1 each");
    }
}
