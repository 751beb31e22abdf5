package dev.viva.interview.service;

import dev.viva.interview.InputMode;
import dev.viva.interview.Interview;
import dev.viva.interview.InterviewEvent;
import dev.viva.interview.EndReason;
import dev.viva.interview.InterviewStatus;
import dev.viva.interview.QuestionSource;
import dev.viva.interview.StoredReport;
import dev.viva.interview.Turn;
import dev.viva.interview.repository.InterviewRepository;
import dev.viva.interview.repository.TurnRepository;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.security.RecruiterAuthFilter;
import dev.viva.platform.security.Tokens;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import dev.viva.role.RoleCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Interviews and their turns: creation, the status lifecycle, and committing each turn as soon as it is final. */
@ApplicationScoped
public class InterviewService {

    /** A created interview and the only copy of its candidate token. */
    public record Created(Interview interview, String candidateToken) {
    }

    /** What is known of an answer when it becomes final. Offsets are milliseconds from the interview start. */
    public record Answer(String text, InputMode mode, Long startMs, Long endMs, Long audioDurationMs, Float sttConfidence) {
    }

    private final InterviewRepository interviews;
    private final TurnRepository turns;
    private final RoleCatalog roles;
    private final Event<InterviewEvent> events;
    private final Clock clock;

    public InterviewService(InterviewRepository interviews, TurnRepository turns, RoleCatalog roles,
                            Event<InterviewEvent> events) {
        this.interviews = interviews;
        this.turns = turns;
        this.roles = roles;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Created create(String candidateName, String candidateEmail, String roleId, Level level) {
        if (roles.find(roleId).isEmpty()) {
            throw ApiProblem.badRequest("role", "unknown role '" + roleId + "'; GET /api/v1/roles lists the roles");
        }
        String token = Tokens.newSecret(RecruiterAuthFilter.CANDIDATE_TOKEN_PREFIX);
        Instant now = clock.instant();
        Interview interview = new Interview();
        interview.id = UUID.randomUUID();
        interview.candidateName = candidateName.strip();
        interview.candidateEmail = candidateEmail.strip();
        interview.roleId = roleId;
        interview.level = level;
        interview.status = InterviewStatus.SCHEDULED;
        interview.candidateTokenHash = Tokens.hash(token);
        interview.createdAt = now;
        interview.lastActivityAt = now;
        interviews.persist(interview);
        return new Created(interview, token);
    }

    /**
     * Replaces the interview's candidate token: the join link sent before stops working at once (its token matches no
     * interview any more), for a link that was lost, leaked or cut short by a mail program. A candidate already in the
     * interview keeps their connection; only a new connection needs the new token. Refused once the interview has
     * ended, since nobody could join it.
     */
    @Transactional
    public Created reissueToken(UUID id) {
        Interview interview = lock(id);
        if (interview.status.isFinal()) {
            throw ApiProblem.conflict("interview " + id + " is " + interview.status + "; an interview that has ended "
                    + "cannot be joined, so it gets no new join link");
        }
        String token = Tokens.newSecret(RecruiterAuthFilter.CANDIDATE_TOKEN_PREFIX);
        interview.candidateTokenHash = Tokens.hash(token);
        return new Created(interview, token);
    }

    @Transactional
    public Interview get(UUID id) {
        return interviews.findByIdOptional(id)
                .orElseThrow(() -> ApiProblem.notFound("no interview with id " + id));
    }

    /** {@link #get}, with the row locked until the transaction ends: what every change of an interview starts with. */
    private Interview lock(UUID id) {
        return interviews.findForUpdate(id)
                .orElseThrow(() -> ApiProblem.notFound("no interview with id " + id));
    }

    /** A page of interviews, with the report summaries of those that have one. */
    public record Page(List<Interview> items, long total, Map<UUID, InterviewRepository.ReportSummary> reports) {
    }

    @Transactional
    public Page search(InterviewRepository.Filter filter, int page, int size) {
        var slice = interviews.search(filter, page, size);
        return new Page(slice.items(), slice.total(),
                interviews.reportSummaries(slice.items().stream().map(i -> i.id).toList()));
    }

    /** The score and recommendation of the interview's report; null while it has none. */
    @Transactional
    public InterviewRepository.ReportSummary reportSummary(UUID id) {
        return interviews.reportSummaries(List.of(id)).get(id);
    }

    /**
     * The interview a candidate token belongs to, checked against the interview the caller asked for: a token of
     * another interview is refused with 403 rather than 404 so that it cannot be used to probe which ids exist.
     */
    @Transactional
    public Interview authenticateCandidate(UUID id, String authorizationHeader) {
        String token = Tokens.bearer(authorizationHeader).orElseThrow(() -> ApiProblem.unauthorized(
                "this endpoint needs the interview's candidate token: send 'Authorization: Bearer <token>'"));
        Interview interview = interviews.findByTokenHash(Tokens.hash(token))
                .orElseThrow(() -> ApiProblem.unauthorized("the candidate token is not valid"));
        if (!interview.id.equals(id)) {
            throw ApiProblem.forbidden("this candidate token belongs to another interview");
        }
        return interview;
    }

    /**
     * {@link #authenticateCandidate}, for opening a live session: a cancelled interview cannot be joined again (409),
     * since nothing could happen in it.
     */
    @Transactional
    public Interview authenticateCandidateForSession(UUID id, String authorizationHeader) {
        Interview interview = authenticateCandidate(id, authorizationHeader);
        if (interview.status == InterviewStatus.CANCELLED) {
            throw ApiProblem.conflict("interview " + id + " is CANCELLED: it was cancelled by a recruiter and can no "
                    + "longer be joined");
        }
        return interview;
    }

    /** Starts the interview, or does nothing if it already runs (a reconnecting candidate). */
    @Transactional
    public Interview start(UUID id) {
        Interview interview = lock(id);
        if (interview.status == InterviewStatus.IN_PROGRESS) {
            return interview;
        }
        transition(interview, InterviewStatus.IN_PROGRESS, null, null);
        interview.startedAt = interview.lastActivityAt;
        events.fire(new InterviewEvent.Started(id, interview.startedAt));
        return interview;
    }

    /** Ends a running interview normally; {@code reason} says why (the plan done, the time up, the candidate's wish). */
    @Transactional
    public Interview complete(UUID id, EndReason reason) {
        Interview interview = lock(id);
        transition(interview, InterviewStatus.COMPLETED, reason, null);
        events.fire(new InterviewEvent.Completed(id, interview.endedAt));
        return interview;
    }

    @Transactional
    public Interview abandon(UUID id, String reason) {
        Interview interview = lock(id);
        transition(interview, InterviewStatus.ABANDONED, EndReason.ABANDONED, reason);
        events.fire(new InterviewEvent.Abandoned(id, interview.endedAt, reason));
        return interview;
    }

    @Transactional
    public Interview cancel(UUID id) {
        Interview interview = lock(id);
        transition(interview, InterviewStatus.CANCELLED, EndReason.CANCELLED, "cancelled by a recruiter");
        events.fire(new InterviewEvent.Cancelled(id, interview.endedAt));
        return interview;
    }

    private void transition(Interview interview, InterviewStatus next, EndReason reason, String detail) {
        if (!interview.status.canMoveTo(next)) {
            // with the row locked, this is also how a lost race ends: the status the winner set is named here
            throw ApiProblem.conflict("interview " + interview.id + " is " + interview.status
                    + " and cannot become " + next);
        }
        Instant now = clock.instant();
        interview.status = next;
        interview.lastActivityAt = now;
        if (next.isFinal()) {
            interview.endedAt = now;
            interview.endReason = reason;
            interview.endDetail = detail;
        }
    }

    /**
     * Erases an interview with its turns, report and everything else that references it (the schema cascades), for
     * candidates who ask for their data to be deleted. A running interview must be cancelled first.
     */
    @Transactional
    public void delete(UUID id) {
        Interview interview = lock(id);
        if (interview.status == InterviewStatus.IN_PROGRESS) {
            throw ApiProblem.conflict("interview " + id + " is in progress; cancel it before deleting it");
        }
        interviews.delete(interview);
    }

    /** Records a question as asked, committed at once so the transcript shows it even if the server then dies. */
    @Transactional
    public Turn askQuestion(UUID interviewId, Phase phase, int difficulty, String questionText,
                            QuestionSource source, String questionId) {
        Interview interview = requireRunning(interviewId);
        Turn turn = new Turn();
        turn.id = UUID.randomUUID();
        turn.interviewId = interviewId;
        turn.seq = turns.nextSeq(interviewId);
        turn.phase = phase;
        turn.difficulty = difficulty;
        turn.questionText = questionText;
        turn.questionSource = source;
        turn.questionId = questionId;
        turn.askedAt = clock.instant();
        turns.persist(turn);
        interview.lastActivityAt = turn.askedAt;
        events.fire(new InterviewEvent.TurnAsked(interviewId, turn.askedAt, turn.seq, phase, difficulty, questionText));
        return turn;
    }

    /** Commits the final answer of a turn. A turn is answered once; a second answer is a conflict. */
    @Transactional
    public Turn recordAnswer(UUID turnId, Answer answer) {
        Turn turn = turns.findByIdOptional(turnId)
                .orElseThrow(() -> ApiProblem.notFound("no turn with id " + turnId));
        Interview interview = requireRunning(turn.interviewId);
        if (turn.isAnswered()) {
            throw ApiProblem.conflict("turn " + turn.seq + " of interview " + turn.interviewId + " is already answered");
        }
        turn.answerText = answer.text();
        turn.inputMode = answer.mode();
        turn.answerStartMs = answer.startMs();
        turn.answerEndMs = answer.endMs();
        turn.audioDurationMs = answer.audioDurationMs();
        turn.sttConfidence = answer.sttConfidence();
        turn.answeredAt = clock.instant();
        interview.lastActivityAt = turn.answeredAt;
        events.fire(new InterviewEvent.TurnAnswered(turn.interviewId, turn.answeredAt, turn.seq, turn.answerText,
                turn.inputMode));
        return turn;
    }

    /** Records the candidate's consent, once: the first time counts. Refused once the interview has ended. */
    @Transactional
    public void recordConsent(UUID interviewId) {
        Interview interview = lock(interviewId);
        if (interview.status.isFinal()) {
            throw ApiProblem.conflict("interview " + interviewId + " is " + interview.status);
        }
        if (interview.consentedAt == null) {
            interview.consentedAt = clock.instant();
        }
    }

    /**
     * Records that the candidate heard only {@code heard} of turn {@code seq}'s question: they interrupted the
     * interviewer. The question itself stays as asked; this keeps the transcript true to what was said aloud.
     */
    @Transactional
    public void recordHeard(UUID interviewId, int seq, String heard) {
        requireRunning(interviewId);
        Turn turn = turns.find("interviewId = ?1 and seq = ?2", interviewId, seq).firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("interview " + interviewId + " has no turn " + seq));
        turn.questionHeard = heard;
    }

