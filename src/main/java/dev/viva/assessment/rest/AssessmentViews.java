package dev.viva.assessment.rest;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.ScoredAnswer;
import dev.viva.assessment.Signals;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import dev.viva.role.QuestionKind;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.stream.Stream;

/** JSON shapes of the stateless assessment API. */
final class AssessmentViews {

    private AssessmentViews() {
    }

    /** Limits keep one request from tying up the embedding model: about 40 minutes of speech per answer. */
    static final int MAX_ANSWER = 20_000;

    @RegisterForReflection
    record AnswerRequest(
            @NotBlank String role,
            @NotNull Level level,
            @NotBlank @Size(max = 2_000) String question,
            @NotNull @Size(max = MAX_ANSWER) String answer,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> keyPoints,
            @Size(max = 10) List<@NotBlank @Size(max = 500) String> misconceptions,
            @Size(max = 5_000) String idealAnswer,
            QuestionKind kind,
            List<String> dimensions) {
    }

    @RegisterForReflection
    record TranscriptAnswer(
            @NotBlank @Size(max = 2_000) String question,
            @NotNull @Size(max = MAX_ANSWER) String answer,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> keyPoints,
            @Size(max = 5_000) String idealAnswer,
            Phase phase,
            @Min(1) @Max(5) Integer difficulty) {
    }

    @RegisterForReflection
    record TranscriptRequest(
            @NotBlank String role,
            @NotNull Level level,
            @Size(max = 200) String candidateName,
            @NotEmpty @Size(max = 200) List<@NotNull @Valid TranscriptAnswer> answers) {
    }

    /** The assessment with all its evidence also listed flat, as integrations asked for. */
    @RegisterForReflection
    @Schema(requiredProperties = {"score", "relevance", "dimensions", "answered"})
    record AnswerView(@Schema(examples = "78", minimum = "0", maximum = "100") int score,
                      @Schema(examples = "0.91") double relevance, List<String> dimensions,
                      List<AnswerAssessment.Finding> strengths,
                      List<AnswerAssessment.Finding> weaknesses, List<String> tips, String justification,
                      List<AnswerAssessment.Evidence> evidence, List<AnswerAssessment.Flag> flags,
                      List<String> coveredKeyPoints, List<String> missingKeyPoints, List<String> misconceptions,
                      boolean answered, Signals signals) {

        static AnswerView of(ScoredAnswer s) {
            AnswerAssessment a = s.assessment();
            List<AnswerAssessment.Evidence> evidence = Stream.concat(a.strengths().stream(), a.weaknesses().stream())
                    .flatMap(f -> f.evidence().stream()).distinct().toList();
            return new AnswerView(a.score(), a.relevance(), a.dimensions(), a.strengths(), a.weaknesses(), a.tips(),
                    a.justification(), evidence, a.flags(), a.coveredKeyPoints(), a.missingKeyPoints(),
                    a.misconceptions(), a.answered(), s.signals());
        }
    }
}
