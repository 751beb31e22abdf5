package dev.viva.role;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.viva.assessment.signal.Criteria;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The template linter: what a template needs beyond being usable (which {@link RoleTemplateParser} checks) to make
 * good interviews. Every finding names the field at fault by its path in the document ({@code questions[3].probes}),
 * all of them at once.
 *
 * <p>Two severities. An {@link Severity#ERROR} would harm candidates (rubric words in what they are told) and blocks
 * publishing. A {@link Severity#WARNING} is the shipped templates' bar (a deep bank, probes for every key point,
 * answers to candidates' usual questions): a small team's first custom role may publish with warnings, the shipped
 * templates have none.
 */
public final class RoleTemplateLinter {

    /** How much a finding matters. */
    public enum Severity {
        ERROR, WARNING;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One problem; {@code path} is where it is in the document, as a client names it ({@code about[2].answer}). */
    public record Finding(Severity severity, String path, String message) {
    }

    /** Main questions per phase at each level: enough that a plan draws a different set each time. */
    static final Map<Phase, Integer> MIN_PER_PHASE = new EnumMap<>(Map.of(
            Phase.INTRODUCTION, 3, Phase.FOUNDATION, 9, Phase.INTERMEDIATE, 9, Phase.SYSTEM_DESIGN, 5,
            Phase.SOFT_SKILLS, 6, Phase.WRAP_UP, 2));
    static final int MIN_PER_LEVEL = 30;
    /** What candidates ask most; a template that cannot answer these sends them all to the recruiter. */
    static final List<String> ABOUT_TOPICS = List.of("team", "on-call", "stack", "process");
    /** Words that give the rubric away in an answer to a candidate's question about the role. */
    private static final List<String> ABOUT_LEAKS = List.of("key point", "rubric", "we're looking for",
            "we are looking for", "expectations", "score");
    /** Words that give the rubric away in anything the interviewer asks or says (a question may say "F1 score"). */
    private static final List<String> SPOKEN_LEAKS = List.of("key point", "rubric", "ideal answer", "your score");

    private RoleTemplateLinter() {
    }

    /** Every finding for a template the parser accepted, errors first, in document order within each severity. */
    public static List<Finding> lint(RoleTemplate t) {
        List<Finding> out = new ArrayList<>();
        bankDepth(t, out);
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < t.questions().size(); i++) {
            question(t.questions().get(i), "questions[" + i + "]", texts, out);
        }
        about(t, out);
        spoken(out, "persona.greeting", t.persona().greeting());
        return out.stream().sorted((a, b) -> a.severity().compareTo(b.severity())).toList();
    }

    private static void bankDepth(RoleTemplate t, List<Finding> out) {
        for (Level level : Level.values()) {
            List<RoleTemplate.Question> qs = t.questionsFor(level);
            if (qs.size() < MIN_PER_LEVEL) {
                out.add(warning("questions", "level " + level.id() + " has " + qs.size() + " questions; the shipped"
                        + " templates have at least " + MIN_PER_LEVEL + " per level so that interviews differ"));
            }
            for (int p = 0; p < t.phases().size(); p++) {
                RoleTemplate.PhaseSpec phase = t.phases().get(p);
                long n = qs.stream().filter(q -> q.phase() == phase.phase()).count();
                int min = MIN_PER_PHASE.get(phase.phase());
                if (n < phase.questions()) {
                    out.add(warning("phases[" + p + "].questions", level.id() + "/" + phase.phase().id() + ": "
                            + phase.questions() + " questions planned but only " + n + " in the bank, so the phase"
                            + " ends early"));
                } else if (n < 2L * phase.questions()) {
                    out.add(warning("phases[" + p + "].questions", level.id() + "/" + phase.phase().id() + ": " + n
                            + " questions for " + phase.questions() + " asked; two interviews would share more than"
                            + " half"));
                }
                if (n < min) {
                    out.add(warning("phases[" + p + "]", level.id() + "/" + phase.phase().id() + ": " + n
                            + " questions, the shipped templates have at least " + min));
                }
            }
        }
    }

    private static void question(RoleTemplate.Question q, String f, Set<String> texts, List<Finding> out) {
        if (!texts.add(q.text().strip().toLowerCase(Locale.ROOT))) {
            out.add(warning(f + ".text", q.id() + ": the same text as another question"));
        }
        if (q.kind() == QuestionKind.TECHNICAL) {
            for (String k : q.keyPoints()) {
                int probes = q.probesFor(k).size();
                if (probes < 1 || probes > 2) {
                    out.add(warning(f + ".probes", q.id() + ": key point '" + k + "' has " + probes
                            + " probes, wants 1 or 2"));
                }
            }
            if (q.misconceptions().isEmpty()) {
                out.add(warning(f + ".misconceptions", q.id() + ": no misconceptions"));
            }
        } else if (!q.keyPoints().isEmpty()) {
            out.add(warning(f + ".keyPoints", q.id() + ": a " + q.kind().id() + " question is judged on criteria,"
                    + " not on facts; move these to criteria"));
        }
        if (q.kind() != QuestionKind.CONVERSATIONAL) {
            if (blank(q.clarification())) {
                out.add(warning(f + ".clarification", q.id() + ": no clarification"));
            }
            if (blank(q.hint())) {
                out.add(warning(f + ".hint", q.id() + ": no hint"));
            }
        }
        if (q.kind() == QuestionKind.BEHAVIOURAL && q.criteria().size() < 2) {
            out.add(warning(f + ".criteria", q.id() + ": a story question needs at least two criteria"));
        }
        for (int c = 0; c < q.criteria().size(); c++) {
            if (!Criteria.isCriterion(q.criteria().get(c))) {
                out.add(warning(f + ".criteria[" + c + "]", q.id() + ": '" + q.criteria().get(c)
                        + "' does not read as a criterion (\"describes ...\", \"states ...\")"));
            }
        }
        for (List<String> asks : q.probes().values()) {
            for (String ask : asks) {
                if (!Character.isUpperCase(ask.strip().charAt(0)) || ask.strip().split("\\s+").length < 5) {
                    out.add(warning(f + ".probes", q.id() + ": probe '" + ask + "' is not a whole question"));
                }
                spoken(out, f + ".probes", ask);
            }
        }
        spoken(out, f + ".text", q.text());
        spoken(out, f + ".hint", q.hint());
        spoken(out, f + ".clarification", q.clarification());
    }

    private static void about(RoleTemplate t, List<Finding> out) {
        Set<String> topics = new HashSet<>();
        t.about().forEach(a -> topics.add(a.topic()));
        for (String topic : ABOUT_TOPICS) {
            if (!topics.contains(topic)) {
                out.add(warning("about", "no '" + topic + "' topic for candidates' questions"));
            }
        }
        for (int i = 0; i < t.about().size(); i++) {
            RoleTemplate.AboutTopic a = t.about().get(i);
            String answer = a.answer().toLowerCase(Locale.ROOT);
            for (String leak : ABOUT_LEAKS) {
                if (answer.contains(leak)) {
                    out.add(new Finding(Severity.ERROR, "about[" + i + "].answer", a.topic()
                            + ": reads like the rubric ('" + leak + "'); candidates hear this answer"));
                }
            }
        }
    }

    private static void spoken(List<Finding> out, String path, String text) {
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String leak : SPOKEN_LEAKS) {
            if (lower.contains(leak)) {
                out.add(new Finding(Severity.ERROR, path, "gives the rubric away ('" + leak + "'); candidates hear"
                        + " this"));
            }
        }
    }

    private static Finding warning(String path, String message) {
        return new Finding(Severity.WARNING, path, message);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