    private Interview requireRunning(UUID interviewId) {
        Interview interview = lock(interviewId);
        if (interview.status != InterviewStatus.IN_PROGRESS) {
            throw ApiProblem.conflict("interview " + interviewId + " is " + interview.status + ", not IN_PROGRESS");
        }
        return interview;
    }

    @Transactional
    public List<Turn> transcript(UUID interviewId) {
        get(interviewId);
        return turns.forInterview(interviewId);
    }

    @Transactional
    public StoredReport report(UUID interviewId) {
        Interview interview = get(interviewId);
        StoredReport report = StoredReport.findById(interviewId);
        if (report == null && interview.status == InterviewStatus.CANCELLED) {
            throw new ApiProblem(410, "Gone", "interview " + interviewId + " was cancelled; no report will exist "
                    + "for it (reports are produced for completed and abandoned interviews)", null);
        }
        if (report == null) {
            throw ApiProblem.conflict(interview.status.isFinal()
                    ? "the report of interview " + interviewId + " is not available yet"
                    : "interview " + interviewId + " is " + interview.status
                      + "; its report is produced when it completes");
        }
        return report;
    }

    /** Marks interviews whose candidate went away as abandoned; returns how many. */
    @Transactional
    public int abandonIdle(Instant idleSince) {
        List<Interview> idle = interviews.findIdleInProgress(idleSince);
        idle.forEach(i -> {
            transition(i, InterviewStatus.ABANDONED, EndReason.ABANDONED,
                    "no activity from the candidate since " + i.lastActivityAt);
            events.fire(new InterviewEvent.Abandoned(i.id, i.endedAt, i.endDetail));
        });
        return idle.size();
    }
}
