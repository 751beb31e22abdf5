package dev.viva.role;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A role an interview can be held for, loaded from {@code src/main/resources/roles/*.yaml} and validated at start-up
 * by {@link RoleCatalog}.
 *
 * @param id          stable identifier used by the API ("backend-engineer"); equals the file name without extension
 * @param name        human name of the role
 * @param description one paragraph shown to recruiters and candidates
 * @param persona     who the interviewer is and how they speak
 * @param levels      what is expected at each seniority level (all three are required)
 * @param phases      the plan, in interview order, with time budgets
 * @param dimensions  evaluation dimensions; weights sum to 100
 * @param questions   the question bank (hidden from candidates)
 * @param about       what the interviewer may tell a candidate about the role (team, on-call, stack, process); the
 *                    only source of answers to a candidate's questions, so the rubric and level expectations never
 *                    reach them
 */
public record RoleTemplate(
        @Schema(examples = "backend-engineer") String id,
        String name,
        String description,
        Persona persona,
        Map<Level, LevelSpec> levels,
        List<PhaseSpec> phases,
        List<Dimension> dimensions,
        List<Question> questions,
        List<AboutTopic> about) {

    public RoleTemplate {
        about = about == null ? List.of() : List.copyOf(about);
    }

    /**
     * @param name     the interviewer's name ("Sophia")
     * @param style    how they come across ("conversational, encouraging and thorough")
     * @param greeting the opening line; {@code {candidate}} and {@code {role}} are substituted
     * @param avoid    phrases or topics the persona must never say to a candidate (checked on generated text)
     */
    public record Persona(String name, String style, String greeting, List<String> avoid) {
    }

    /**
     * @param years        experience band ("0-2")
     * @param expectations what a candidate at this level should show
     */
    public record LevelSpec(String years, String expectations) {
    }

    /**
     * @param phase     which phase
     * @param minutes   time budget for the phase
     * @param questions main questions asked in the phase (follow-ups not counted); when absent, one per four minutes
     * @param goal      what the phase is for, in a sentence
     */
    public record PhaseSpec(Phase phase, int minutes, Integer questions, String goal) {

        public PhaseSpec {
            questions = questions == null ? Math.max(1, Math.round(minutes / 4f)) : questions;
        }
    }

    /**
     * One thing a candidate may ask about the role.
     *
     * @param topic  short name ("on-call")
     * @param cues   words or phrases in a candidate's question that point to this topic ("pager", "rota")
     * @param answer what the interviewer says, written for the candidate
     */
    public record AboutTopic(String topic, List<String> cues, String answer) {
    }

    /**
     * @param id          identifier referenced by questions ("technical-knowledge")
     * @param name        display name ("Technical Knowledge")
     * @param weight      percentage weight in the overall score
     * @param description what the dimension measures
     */
    public record Dimension(String id, String name, int weight, String description) {
    }

    /**
     * One bank question.
     *
     * @param id             unique within the template ("be-mid-07")
     * @param phase          the phase it is asked in
     * @param levels         the levels it may be asked at
     * @param difficulty     1 (easiest) to 5 (hardest) on a scale shared by all levels, used by adaptive difficulty
     * @param kind           technical, behavioural or conversational
     * @param dimensions     dimension ids this question informs
     * @param text           the question as asked
     * @param keyPoints      facts a strong answer states, each a short self-contained statement
     * @param criteria       criteria about a strong answer ("describes a concrete situation", "states the outcome"):
     *                       what stories and introductions are judged on; optional
     * @param misconceptions common wrong beliefs, each a short statement of the wrong belief
     * @param idealAnswer    a sketch of a strong answer, a few sentences
     * @param hint           a nudge for a struggling candidate that does not give the answer away
     * @param clarification a rephrasing that explains what is being asked, for "can you clarify?"
     * @param probes         follow-up questions per key point, keyed by the key point's exact text: one or two whole
     *                       questions a human interviewer would ask when an answer misses that point
     */
    public record Question(
            String id,
            Phase phase,
            List<Level> levels,
            int difficulty,
            QuestionKind kind,
            List<String> dimensions,
            String text,
            List<String> keyPoints,
            List<String> criteria,
            List<String> misconceptions,
            String idealAnswer,
            String hint,
            String clarification,
            Map<String, List<String>> probes) {

        public Question {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
            probes = probes == null ? Map.of() : Map.copyOf(probes);
        }

        /** The authored probes for one key point, none when the template has none. */
        public List<String> probesFor(String keyPoint) {
            return probes.getOrDefault(keyPoint, List.of());
        }
    }

    public int totalMinutes() {
        return phases.stream().mapToInt(PhaseSpec::minutes).sum();
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public Optional<Dimension> dimension(String dimensionId) {
        return dimensions.stream().filter(d -> d.id().equals(dimensionId)).findFirst();
    }

    public List<Question> questionsFor(Level level) {
        return questions.stream().filter(q -> q.levels().contains(level)).toList();
    }
}
