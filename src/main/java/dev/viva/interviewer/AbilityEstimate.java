package dev.viva.interviewer;

import dev.viva.role.Level;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-dimension ability on the bank's 1-5 difficulty scale, updated after every scored answer with an Elo/Rasch-style
 * rule: the expected score of a candidate of ability {@code θ} on a question of difficulty {@code b} is
 * {@code E = 1 / (1 + e^(-SLOPE·(θ - b)))}, and the estimate moves by {@code w·K·(s - E)} where {@code s} is the
 * assessed score in 0..1, {@code w} the weight of the evidence (1 for a bank question, less for a follow-up or "I don't
 * know") and {@code K} shrinks as a dimension gathers evidence, so early answers move fast and later ones fine-tune.
 *
 * <p>Chosen over a staircase because it uses the graded score rather than pass/fail and accounts for how hard the
 * question was: a weak answer to a hard question says less than a weak answer to an easy one. A dimension with no
 * evidence yet borrows the mean of those that have some, so a strong candidate's first soft-skills question is not
 * pitched at the level's default.
 *
 * @param theta per dimension id, 1..5
 * @param count how many answers informed each dimension
 * @param prior where every dimension starts, from the level
 */
@RegisterForReflection
public record AbilityEstimate(Map<String, Double> theta, Map<String, Integer> count, double prior) {

    static final double SLOPE = 1.5;
    static final double K0 = 2.0;
    static final double MIN = 1.0;
    static final double MAX = 5.0;

    public AbilityEstimate {
        theta = Map.copyOf(theta);
        count = Map.copyOf(count);
    }

    /** Starts at the median difficulty of the level's scored bank questions: the level's "typical" question. */
    public static AbilityEstimate initial(RoleTemplate role, Level level) {
        List<Integer> difficulties = role.questionsFor(level).stream()
                .filter(q -> q.kind() != QuestionKind.CONVERSATIONAL)
                .map(RoleTemplate.Question::difficulty).sorted().toList();
        double prior = difficulties.isEmpty() ? 2.5 : difficulties.get(difficulties.size() / 2);
        return new AbilityEstimate(Map.of(), Map.of(), prior);
    }

    public double of(String dimension) {
        Double value = theta.get(dimension);
        if (value != null) {
            return value;
        }
        return overall();
    }

    /** Mean over the dimensions with evidence, or the prior. */
    public double overall() {
        return theta.isEmpty() ? prior : theta.values().stream().mapToDouble(Double::doubleValue).average().orElse(prior);
    }

    public double of(List<String> dimensions) {
        return dimensions.isEmpty() ? overall()
                : dimensions.stream().mapToDouble(this::of).average().orElse(overall());
    }

    static double expected(double ability, int difficulty) {
        return 1.0 / (1.0 + Math.exp(-SLOPE * (ability - difficulty)));
    }

    /**
     * @param score      0..1
     * @param difficulty of the question answered
     * @param weight     how much this answer counts (1 = a bank question)
     */
    public AbilityEstimate update(List<String> dimensions, double score, int difficulty, double weight) {
        Map<String, Double> t = new LinkedHashMap<>(theta);
        Map<String, Integer> c = new LinkedHashMap<>(count);
        for (String d : dimensions) {
            double current = of(d);
            int n = c.getOrDefault(d, 0);
            double k = K0 / Math.sqrt(1.0 + 0.5 * n);
            double next = current + weight * k * (score - expected(current, difficulty));
            t.put(d, Math.round(Math.clamp(next, MIN, MAX) * 1000.0) / 1000.0);
            c.put(d, n + 1);
        }
        return new AbilityEstimate(t, c, prior);
    }
}
