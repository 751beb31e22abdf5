package dev.viva.assessment.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds instruction-like text in an answer: a candidate talking to the scoring system instead of answering. Such
 * spans are flagged for human review and removed before scoring, so they can never raise a score.
 */
public final class InjectionDetector {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)\\b(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+)?(?:(?:of\\s+)?(?:the|your|my|these|those|previous|prior|above|earlier|system)\\s+){0,3}"
                    + "(?:instructions?|prompts?|rules?|guidelines?|rubric|criteria|directions?)[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:set|change|make|put)\\s+(?:the|my|this)\\s+(?:score|grade|rating|mark)s?\\s+(?:to|at|as)\\s+[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:give|award|assign|grant)\\s+(?:me|this(?:\\s+answer)?|the candidate)\\s+(?:a\\s+)?(?:full|maximum|max|perfect|top|100|highest|ten out of ten|five out of five)"
                    + "\\s*(?:marks?|scores?|points?|percent|rating|grade)?[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:note|message|instruction)s?\\s+(?:to|for)\\s+(?:the\\s+)?(?:evaluator|grader|assessor|scorer|reviewer|ai|model|system|llm|interviewer bot)[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:you are now|act as|pretend (?:to be|you are)|from now on you)\\b[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:system prompt|developer mode|jailbreak)\\b[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:rate|score|grade|mark)\\s+(?:this|my)\\s+(?:answer|response)\\s+(?:as|at|a|an)\\s+[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:score|rating|grade)\\s*[:=]\\s*(?:100|10/10|5/5|a\\+)"));

    private InjectionDetector() {
    }

    public static List<Text.Span> find(String answer) {
        List<Text.Span> out = new ArrayList<>();
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(answer);
            while (m.find()) {
                Text.Span s = new Text.Span(m.start(), m.end(), m.group());
                if (out.stream().noneMatch(o -> o.start() <= s.start() && o.end() >= s.end())) {
                    out.removeIf(o -> s.start() <= o.start() && s.end() >= o.end());
                    out.add(s);
                }
            }
        }
        out.sort((a, b) -> a.start() - b.start());
        return out;
    }

    /** The answer with the instruction-like spans blanked out (same length, so offsets stay valid). */
    public static String strip(String answer, List<Text.Span> spans) {
        StringBuilder sb = new StringBuilder(answer);
        for (Text.Span s : spans) {
            for (int i = s.start(); i < s.end(); i++) {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }
}
