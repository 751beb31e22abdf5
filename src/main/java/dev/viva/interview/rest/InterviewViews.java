package dev.viva.interview.rest;

import dev.viva.interview.EndReason;
import dev.viva.interview.InputMode;
import dev.viva.interview.Interview;
import dev.viva.interview.InterviewStatus;
import dev.viva.interview.QuestionSource;
import dev.viva.interview.Turn;
import dev.viva.invitation.MailDelivery;
import dev.viva.interview.repository.InterviewRepository;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.report.InterviewReport.Recommendation;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON shapes of the interview API. */
final class InterviewViews {

    private InterviewViews() {
    }

    /** The messages are shown next to the console's fields as they are, so they are written for the recruiter. */
    @RegisterForReflection
    record CreateInterviewRequest(
            @NotBlank(message = "Enter the candidate's name.")
            @Size(max = 200, message = "Shorten the name to at most 200 characters.") String candidateName,
            @NotBlank(message = "Enter the candidate's e-mail address.")
            @Email(message = "Enter a complete e-mail address, like ada@example.com.")
            @Size(max = 320, message = "Shorten the e-mail address to at most 320 characters.") String candidateEmail,
            @NotBlank(message = "Choose the role the candidate applies for.") String role,
            @NotNull(message = "Choose the level: junior, mid or senior.") Level level,
            @Schema(description = "a scheduling window, and an e-mailed invitation unless `send` is false")
            @Valid InvitationRequest invitation) {
    }

    @RegisterForReflection
    @Schema(description = "The candidate can start from `opensAt` (default: at once) until `closesAt` (default: "
            + "`viva.invitations.window` after it opens); not started by then, the link has expired.")
    record InvitationRequest(
            @Schema(description = "mail the invitation (needs `viva.mail.enabled`); false sets the window only",
                    defaultValue = "true") Boolean send,
            @Schema(examples = "2026-11-23T08:00:00Z") Instant opensAt,
            @Schema(examples = "2026-11-30T18:00:00Z") Instant closesAt) {

        boolean sends() {
            return send == null || send;
        }
    }

