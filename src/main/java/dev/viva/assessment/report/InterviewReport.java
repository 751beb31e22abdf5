package dev.viva.assessment.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.Signals;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The report of one interview (or of a transcript assessed over the API). Every figure is computed from the answers;
 * nothing is defaulted: a dimension without evidence says so instead of showing 50%. Versioned by
 * {@link #SCHEMA_VERSION}; a change that removes or renames a field bumps it.
 */
@RegisterForReflection(targets = {InterviewReport.class, InterviewReport.Candidate.class, InterviewReport.Dimension.class,
        InterviewReport.Point.class, InterviewReport.Quote.class, InterviewReport.AnswerReport.class,
        InterviewReport.FollowUp.class, InterviewReport.ReviewFlag.class, InterviewReport.TranscriptEntry.class,
        InterviewReport.Method.class})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InterviewReport(
        int schemaVersion,
        UUID interviewId,
        Candidate candidate,
        int overallScore,
        double overallScoreOutOf5,
        Recommendation recommendation,
        double confidence,
        String confidenceLabel,
        List<String> confidenceReasons,
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
        Instant generatedAt) {

    public static final int SCHEMA_VERSION = 1;

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
     * Who was interviewed, for what, and for how long (real timestamps, not a default). {@code duration} is the
     * length as a report shows it: "25.5 minutes", or why there is none ("not recorded (transcript assessed after
     * the fact)"), never "0 minutes" for a missing timing.
     */
    public record Candidate(String name, String role, String roleName, String level, String status, Instant startedAt,
                            Instant endedAt, Double durationMinutes, int questionsAsked, int answersAssessed,
                            String duration) {
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
     * How the report was produced: offline, or reviewed by an LLM (its narrative, and judgements that moved
     * dimension scores within bounds), why an LLM was not used, and how many quotes it invented (dropped).
     */
    public record Method(String assessor, String llm, String fallbackReason, String narrative,
                         Integer inventedQuotesDropped) {

        public static Method offline() {
            return new Method("offline", null, null, null, null);
        }
    }
}
