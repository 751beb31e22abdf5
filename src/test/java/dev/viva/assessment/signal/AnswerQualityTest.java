package dev.viva.assessment.signal;

import dev.viva.assessment.Embedders;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void theWeightsFileIsCheckedBeforeItIsUsed() {
        String bias = "# comment\n0.5\n";
        String nine = IntStream.range(0, 9).mapToObj(i -> "0.1").collect(Collectors.joining("\n"));
        AnswerQuality tiny = AnswerQuality.parse(bias + nine, 3);
        assertThat(tiny.label(new float[]{1, 0, 0}, new float[]{0, 1, 1}, new float[]{0, 0, 2}))
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThatThrownBy(() -> AnswerQuality.parse(bias + "0.1\n0.2", 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected 10 numbers").hasMessageContaining("found 3");
        assertThatThrownBy(() -> AnswerQuality.parse(bias + nine.replaceFirst("0.1", "zero"), 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'zero' is not a number");
        assertThatThrownBy(() -> AnswerQuality.parse(bias + nine.replaceFirst("0.1", "NaN"), 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> AnswerQuality.load("/assessment/no-such-weights.txt"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("are not on the classpath");
        assertThatThrownBy(() -> tiny.label(new float[3], new float[3], new float[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probe reads 3, 3 and 3");
    }
}
