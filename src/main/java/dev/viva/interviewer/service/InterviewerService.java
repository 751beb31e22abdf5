package dev.viva.interviewer.service;

import dev.viva.assessment.AnswerAssessor;
import dev.viva.interviewer.AnswerScored;
import dev.viva.interview.InputMode;
import dev.viva.interview.Interview;
import dev.viva.interview.InterviewStatus;
import dev.viva.interview.Turn;
import dev.viva.interview.repository.TurnRepository;
import dev.viva.interview.service.InterviewService;
import dev.viva.interviewer.EngineInput;
import dev.viva.interviewer.EngineSnapshot;
import dev.viva.interviewer.InterviewEngine;
import dev.viva.interviewer.InterviewerConfig;
import dev.viva.interviewer.Step;
import dev.viva.interviewer.Utterance;
import dev.viva.interviewer.generation.ReplyGenerator;
import dev.viva.platform.error.ApiProblem;
import dev.viva.platform.error.TextRules;
import dev.viva.role.RoleTemplates;
import dev.viva.role.RoleTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/**
 * Runs the interview engine against the database: every step (the answer that closed a turn, the question that opens
 * the next, the engine snapshot, completion) commits in one transaction, with the interview row locked so two
 * requests for one interview are applied one after the other. A crash loses at most the answer being processed, and
 * a reconnect gets the last utterance back instead of a new one.
 */
@ApplicationScoped
public class InterviewerService {

    private final InterviewService interviews;
    private final TurnRepository turns;
    private final RoleTemplates roles;
    private final AnswerAssessor assessor;
    private final ReplyGenerator generator;
    private final InterviewerStore store;
    private final InterviewerClock clock;
    private final InterviewerConfig config;
    private final EntityManager em;
    private final Event<AnswerScored> scored;

    public InterviewerService(InterviewService interviews, TurnRepository turns, RoleTemplates roles,
                              AnswerAssessor assessor, ReplyGenerator generator, InterviewerStore store,
                              InterviewerClock clock, InterviewerConfig config, EntityManager em,
                              Event<AnswerScored> scored) {
        this.interviews = interviews;
        this.turns = turns;
        this.roles = roles;
        this.assessor = assessor;
        this.generator = generator;
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.em = em;
        this.scored = scored;
    }

    /** How an answer arrived, for the turn record. */
    public record AnswerMeta(InputMode mode, Long startMs, Long endMs, Long audioDurationMs, Float sttConfidence) {

        public static AnswerMeta text() {
            return new AnswerMeta(InputMode.TEXT, null, null, null, null);
        }
    }

    /**
     * Starts the interview and returns the greeting with the first question, or, when it already runs (a reconnect),
     * the last thing the interviewer said. A completed interview returns its closing words.
     */
    @Transactional
    public Utterance start(UUID interviewId) {
        Interview interview = lock(interviewId);
        Optional<EngineSnapshot> stored = store.snapshot(interviewId);
        if (stored.isPresent() && (stored.get().done() || interview.status == InterviewStatus.IN_PROGRESS)) {
            return stored.get().last();
        }
        if (interview.status != InterviewStatus.SCHEDULED && interview.status != InterviewStatus.IN_PROGRESS) {
            throw ApiProblem.conflict("interview " + interviewId + " is " + interview.status + " and cannot be started");
        }
        interviews.start(interviewId);
        InterviewEngine engine = newEngine(interview, null);
        return apply(interview, engine, engine.handle(new EngineInput.Start()), AnswerMeta.text());
    }

    /**
     * Applies one candidate input and returns what the interviewer says next.
     *
     * @param expectedSeq the turn the client believes it is answering, or null. A retry of an answer that was already
     *                    applied (the client never saw the reply) names an earlier turn and gets the current utterance
     *                    back instead of being applied twice.
     */
    @Transactional
    public Utterance submit(UUID interviewId, EngineInput input, Integer expectedSeq, AnswerMeta meta) {
        if (input instanceof EngineInput.Answer answer) {
            // the one check of answer text, whichever way it came (REST, socket, speech): bounded, no control characters
            TextRules.require("text", answer.text(), config.maxAnswerLength());
        }
        Interview interview = lock(interviewId);
        EngineSnapshot snapshot = store.snapshot(interviewId).orElseThrow(() -> ApiProblem.conflict(
                "interview " + interviewId + " has not started: POST /api/v1/interviews/" + interviewId
                        + "/start first"));
        if (snapshot.done()) {
            return snapshot.last();
        }
        if (interview.status != InterviewStatus.IN_PROGRESS) {
            throw ApiProblem.conflict("interview " + interviewId + " is " + interview.status
                    + "; answers are no longer accepted");
        }
        if (expectedSeq != null && expectedSeq != snapshot.last().seq()) {
            if (expectedSeq < snapshot.last().seq()) {
                return snapshot.last();
            }
            throw ApiProblem.badRequest("seq", "turn " + expectedSeq + " has not been asked yet; the current turn is "
                    + snapshot.last().seq());
        }
        InterviewEngine engine = newEngine(interview, snapshot);
        return apply(interview, engine, engine.handle(input), meta);
    }

    /** The last utterance of an interview that has started, for a client that (re)connects. */
    @Transactional
    public Optional<Utterance> current(UUID interviewId) {
        return store.snapshot(interviewId).map(EngineSnapshot::last);
    }

    private Interview lock(UUID interviewId) {
        Interview interview = em.find(Interview.class, interviewId, LockModeType.PESSIMISTIC_WRITE);
        if (interview == null) {
            throw ApiProblem.notFound("no interview with id " + interviewId);
        }
        return interview;
    }

    private InterviewEngine newEngine(Interview interview, EngineSnapshot snapshot) {
        RoleTemplate role = roles.pinned(interview.roleId, interview.roleVersion);
        return snapshot == null
                ? new InterviewEngine(role, interview.level, interview.id, interview.candidateName,
                config.engineSettings(), assessor, generator, clock.clock())
                : InterviewEngine.restore(role, interview.level, interview.id, interview.candidateName,
                config.engineSettings(), assessor, generator, clock.clock(), snapshot);
    }

    private Utterance apply(Interview interview, InterviewEngine engine, Step step, AnswerMeta meta) {
        if (step.answered() != null) {
            Turn turn = turns.find("interviewId = ?1 and seq = ?2", interview.id, step.answered().seq())
                    .firstResultOptional().orElseThrow(() -> new IllegalStateException(
                            "turn " + step.answered().seq() + " of interview " + interview.id + " was never stored"));
            interviews.recordAnswer(turn.id, new InterviewService.Answer(step.answered().answer(), meta.mode(),
                    meta.startMs(), meta.endMs(), meta.audioDurationMs(), meta.sttConfidence()));
            store.describeAnswer(turn.id, step.answered());
            if (step.answered().score() != null) {
                scored.fire(new AnswerScored(interview.id, step.answered().seq(), step.answered().score(),
                        step.answered().relevance()));
            }
        }
        if (step.asked() != null) {
            var q = step.asked();
            Turn turn = interviews.askQuestion(interview.id, q.phase(), q.difficulty(), q.spoken(), q.source(),
                    q.bankId());
            if (turn.seq != q.seq()) {
                throw new IllegalStateException("interview " + interview.id + ": engine asked turn " + q.seq()
                        + " but the transcript's next turn is " + turn.seq);
            }
            store.describeQuestion(turn.id, q);
        }
        store.save(interview.id, engine.snapshot(), clock.clock().instant());
        if (step.utterance().done()) {
            interviews.complete(interview.id, engine.endReason());
        }
        return step.utterance();
    }
}
