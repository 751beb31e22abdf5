package dev.viva.interviewer;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.AnswerAssessor;
import dev.viva.assessment.QuestionSpec;
import dev.viva.role.Level;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for the assessment engine in interviewer tests: a key point counts as covered when most of
 * its content words appear in the answer. Crude, but it discriminates the simulated candidates the way a real
 * assessor must, which is all the interviewer needs to be exercised.
 */
public class KeywordAssessor implements AnswerAssessor {

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9+#-]*");
    private static final Pattern INJECTION = Pattern.compile("(?i)ignore (your|all|previous) instructions|full marks");
    /** Words any attempt at a backend question uses; an answer with none of them and nothing of the question is off topic. */
    private static final Set<String> DOMAIN = Set.of("performance", "data", "database", "code", "service", "api",
            "system", "server", "cache", "query", "test", "python", "request", "error");
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "are", "is", "a",
            "an", "of", "to", "in", "on", "it", "as", "be", "or", "by", "can", "so", "they", "their", "when", "not");

    @Override
    public AnswerAssessment assess(String roleId, Level level, QuestionSpec question, String answer) {
        String text = answer == null ? "" : answer;
        if (text.isBlank()) {
            return result(0, 0, List.of(), question.allKeyPoints(), List.of(), List.of(), false);
        }
        if (INJECTION.matcher(text).find()) {
            Matcher m = INJECTION.matcher(text);
            m.find();
            return result(0, 0, List.of(), question.allKeyPoints(), List.of(), List.of(new AnswerAssessment.Flag(
                    "INSTRUCTION_INJECTION", "instruction-like text", new AnswerAssessment.Evidence(m.group(),
                    m.start(), m.end()))), true);
        }
        Set<String> words = words(text);
        List<String> covered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String kp : question.allKeyPoints()) {
            (overlap(words(kp), words) >= 0.5 ? covered : missing).add(kp);
        }
        List<String> misconceptions = question.misconceptions().stream()
                .filter(m -> overlap(words(m), words) >= 0.75).toList();
        int score = question.allKeyPoints().isEmpty() ? 50 : 100 * covered.size() / question.allKeyPoints().size();
        score = Math.max(0, score - 30 * misconceptions.size());
        double relevance = overlap(words(question.text() + " " + String.join(" ", question.allKeyPoints())), words);
        Set<String> topic = words(String.join(" ", question.allKeyPoints()) + " "
                + (question.idealAnswer() == null ? "" : question.idealAnswer()));
        List<AnswerAssessment.Flag> flags = covered.isEmpty() && topic.stream().noneMatch(words::contains)
                && words.stream().noneMatch(DOMAIN::contains) && words.size() >= 5
                ? List.of(new AnswerAssessment.Flag("OFF_TOPIC", "the answer is about something else", null))
                : List.of();
        return result(score, Math.min(1.0, relevance * 3), covered, missing, misconceptions, flags, true);
    }

    private static AnswerAssessment result(int score, double relevance, List<String> covered, List<String> missing,
                                           List<String> misconceptions, List<AnswerAssessment.Flag> flags,
                                           boolean answered) {
        return new AnswerAssessment(score, relevance, List.of(), List.of(), List.of(), List.of(), "keyword overlap",
                covered, missing, misconceptions, flags, answered);
    }

    private static double overlap(Set<String> target, Set<String> words) {
        if (target.isEmpty()) {
            return 0;
        }
        return (double) target.stream().filter(words::contains).count() / target.size();
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (m.group().length() > 1 && !STOP.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }
}
