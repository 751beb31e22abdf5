package dev.viva.interviewer;

import dev.viva.role.RoleTemplate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the answer to a candidate's question about the job in the template's candidate-facing {@code about} section,
 * by its cues. Nothing else of the template is ever used to answer (not the description, the level expectations or
 * the rubric): what the interviewer cannot answer from there is passed on to the recruiter.
 */
public final class RoleQuestions {

    /** Questions only the recruiter can answer truthfully, whatever the template says. */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?i)\\b(salary|salaries|pay|paid|compensation|benefits?|bonus\\w*|equity|stock|visa|contract|relocat\\w*"
            + "|start date|notice period|holidays?|vacation|pto)\\b");
    private static final Pattern NEXT_STEPS = Pattern.compile(
            "(?i)\\b(next steps?|what happens next|after (this|today)|hear back|timeline|when will i|decision"
            + "|feedback|next round|rest of the process|hiring process)\\b");
    /**
     * What the interviewer knows without the template: the report of this conversation goes to the hiring team. Used
     * when a template has no topic of its own for the next steps.
     */
    static final RoleTemplate.AboutTopic NEXT_STEPS_TOPIC = new RoleTemplate.AboutTopic("next steps",
            List.of("next steps"), "After today, a written report of our conversation goes to the hiring team, and"
            + " the recruiter will contact you about the next steps.");

    private RoleQuestions() {
    }

    /** What to answer: a topic, or empty to pass the question on ({@code personal} questions always are). */
    public record Match(Optional<RoleTemplate.AboutTopic> topic, boolean personal) {
    }

    public static Match match(RoleTemplate role, String question) {
        String q = question == null ? "" : question.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (PERSONAL.matcher(q).find()) {
            return new Match(Optional.empty(), true);
        }
        RoleTemplate.AboutTopic best = null;
        int bestScore = 0;
        for (RoleTemplate.AboutTopic t : role.about()) {
            int score = 0;
            for (String cue : t.cues()) {
                if (mentions(q, cue)) {
                    // a phrase ("on-call rota") says more than one word ("team")
                    score += 1 + cue.strip().split("\\s+").length;
                }
            }
            if (mentions(q, t.topic())) {
                score += 1;
            }
            if (score > bestScore) {
                bestScore = score;
                best = t;
            }
        }
        if (best == null && NEXT_STEPS.matcher(q).find()) {
            best = NEXT_STEPS_TOPIC;
        }
        return new Match(Optional.ofNullable(best), false);
    }

    /** The cue as a word or phrase of the question; cues of four letters or more also match longer forms ("deploy"). */
    private static boolean mentions(String question, String cue) {
        String c = cue.toLowerCase(Locale.ROOT).strip();
        if (c.isEmpty()) {
            return false;
        }
        String tail = c.length() >= 4 ? "" : "\\b";
        // "on-call" also matches "on call" and "oncall"
        String body = String.join("[- ]?", java.util.Arrays.stream(c.split("-")).map(Pattern::quote).toList());
        return Pattern.compile("(?<![a-z0-9])" + body + tail).matcher(question).find();
    }
}