    /** What the recruiter sees of an interview's invitation: the newest mail's fate. */
    @RegisterForReflection
    @Schema(requiredProperties = {"kind", "status", "attempts"})
    record InvitationState(MailDelivery.Kind kind, MailDelivery.Status status, @Schema(examples = "1") int attempts,
                           @Schema(examples = "550 5.1.1 unknown mailbox") String lastError) {

        static InvitationState of(MailDelivery d) {
            return d == null ? null : new InvitationState(d.kind, d.status, d.attempts, d.lastError);
        }
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "candidateName", "candidateEmail", "role", "roleVersion", "level", "status",
            "createdAt"})
    record InterviewView(@Schema(examples = "5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c") UUID id,
                         @Schema(examples = "Ada Lovelace") String candidateName,
                         @Schema(examples = "ada@example.com") String candidateEmail,
                         @Schema(examples = "backend-engineer") String role,
                         @Schema(description = "the role template version the interview runs on", examples = "3")
                         int roleVersion, Level level,
                         InterviewStatus status,
                         @Schema(examples = "2026-11-22T09:00:00Z") Instant createdAt,
                         @Schema(examples = "2026-11-22T09:40:00Z") Instant consentedAt,
                         @Schema(examples = "2026-11-22T09:40:05Z") Instant startedAt,
                         @Schema(examples = "2026-11-22T10:20:00Z") Instant endedAt,
                         @Schema(description = "why the interview ended; absent while it runs") EndReason endReason,
                         @Schema(description = "the reason in words, when there is more to say than the reason",
                                 examples = "the candidate ended the interview") String endDetail,
                         @Schema(examples = "2395") Long durationSeconds,
                         @Schema(description = "the report's overall score, 0-100; absent until the report exists",
                                 examples = "72") Integer score,
                         @Schema(description = "the report's recommendation; absent until the report exists")
                         Recommendation recommendation,
                         @Schema(description = "start of the scheduling window", examples = "2026-11-23T08:00:00Z")
                         Instant opensAt,
                         @Schema(description = "end of the scheduling window", examples = "2026-11-30T18:00:00Z")
                         Instant closesAt,
                         @Schema(description = "the newest invitation mail; absent without an invitation")
                         InvitationState invitation) {

        static InterviewView of(Interview i, Instant now, InterviewRepository.ReportSummary report,
                                MailDelivery latestMail) {
            return new InterviewView(i.id, i.candidateName, i.candidateEmail, i.roleId, i.roleVersion, i.level, i.status,
                    i.createdAt, i.consentedAt, i.startedAt, i.endedAt, i.endReason, i.endDetail, i.durationSeconds(now),
                    report == null ? null : report.overallScore(),
                    report == null || report.recommendation() == null ? null
                            : InterviewReport.recommendationOf(report.recommendation()),
                    i.opensAt, i.closesAt, InvitationState.of(latestMail));
        }
    }

    /** A new join link; like the first one, shown only once. */
    @RegisterForReflection
    @Schema(requiredProperties = {"id", "candidateToken", "joinUrl"})
    record JoinLink(@Schema(examples = "5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c") UUID id,
                    @Schema(examples = "vc_7c4a8d09ca3762af61e59520943dc264") String candidateToken,
                    @Schema(examples = "https://viva.example.com/interview/5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c#token=vc_7c4a8d09ca3762af61e59520943dc264")
                    String joinUrl) {
    }

    /** Returned once, at creation: the token is not stored and cannot be shown again. */
    @RegisterForReflection
    @Schema(requiredProperties = {"id", "candidateName", "candidateEmail", "role", "roleVersion", "level", "status", "createdAt",
            "candidateToken", "joinUrl"})
    record CreatedInterview(UUID id, String candidateName, String candidateEmail, String role, int roleVersion,
                            Level level,
                            InterviewStatus status, Instant createdAt, String candidateToken, String joinUrl,
                            Instant opensAt, Instant closesAt,
                            @Schema(description = "the invitation mail, queued (PENDING); absent when none is sent")
                            InvitationState invitation) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"items", "page", "size", "total"})
    record InterviewPage(List<InterviewView> items, @Schema(examples = "0") int page,
                         @Schema(examples = "20") int size, @Schema(examples = "1") long total) {
    }

    /** What a candidate may see of their own interview: no email of others, no scores. */
    @RegisterForReflection
    @Schema(requiredProperties = {"id", "candidateName", "role", "roleName", "level", "status", "interviewerName",
            "plannedMinutes", "voiceAvailable"})
    record CandidateView(@Schema(examples = "5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c") UUID id, @Schema(examples = "Ada Lovelace") String candidateName,
                         @Schema(examples = "backend-engineer") String role,
                         @Schema(examples = "Backend engineer") String roleName, Level level,
                         InterviewStatus status, @Schema(examples = "Sophia") String interviewerName,
                         @Schema(examples = "40") int plannedMinutes, Long durationSeconds,
                         @Schema(description = "whether spoken answers can be transcribed right now; when not, the "
                                 + "candidate types their answers") boolean voiceAvailable,
                         @Schema(description = "the interview cannot be started before this",
                                 examples = "2026-11-23T08:00:00Z") Instant opensAt,
                         @Schema(description = "not started by then, the link expires",
                                 examples = "2026-11-30T18:00:00Z") Instant closesAt) {
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"seq", "phase", "difficulty", "question"})
    record TurnView(@Schema(examples = "2") int seq, Phase phase, @Schema(examples = "3") int difficulty,
                    @Schema(examples = "How does FastAPI handle a blocking database call?") String question,
                    String questionHeard,
                    QuestionSource questionSource, String questionId,
                    @Schema(examples = "It runs sync endpoints in a thread pool...") String answer, InputMode inputMode,
                    Long answerStartMs, Long answerEndMs, Long audioDurationMs, Float sttConfidence, Instant askedAt,
                    Instant answeredAt) {

        static TurnView of(Turn t) {
            return new TurnView(t.seq, t.phase, t.difficulty, t.questionText, t.questionHeard, t.questionSource,
                    t.questionId, t.answerText, t.inputMode, t.answerStartMs, t.answerEndMs, t.audioDurationMs,
                    t.sttConfidence, t.askedAt, t.answeredAt);
        }
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"interviewId", "status", "turns"})
    record TranscriptView(@Schema(examples = "5f0c3a4e-2b9d-4c61-9a57-1d2e3f4a5b6c") UUID interviewId, InterviewStatus status, List<TurnView> turns) {
    }
}
