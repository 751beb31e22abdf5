package dev.viva.interview.rest;

import dev.viva.interview.EndReason;
import dev.viva.interview.InputMode;
import dev.viva.interview.Interview;
import dev.viva.interview.InterviewStatus;
import dev.viva.interview.QuestionSource;
import dev.viva.interview.Turn;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON shapes of the interview API. */
final class InterviewViews {

    private InterviewViews() {
    }

    @RegisterForReflection
    record CreateInterviewRequest(
            @NotBlank @Size(max = 200) String candidateName,
            @NotBlank @Email @Size(max = 320) String candidateEmail,
            @NotBlank String role,
            @NotNull Level level) {
    }

    @RegisterForReflection
    record InterviewView(UUID id, String candidateName, String candidateEmail, String role, Level level,
                         InterviewStatus status, Instant createdAt, Instant consentedAt, Instant startedAt,
                         Instant endedAt, EndReason endReason, String endDetail, Long durationSeconds) {

        static InterviewView of(Interview i, Instant now) {
            return new InterviewView(i.id, i.candidateName, i.candidateEmail, i.roleId, i.level, i.status,
                    i.createdAt, i.consentedAt, i.startedAt, i.endedAt, i.endReason, i.endDetail, i.durationSeconds(now));
        }
    }

    /** Returned once, at creation: the token is not stored and cannot be shown again. */
    @RegisterForReflection
    record CreatedInterview(UUID id, String candidateName, String candidateEmail, String role, Level level,
                            InterviewStatus status, Instant createdAt, String candidateToken, String joinUrl) {
    }

    @RegisterForReflection
    record InterviewPage(List<InterviewView> items, int page, int size, long total) {
    }

    /** What a candidate may see of their own interview: no email of others, no scores. */
    @RegisterForReflection
    record CandidateView(UUID id, String candidateName, String role, String roleName, Level level,
                         InterviewStatus status, String interviewerName, int plannedMinutes, Long durationSeconds) {
    }

    @RegisterForReflection
    record TurnView(int seq, Phase phase, int difficulty, String question, String questionHeard,
                    QuestionSource questionSource, String questionId, String answer, InputMode inputMode,
                    Long answerStartMs, Long answerEndMs, Long audioDurationMs, Float sttConfidence, Instant askedAt,
                    Instant answeredAt) {

        static TurnView of(Turn t) {
            return new TurnView(t.seq, t.phase, t.difficulty, t.questionText, t.questionHeard, t.questionSource,
                    t.questionId, t.answerText, t.inputMode, t.answerStartMs, t.answerEndMs, t.audioDurationMs,
                    t.sttConfidence, t.askedAt, t.answeredAt);
        }
    }

    @RegisterForReflection
    record TranscriptView(UUID interviewId, InterviewStatus status, List<TurnView> turns) {
    }
}
