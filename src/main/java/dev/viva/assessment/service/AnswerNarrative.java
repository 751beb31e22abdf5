package dev.viva.assessment.service;

import dev.viva.assessment.signal.Substance;

import java.util.ArrayList;
import java.util.List;

/**
 * What an answer's assessment says in words: the tips for the candidate and the few sentences that explain the score.
 * Kept apart from {@link AnswerScorer} so that the measuring and the wording change separately; every sentence here
 * restates a finding the scorer made, none adds one.
 */
final class AnswerNarrative {

    private AnswerNarrative() {
    }

    static List<String> tips(List<String> missing, List<String> misconceptions, ScoreModel.Group group,
                             long numbers, long tradeOffs, double hedging, boolean offTopic, boolean echo,
                             int n, int expected) {
        List<String> tips = new ArrayList<>();
        if (offTopic) {
            tips.add("Answer the question that was asked before adding context.");
        }
        if (echo) {
            tips.add("Go beyond the question's own words: explain how it works, why, and when it does not.");
        }
        for (String m : missing.stream().limit(3).toList()) {
            tips.add("Cover this point: " + m + ".");
        }
        for (String m : misconceptions) {
            tips.add("Revisit this: \"" + m + "\" is a common misconception.");
        }
        if (numbers == 0) {
            tips.add("Back claims with numbers: sizes, latencies, percentages, time saved.");
        }
        if ((group == ScoreModel.Group.TECHNICAL || group == ScoreModel.Group.OPEN) && tradeOffs == 0) {
            tips.add("Discuss trade-offs: when the approach is the wrong choice and what it costs.");
        }
        if (hedging > 0.3) {
            tips.add("Commit to an answer and state assumptions instead of hedging.");
        }
        if (n < expected / 3) {
            tips.add("Expand with an example from your own work.");
        }
        return tips.stream().distinct().limit(5).toList();
    }

    static String justification(int score, double relevance, int facts, int factsCovered, int criteria,
                                int criteriaMet, List<String> misconceptions, int refutations,
                                Substance substance, boolean echo, double hedging, int n, boolean salad,
                                boolean rambling, int injections, boolean offTopic) {
        StringBuilder sb = new StringBuilder();
        sb.append("Scored ").append(score).append("/100. ");
        sb.append(offTopic ? "The answer is mostly about something other than the question. "
                : relevance >= 0.5 ? "The answer addresses the question. " : "The answer only partly addresses the question. ");
        if (facts > 0) {
            sb.append("It covers ").append(factsCovered).append(" of the ").append(facts).append(" points a strong answer ")
                    .append("makes. ");
        }
        if (criteria > 0) {
            sb.append("It meets ").append(criteriaMet).append(" of ").append(criteria).append(" criteria for this kind of ")
                    .append("answer. ");
        }
        if (facts == 0 && criteria == 0) {
            sb.append("The question had no rubric, so the answer was judged on relevance and on the depth it adds. ");
        }
        int domain = substance.domainTerms().size();
        if (echo) {
            sb.append("It mostly restates the question, which adds little. ");
        } else if (domain > 0 || substance.reasoning() > 0) {
            sb.append("Beyond the question it brings ").append(domain == 0 ? "no specific terms"
                            : domain == 1 ? "one specific term" : domain + " specific terms")
                    .append(substance.reasoning() == 0 ? " but gives no reasons" : substance.reasoning() == 1
                            ? " and one line of reasoning" : " and " + substance.reasoning() + " lines of reasoning")
                    .append(". ");
        }
        if (!misconceptions.isEmpty()) {
            sb.append("It states ").append(misconceptions.size() == 1 ? "a common misconception"
                    : misconceptions.size() + " common misconceptions").append(", which halves the score. ");
        }
        if (refutations > 0) {
            sb.append("It correctly rejects ").append(refutations == 1 ? "a common misconception" : refutations
                    + " common misconceptions").append(". ");
        }
        if (hedging > 0.3) {
            sb.append("Frequent hedging lowers confidence in the answer. ");
        }
        if (salad) {
            sb.append("It reads as a list of terms rather than an explanation, which halves the score. ");
        }
        if (rambling) {
            sb.append("At ").append(n).append(" words it wanders off topic. ");
        }
        if (injections > 0) {
            sb.append("Text addressed to the evaluator was ignored and flagged for review. ");
        }
        return sb.toString().strip();
    }
}
