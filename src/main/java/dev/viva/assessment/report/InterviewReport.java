package dev.viva.assessment.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.Signals;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The report of one interview (or of a transcript assessed over the API). Every figure is computed from the answers;
 * nothing is defaulted: a dimension without evidence says so instead of showing 50%. Versioned by
 * {@link #SCHEMA_VERSION}; a change that removes or renames a field bumps it.
 */
@RegisterForReflection(targets = {InterviewReport.class, InterviewReport.Candidate.class, InterviewReport.Dimension.class,
        InterviewReport.Point.class, InterviewReport.Quote.class, InterviewReport.AnswerReport.class,
        InterviewReport.FollowUp.class, InterviewReport.ReviewFlag.class, InterviewReport.TranscriptEntry.class,
        InterviewReport.Method.class, InterviewReport.LlmGrade.class, InterviewReport.Coverage.class,
        InterviewReport.ReviewerOverride.class, InterviewReport.Reviewer.class})
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"schemaVersion", "interviewId", "candidate", "overallScore", "recommendation",
        "dimensions", "generatedAt"})
public record InterviewReport(
        @Schema(examples = "1") int schemaVersion,
        @Schema(examples = "5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c") UUID interviewId,
        Candidate candidate,
        @Schema(examples = "72", minimum = "0", maximum = "100") int overallScore,
        @Schema(examples = "3.9") double overallScoreOutOf5,
        Recommendation recommendation,
        @Schema(examples = "0.8") double confidence,
        @Schema(examples = "high") String confidenceLabel,
        List<String> confidenceReasons,
        @Schema(examples = "A solid mid-level backend engineer: clear on transactions and idempotency, vaguer on caching.")
        String executiveSummary,
        List<Dimension> dimensions,
        List<Point> strengths,
        List<Point> areasOfConcern,
        List<Quote> notableQuotes,
        List<AnswerReport> answers,
        List<FollowUp> suggestedFollowUps,
        List<ReviewFlag> flags,
        List<TranscriptEntry> transcript,
        Method method,
        Instant generatedAt,
        @Schema(description = "A recruiter's judgements that replace the assessment's, one per dimension or "
                + "recommendation, each with the original it replaces, who, when and why; absent when nobody "
                + "overrode anything. The figures above stay the assessment's own.")
        List<ReviewerOverride> overrides) {

    public static final int SCHEMA_VERSION = 1;

    public InterviewReport(int schemaVersion, UUID interviewId, Candidate candidate, int overallScore,
                           double overallScoreOutOf5, Recommendation recommendation, double confidence,
                           String confidenceLabel, List<String> confidenceReasons, String executiveSummary,
                           List<Dimension> dimensions, List<Point> strengths, List<Point> areasOfConcern,
                           List<Quote> notableQuotes, List<AnswerReport> answers, List<FollowUp> suggestedFollowUps,
                           List<ReviewFlag> flags, List<TranscriptEntry> transcript, Method method,
                           Instant generatedAt) {
        this(schemaVersion, interviewId, candidate, overallScore, overallScoreOutOf5, recommendation, confidence,
                confidenceLabel, confidenceReasons, executiveSummary, dimensions, strengths, areasOfConcern,
                notableQuotes, answers, suggestedFollowUps, flags, transcript, method, generatedAt, null);
    }

    /** This report with a reviewer's overrides (none: null, so the field is left out). */
    public InterviewReport withOverrides(List<ReviewerOverride> list) {
        return new InterviewReport(schemaVersion, interviewId, candidate, overallScore, overallScoreOutOf5,
                recommendation, confidence, confidenceLabel, confidenceReasons, executiveSummary, dimensions,
                strengths, areasOfConcern, notableQuotes, answers, suggestedFollowUps, flags, transcript, method,
                generatedAt, list == null || list.isEmpty() ? null : List.copyOf(list));
    }

    /** The override of the recommendation, if a reviewer made one. */
    public Optional<ReviewerOverride> recommendationOverride() {
        return overrides == null ? Optional.empty()
                : overrides.stream().filter(o -> o.dimension() == null).findFirst();
    }

    /** The override of a dimension's score, if a reviewer made one. */
    public Optional<ReviewerOverride> dimensionOverride(String dimensionId) {
        return overrides == null ? Optional.empty()
                : overrides.stream().filter(o -> dimensionId.equals(o.dimension())).findFirst();
    }

    public static Recommendation recommendationOf(String label) {
        for (Recommendation r : Recommendation.values()) {
            if (r.label.equalsIgnoreCase(label.strip()) || r.name().equalsIgnoreCase(label.strip())) {
                return r;
            }
        }
        return null;
    }

    public enum Recommendation {
        STRONG_HIRE("strong hire"), HIRE("hire"), LEAN_HIRE("lean hire"), LEAN_NO_HIRE("lean no hire"), NO_HIRE("no hire");

        private final String label;

        Recommendation(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }

    /**
     * A recruiter's judgement in place of the assessment's: of a dimension's score ({@code dimension} set, scores
     * 0-5) or of the recommendation ({@code dimension} null). The latest per target; the audit log has them all.
     *
     * @param originalScore the assessment's score, null when it had no evidence for the dimension
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewerOverride(String dimension, Double originalScore, Double score,
                           Recommendation originalRecommendation, Recommendation recommendation,
                           String reason, Reviewer by, Instant at) {
    }

    /** Who overrode: as the audit log names them ({@code kind} key, user, ...). */
    public record Reviewer(String kind, String id, String name) {
    }

    /**
     * Who was interviewed, for what, and for how long (real timestamps, not a default). {@code duration} is the
     * length as a report shows it: "25.5 minutes", or why there is none ("not recorded (transcript assessed after
     * the fact)"), never "0 minutes" for a missing timing. {@code roleVersion} is the version of the role template
     * the interview ran on (its questions and rubric), null for a transcript assessed after the fact.
     */
    public record Candidate(String name, String role, String roleName, Integer roleVersion, String level, String status,
                            Instant startedAt, Instant endedAt, Double durationMinutes, int questionsAsked, int answersAssessed,
                            String duration, String endReason, Coverage coverage) {
    }

    /**
     * How much of the plan the interview covered (interviews only, not transcripts assessed after the fact).
     *
     * @param mainQuestionsAsked    bank questions asked (follow-ups, hints and redirects not counted)
     * @param mainQuestionsPlanned  main questions the plan holds
     * @param phasesReached         phases the interview reached, in order
     * @param phasesPlanned         phases of the plan
     * @param questionsForRecruiter the candidate's questions about the job the interviewer passed on, verbatim
     */
    public record Coverage(int mainQuestionsAsked, int mainQuestionsPlanned, List<String> phasesReached,
                           int phasesPlanned, List<String> questionsForRecruiter) {
    }

    /**
     * @param score   0-5, null when no answer informed the dimension
     * @param percent 0-100, null likewise
     */
    public record Dimension(String id, String name, int weight, Double score, Integer percent, String label,
                            int answers, String reasoning, List<String> evidence) {
    }

    /**
     * A strength or concern; {@code severity} (minor, moderate, major) only on concerns; {@code kind} says what it is
     * about (an {@code AnswerAssessment.Aspect} name such as NUMBERS, or WEAK_ANSWER), so that a strength and a concern
     * are never about the same thing.
     */
    public record Point(String title, String detail, String severity, List<String> quotes, String kind) {
    }

    public record Quote(String quote, int seq, String question, String dimension) {
    }

    /** {@code summary}: one sentence for people, what the answer covered and missed (the assessment has the rest). */
    public record AnswerReport(int seq, String phase, int difficulty, String question, String questionSource,
                               String answer, AnswerAssessment assessment, Signals signals,
                               Map<String, Double> ability, String summary) {
    }

    public record FollowUp(String question, String reason, String dimension) {
    }

    public record ReviewFlag(int seq, String code, String detail, String quote) {
    }

    public record TranscriptEntry(int seq, String phase, String question, String answer, String inputMode) {
    }

    /**
     * How the report was produced: offline, or with an LLM (its narrative, and judgements that moved dimension scores
     * within bounds), why the review was not used, how many quotes the model invented (dropped), and per answer what
     * the LLM did ({@code grades}, null without an LLM).
     */
    public record Method(String assessor, String llm, String fallbackReason, String narrative,
                         Integer inventedQuotesDropped,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<LlmGrade> grades) {

        public Method(String assessor, String llm, String fallbackReason, String narrative,
                      Integer inventedQuotesDropped) {
            this(assessor, llm, fallbackReason, narrative, inventedQuotesDropped, null);
        }

        public static Method offline() {
            return new Method("offline", null, null, null, null);
        }
    }

    /**
     * What the LLM did for one assessed answer.
     *
     * @param rubric         where the rubric graded against came from: "given" (the bank, the caller, the interviewer,
     *                       or a bank question the question rewords), "generated" (written by the model for this
     *                       report), "cached" (written earlier), or null when there is none
     * @param rubricNote     why no rubric was generated, when one was wanted
     * @param offlineScore   the offline score; {@code score} is the score after the bounded grade
     * @param llmScore       the model's own 0-100, null when it was not asked or gave nothing usable
     * @param quotes         the model's quotes verified verbatim in the answer
     * @param fallbackReason why the offline score stands (timeout, error, invalid output, not asked)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LlmGrade(int seq, String rubric, String rubricNote, int offlineScore, Integer llmScore, int score,
                           List<String> covered, List<String> missing, List<String> quotes,
                           int inventedQuotesDropped, String note, String fallbackReason) {
    }
}
