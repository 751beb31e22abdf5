package dev.viva.interviewer;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.AnswerAssessor;
import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.signal.Criteria;
import dev.viva.interview.EndReason;
import dev.viva.interview.QuestionSource;
import dev.viva.interviewer.generation.Move;
import dev.viva.interviewer.generation.Reply;
import dev.viva.interviewer.generation.ReplyContext;
import dev.viva.interviewer.generation.ReplyGenerator;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * Drives one interview: which phase, which question, when to follow up, when to move on and when to close. A plain
 * state machine (no I/O of its own besides the injected assessor and generator, time from the injected clock), so it
 * is tested without sockets or a database and its whole state fits in an {@link EngineSnapshot}.
 *
 * <p>Not thread-safe: one engine serves one interview, and callers serialise its inputs.
 */
public final class InterviewEngine {

    private static final Logger LOG = Logger.getLogger(InterviewEngine.class);
    private static final double OTHER_LEVEL_PENALTY = 0.75;
    private static final double DONT_KNOW_WEIGHT = 0.5;
    private static final double FOLLOW_UP_WEIGHT = 0.5;
    private static final int MAX_TARGETS = 2;
    /**
     * Main questions are drawn at random among those whose cost (distance from the candidate's ability, plus the
     * penalty for another level) is within this of the best one: close enough to be the right difficulty, wide enough
     * that two candidates of the same level rarely get the same interview.
     */
    private static final double DRAW_WINDOW = 1.0;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final String OFF_TOPIC = "OFF_TOPIC";

    private final RoleTemplate role;
    private final Level level;
    private final UUID interviewId;
    private final String candidateName;
    private final EngineSettings settings;
    private final AnswerAssessor assessor;
    private final ReplyGenerator generator;
    private final Clock clock;

    private long seed;
    private Instant startedAt;
    private Instant phaseStartedAt;
    private Instant turnStartedAt;
    private Phase phase = Phase.INTRODUCTION;
    private int seq;
    private boolean done;
    private EndReason endReason;
    private boolean cutShort;
    private AbilityEstimate ability;
    private final List<String> askedBankIds = new ArrayList<>();
    private int askedInPhase;
    private AskedQuestion open;
    private int followUps;
    private boolean hintGiven;
    private boolean redirected;
    private final List<String> pendingPoints = new ArrayList<>();
    private int requests;
    private int silences;
    private final List<Move.Probe> probesUsed = new ArrayList<>();
    private int consecutiveFailures;
    private int lastBankDifficulty;
    private int roleQuestions;
    private long turnMillis;
    private int turnsTimed;
    private Utterance last;

    public InterviewEngine(RoleTemplate role, Level level, UUID interviewId, String candidateName,
                           EngineSettings settings, AnswerAssessor assessor, ReplyGenerator generator, Clock clock) {
        this.role = role;
        this.level = level;
        this.interviewId = interviewId;
        this.candidateName = candidateName;
        this.settings = settings;
        this.assessor = assessor;
        this.generator = generator;
        this.clock = clock;
        this.ability = AbilityEstimate.initial(role, level);
        // fixed for the interview and kept in the snapshot, so a restored engine draws the same questions
        this.seed = interviewId.getMostSignificantBits() * 31 ^ interviewId.getLeastSignificantBits();
    }

    /** Rebuilds an engine at the point a snapshot was taken. */
    public static InterviewEngine restore(RoleTemplate role, Level level, UUID interviewId, String candidateName,
                                          EngineSettings settings, AnswerAssessor assessor, ReplyGenerator generator,
                                          Clock clock, EngineSnapshot s) {
        InterviewEngine e = new InterviewEngine(role, level, interviewId, candidateName, settings, assessor,
                generator, clock);
        e.seed = s.seed();
        e.startedAt = s.startedAt();
        e.phaseStartedAt = s.phaseStartedAt();
        e.turnStartedAt = s.turnStartedAt();
        e.phase = s.phase();
        e.seq = s.seq();
        e.done = s.done();
        e.endReason = s.endReason();
        e.cutShort = s.cutShort();
        e.ability = s.ability();
        e.askedBankIds.addAll(s.askedBankIds());
        e.askedInPhase = s.askedInPhase();
        e.open = s.open();
        e.followUps = s.followUps();
        e.hintGiven = s.hintGiven();
        e.redirected = s.redirected();
        e.pendingPoints.addAll(s.pendingPoints());
        e.requests = s.requests();
        e.silences = s.silences();
        e.probesUsed.addAll(s.probesUsed());
        e.consecutiveFailures = s.consecutiveFailures();
        e.lastBankDifficulty = s.lastBankDifficulty();
        e.roleQuestions = s.roleQuestions();
        e.turnMillis = s.turnMillis();
        e.turnsTimed = s.turnsTimed();
        e.last = s.last();
        return e;
    }

    public EngineSnapshot snapshot() {
        return new EngineSnapshot(startedAt, phaseStartedAt, phase, seq, done, ability,
                askedBankIds, askedInPhase, open, followUps, hintGiven, requests, silences, probesUsed,
                consecutiveFailures, lastBankDifficulty, roleQuestions, last, seed, endReason,
                cutShort, redirected, pendingPoints, turnStartedAt, turnMillis, turnsTimed);
    }

    public boolean isDone() {
        return done;
    }

    /** Why the interview ended; null while it runs. */
    public EndReason endReason() {
        return endReason;
    }

    /** The last thing said: what a reconnecting candidate is shown. Null before the start. */
    public Utterance lastUtterance() {
        return last;
    }

    public AbilityEstimate ability() {
        return ability;
    }

    public Step handle(EngineInput input) {
        Instant now = clock.instant();
        if (input instanceof EngineInput.Start) {
            return last != null ? new Step(last, null, null) : start(now);
        }
        if (last == null) {
            throw new IllegalStateException("the interview has not started: send Start first");
        }
        if (done) {
            return new Step(last, null, null);
        }
        return switch (input) {
            case EngineInput.Answer a -> onText(now, a.text(), IntentClassifier.classify(a.text(), phase));
            case EngineInput.Silence s -> onText(now, "", Intent.EMPTY);
            case EngineInput.RepeatRequest r -> onText(now, "", Intent.REPEAT);
            case EngineInput.ClarifyRequest c -> onText(now, "", Intent.CLARIFY);
            case EngineInput.DontKnow d -> onText(now, "", Intent.DONT_KNOW);
            case EngineInput.End e -> onText(now, "", Intent.END);
            case EngineInput.Start s -> throw new AssertionError("handled above");
        };
    }

    private Step start(Instant now) {
        startedAt = now;
        for (Phase p : Phase.values()) {
            Optional<RoleTemplate.Question> first = pick(p);
            if (first.isPresent()) {
                enterPhase(p, now);
                return askBank(now, new Move.Open(first.get()), first.get(), null);
            }
        }
        throw new IllegalStateException("role " + role.id() + " has no question for level " + level.id());
    }

    private Step onText(Instant now, String text, Intent intent) {
        switch (intent) {
            case EMPTY -> {
                silences++;
                if (silences <= settings.maxSilences()) {
                    return sameTurn(UtteranceKind.NOT_CAUGHT, new Move.NotCaught(open.question(), silences));
                }
                return moveOn(now, text, Intent.EMPTY, null, closeTurn(now, text, Intent.EMPTY, null));
            }
            case REPEAT, CLARIFY -> {
                if (requests < settings.maxRepeats()) {
                    requests++;
                    return intent == Intent.REPEAT
                            ? sameTurn(UtteranceKind.REPEAT, repeat())
                            : sameTurn(UtteranceKind.CLARIFICATION, new Move.Clarify(open.question(), clarification()));
                }
                return onDontKnow(now, text);
            }
            case ROLE_QUESTION -> {
                if (phase == Phase.WRAP_UP) {
                    return onRoleQuestion(now, text);
                }
                if (requests < settings.maxRepeats()) {
                    requests++;
                    return sameTurn(UtteranceKind.DEFERRAL, new Move.Defer(open.question()));
                }
                return onAnswer(now, text, Intent.ANSWER);
            }
            case DONT_KNOW -> {
                return onDontKnow(now, text);
            }
            case NOTHING_MORE -> {
                return close(previous(text, intent, null), planEnd(), closeTurn(now, text, intent, null));
            }
            case END -> {
                return close(previous(text, intent, null), EndReason.CANDIDATE_ENDED,
                        closeTurn(now, text, intent, null));
            }
            case ANSWER, INSTRUCTION -> {
                return onAnswer(now, text, intent);
            }
        }
        throw new AssertionError(intent);
    }

    /**
     * "Repeat" says again everything the turn asked: for a hint, the hint and the question it helps with; for a
     * question asked with its hint up front, both.
     */
    private Move.Repeat repeat() {
        if (open.kind() == UtteranceKind.HINT) {
            RoleTemplate.Question parent = bankQuestion(open.bankId());
            return new Move.Repeat(parent.text(), parent.hint());
        }
        if (open.kind() == UtteranceKind.QUESTION && hintGiven && open.bankId() != null) {
            return new Move.Repeat(open.question(), bankQuestion(open.bankId()).hint());
        }
        return new Move.Repeat(open.question(), null);
    }

    /**
     * A question about the job at wrap-up is answered from the template's candidate-facing {@code about} topics
     * only; one they do not cover is passed on to the recruiter and marked on the turn for them.
     */
    private Step onRoleQuestion(Instant now, String text) {
        RoleQuestions.Match match = RoleQuestions.match(role, text);
        boolean passedOn = match.topic().isEmpty();
        AnsweredTurn closed = closeTurn(now, text, Intent.ROLE_QUESTION, null, passedOn);
        if (roleQuestions < settings.maxRoleQuestions() && !pastHardEnd(now)) {
            roleQuestions++;
            return askGenerated(new Move.RoleAnswer(text, match.topic().orElse(null), match.personal()),
                    UtteranceKind.ROLE_ANSWER, closed, List.of());
        }
        return close(previous(text, Intent.ROLE_QUESTION, null), pastHardEnd(now) ? EndReason.TIME_UP : planEnd(),
                closed);
    }

    /**
     * "I don't know" is honest and cheap to say, so it moves the estimate like a zero score with half the weight of a
     * bank answer: less than a confidently wrong answer, which also costs credibility. It counts towards the run of
     * failures so the next question is easier, and is not followed up.
     */
    private Step onDontKnow(Instant now, String text) {
        if (phase == Phase.WRAP_UP) {
            return close(previous(text, Intent.DONT_KNOW, null), planEnd(),
                    closeTurn(now, text, Intent.DONT_KNOW, null));
        }
        if (open.scored()) {
            ability = ability.update(open.dimensions(), 0.0, open.difficulty(), DONT_KNOW_WEIGHT);
            consecutiveFailures++;
        }
        return moveOn(now, text, Intent.DONT_KNOW, null, closeTurn(now, text, Intent.DONT_KNOW, null));
    }

    private Step onAnswer(Instant now, String text, Intent intent) {
        if (phase == Phase.WRAP_UP) {
            return close(previous(text, intent, null), planEnd(), closeTurn(now, text, intent, null));
        }
        AskedQuestion q = open;
        AnswerAssessment a = q.scored() ? assess(q, text) : null;
        Integer score = a != null && a.answered() ? a.score() : null;
        if (score != null) {
            ability = ability.update(q.dimensions(), score / 100.0, q.difficulty(),
                    q.source() == QuestionSource.BANK ? 1.0 : FOLLOW_UP_WEIGHT);
            consecutiveFailures = score < settings.failScore() ? consecutiveFailures + 1 : 0;
        }
        AnsweredTurn closed = closeTurn(now, text, intent, score == null ? null : a);
        if (score == null || intent == Intent.INSTRUCTION) {
            return moveOn(now, text, intent, a, closed);
        }
        Move.Previous prev = previous(text, intent, a);
        if (offTopic(a)) {
            // one gentle redirect per question (the candidate may have misheard it), then on to the next question:
            // a hint would help with a question they are not answering
            if (!redirected && now.isBefore(wrapUpAt()) && timeForAnotherAnswer(now)) {
                redirected = true;
                return askRedirect(new Move.Redirect(prev, q.question()), closed);
            }
            return moveOn(now, text, intent, a, closed);
        }
        if (!roomForFollowUp(now)) {
            return moveOn(now, text, intent, a, closed);
        }
        RoleTemplate.Question parent = bankQuestion(q.bankId());
        // the answer to the question itself (asked, or asked again after a redirect), not to a follow-up
        boolean mainAnswer = q.kind() == UtteranceKind.QUESTION || q.kind() == UtteranceKind.REDIRECT;
        if (score < settings.failScore()) {
            // a struggling candidate gets a nudge, not a challenge on top of a failure; after a failed follow-up the
            // interviewer moves on rather than pile a hint on a probe
            if (mainAnswer && !hintGiven && hasHint(parent)) {
                hintGiven = true;
                return askGenerated(new Move.Hint(prev, parent), UtteranceKind.HINT, closed, missing(a));
            }
            return moveOn(now, text, intent, a, closed);
        }
        if (mainAnswer) {
            pendingPoints.clear();
            if (score < settings.completeScore()) {
                pendingPoints.addAll(probeable(parent, a.missingKeyPoints()));
            }
        }
        if (!a.misconceptions().isEmpty() && !probesUsed.contains(Move.Probe.CHALLENGE)) {
            return followUp(new Move.FollowUp(prev, Move.Probe.CHALLENGE, parent, a.misconceptions()), closed);
        }
        if (mainAnswer && (score >= settings.completeScore() || a.missingKeyPoints().isEmpty())) {
            return moveOn(now, text, intent, a, closed);
        }
        if (!pendingPoints.isEmpty()) {
            String point = pendingPoints.removeFirst();
            return followUp(new Move.FollowUp(prev, Move.Probe.MISSING_POINT, parent, List.of(point)), closed);
        }
        Optional<Move.Probe> generic = mainAnswer ? genericProbe(q, parent, text) : Optional.empty();
        if (generic.isEmpty()) {
            return moveOn(now, text, intent, a, closed);
        }
        return followUp(new Move.FollowUp(prev, generic.get(), parent, missing(a)), closed);
    }

    private static boolean offTopic(AnswerAssessment a) {
        return a.flags().stream().anyMatch(f -> OFF_TOPIC.equals(f.code()));
    }

    /** The uncovered key points that have an authored probe, most important (first in the template) first. */
    private static List<String> probeable(RoleTemplate.Question parent, List<String> missing) {
        return parent.keyPoints().stream().filter(missing::contains).filter(k -> !parent.probesFor(k).isEmpty())
                .toList();
    }

    private static boolean hasHint(RoleTemplate.Question q) {
        return q.hint() != null && !q.hint().isBlank();
    }

    private static List<String> missing(AnswerAssessment a) {
        return a.missingKeyPoints().stream().limit(MAX_TARGETS).toList();
    }

    /**
     * When no uncovered point has an authored probe (a story, or a custom template without probes), a whole question
     * of a general kind: the concrete situation and outcome of a story, an example for a short technical answer,
     * trade-offs in system design or for seniors. Each kind once per question; otherwise the interviewer moves on.
     */
    private Optional<Move.Probe> genericProbe(AskedQuestion q, RoleTemplate.Question parent, String answer) {
        int words = answer.strip().split("\\s+").length;
        boolean talksTradeOffs = answer.toLowerCase().matches("(?s).*\\b(trade-?offs?|downside|cost|at the expense|"
                + "on the other hand|versus|vs\\.?)\\b.*");
        Move.Probe probe;
        if (q.questionKind() == QuestionKind.BEHAVIOURAL || parent.keyPoints().isEmpty()) {
            probe = Move.Probe.EXAMPLE;
        } else if ((phase == Phase.SYSTEM_DESIGN || level == Level.SENIOR) && !talksTradeOffs) {
            probe = Move.Probe.TRADE_OFF;
        } else if (words < 25) {
            probe = Move.Probe.EXAMPLE;
        } else {
            return Optional.empty();
        }
        return probesUsed.contains(probe) ? Optional.empty() : Optional.of(probe);
    }

    private Step followUp(Move.FollowUp move, AnsweredTurn closed) {
        probesUsed.add(move.probe());
        return askGenerated(move, UtteranceKind.FOLLOW_UP, closed, move.targets());
    }

    private AnswerAssessment assess(AskedQuestion q, String text) {
        try {
            QuestionSpec spec = q.source() == QuestionSource.BANK && q.bankId() != null
                    ? role.question(q.bankId()).map(b -> q.spec().withRivalsOf(role, b)).orElse(q.spec()) : q.spec();
            return assessor.assess(role.id(), level, spec, text);
        } catch (RuntimeException e) {
            // an assessor failure must not end the conversation; the report re-assesses the stored answer
            LOG.warnf(e, "Assessment of turn %d of interview %s failed; continuing without a score", q.seq(),
                    interviewId);
            return null;
        }
    }

    private Move.Previous previous(String text, Intent intent, AnswerAssessment a) {
        return new Move.Previous(text, intent, a, phase);
    }

    /** @param scored the assessment that scored the answer, or null when the turn was not scored */
    private AnsweredTurn closeTurn(Instant now, String text, Intent intent, AnswerAssessment scored) {
        return closeTurn(now, text, intent, scored, false);
    }

    private AnsweredTurn closeTurn(Instant now, String text, Intent intent, AnswerAssessment scored,
                                   boolean forRecruiter) {
        if (turnStartedAt != null && intent != Intent.END) {
            turnMillis += Math.max(0, Duration.between(turnStartedAt, now).toMillis());
            turnsTimed++;
        }
        return new AnsweredTurn(open.seq(), text, intent, scored == null ? null : scored.score(),
                scored == null ? null : scored.relevance(), open.difficulty(), ability.theta(),
                Math.round(ability.overall() * 1000.0) / 1000.0, forRecruiter);
    }

    // ------------------------------------------------------------------------------------------------ moving on

    private Step moveOn(Instant now, String text, Intent intent, AnswerAssessment a, AnsweredTurn closed) {
        Move.Previous prev = previous(text, intent, a);
        if (pastHardEnd(now)) {
            return close(prev, EndReason.TIME_UP, closed);
        }
        Phase target = phase;
        Move.Transition transition = Move.Transition.SAME_PHASE;
        if (phase != Phase.WRAP_UP && !now.isBefore(wrapUpAt())) {
            target = Phase.WRAP_UP;
            transition = Move.Transition.TIME_SHORT;
            cutShort = true;
        } else if (phase == Phase.INTRODUCTION || !roomForAnotherQuestion(now)) {
            target = next(phase);
            transition = Move.Transition.NEW_PHASE;
        }
        while (target != null) {
            if (target == Phase.WRAP_UP && askedBankIds.stream().map(this::bankQuestion)
                    .anyMatch(q -> q.phase() == Phase.WRAP_UP)) {
                break;
            }
            Optional<RoleTemplate.Question> q = pick(target);
            if (q.isPresent()) {
                RoleTemplate.Question chosen = q.get();
                boolean struggling = consecutiveFailures >= 2 && chosen.kind() != QuestionKind.CONVERSATIONAL;
                boolean easier = struggling && chosen.difficulty() < lastBankDifficulty;
                if (target != phase) {
                    enterPhase(target, now);
                } else if (easier) {
                    transition = Move.Transition.EASIER;
                }
                // no easier question left: the hint comes with the question, so a third failure is not a given
                // (struggling means the last answers failed: a hint never follows an answer that went well)
                boolean hintUpFront = struggling && !easier && hasHint(chosen);
                Step step = askBank(now, new Move.Ask(prev, chosen, transition, hintUpFront), chosen, closed);
                hintGiven = hintUpFront;
                return step;
            }
            target = next(target);
            if (transition != Move.Transition.TIME_SHORT) {
                transition = Move.Transition.NEW_PHASE;
            }
        }
        return close(prev, planEnd(), closed);
    }

    /** How a close that the plan reached ends: complete, or cut short by the clock on the way. */
    private EndReason planEnd() {
        return cutShort ? EndReason.TIME_UP : EndReason.PLAN_COMPLETE;
    }

    private static Phase next(Phase p) {
        return p.ordinal() + 1 < Phase.values().length ? Phase.values()[p.ordinal() + 1] : null;
    }

    private void enterPhase(Phase p, Instant now) {
        phase = p;
        phaseStartedAt = now;
        askedInPhase = 0;
    }

    private Optional<RoleTemplate.PhaseSpec> spec(Phase p) {
        return role.phases().stream().filter(s -> s.phase() == p).findFirst();
    }

    private Duration budget(Phase p) {
        return spec(p).map(s -> Duration.ofMinutes(s.minutes())).orElse(Duration.ZERO);
    }

    /** Main questions the plan asks in a phase. */
    private int quota(Phase p) {
        return spec(p).map(RoleTemplate.PhaseSpec::questions).orElse(0);
    }

    private Duration total() {
        return Duration.ofMinutes(role.totalMinutes());
    }

    private Instant wrapUpAt() {
        return startedAt.plus(total()).minus(budget(Phase.WRAP_UP));
    }

    private boolean pastHardEnd(Instant now) {
        return !now.isBefore(startedAt.plus(total()).plus(settings.overrun()));
    }

    /**
     * How long one answer takes this candidate: measured once they have answered, until then half the configured
     * question-with-follow-ups time (a question and one follow-up).
     */
    private Duration answerPace() {
        return turnsTimed == 0 ? settings.expectedQuestionTime().dividedBy(2)
                : Duration.ofMillis(turnMillis / turnsTimed);
    }

    /**
     * Another main question in the phase if the plan holds one and there is time for at least its answer: a fast
     * (typing) candidate gets the plan's number of questions, not as many as fit in the time.
     */
    private boolean roomForAnotherQuestion(Instant now) {
        if (askedInPhase >= quota(phase)) {
            return false;
        }
        if (askedInPhase == 0) {
            return true;
        }
        Duration used = Duration.between(phaseStartedAt, now);
        return used.plus(answerPace()).compareTo(budget(phase)) <= 0;
    }

    /**
     * A follow-up if the question has had fewer than the maximum and the phase still has time for its answer and one
     * answer to each main question the plan has yet to ask in it: follow-ups never crowd out main questions.
     */
    private boolean roomForFollowUp(Instant now) {
        return followUps < settings.maxFollowUps() && now.isBefore(wrapUpAt()) && timeForAnotherAnswer(now);
    }

    /** Whether the phase has time for one more answer on this question besides the main questions still planned. */
    private boolean timeForAnotherAnswer(Instant now) {
        int mainQuestionsLeft = Math.max(0, quota(phase) - askedInPhase);
        Duration needed = answerPace().multipliedBy(1 + mainQuestionsLeft);
        return Duration.between(phaseStartedAt, now).plus(needed).compareTo(budget(phase)) <= 0;
    }

    /**
     * A question of the phase at the candidate's current ability on its dimensions, drawn at random (seeded per
     * interview) among those within {@link #DRAW_WINDOW} of the closest, so two candidates of the same level get
     * different interviews. Questions written for other levels are eligible at a penalty per level of distance, so a
     * strong mid-level candidate can reach senior questions and a struggling one junior questions. After two failures
     * in a row only questions easier than the last one qualify (if any). How many are asked is the plan's business
     * ({@link #roomForAnotherQuestion}), not the bank's.
     */
    private Optional<RoleTemplate.Question> pick(Phase p) {
        boolean conversational = p == Phase.INTRODUCTION || p == Phase.WRAP_UP;
        List<RoleTemplate.Question> candidates = new ArrayList<>(role.questions().stream()
                .filter(q -> q.phase() == p && !askedBankIds.contains(q.id()))
                .filter(q -> q.levels().contains(level) || (!conversational && q.kind() != QuestionKind.CONVERSATIONAL))
                .toList());
        boolean easier = consecutiveFailures >= 2 && lastBankDifficulty > 1;
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        ToDoubleFunction<RoleTemplate.Question> cost = q -> {
            double c = Math.abs(q.difficulty() - ability.of(q.dimensions())) + OTHER_LEVEL_PENALTY * levelDistance(q);
            return easier && q.difficulty() >= lastBankDifficulty ? c + 10 : c;
        };
        double best = candidates.stream().mapToDouble(cost).min().orElseThrow();
        List<RoleTemplate.Question> near = candidates.stream().filter(q -> cost.applyAsDouble(q) <= best + DRAW_WINDOW)
                .sorted(Comparator.comparing(RoleTemplate.Question::id)).toList();
        Random random = new Random(seed ^ ((seq + 1L) * GOLDEN));
        return Optional.of(near.get(random.nextInt(near.size())));
    }

    private int levelDistance(RoleTemplate.Question q) {
        return q.levels().stream().mapToInt(l -> Math.abs(l.ordinal() - level.ordinal())).min().orElse(0);
    }

    private RoleTemplate.Question bankQuestion(String id) {
        return role.question(id).orElseThrow(() -> new IllegalStateException(
                "question " + id + " is no longer in role " + role.id()));
    }

    private String clarification() {
        if (open.kind() != UtteranceKind.QUESTION || open.bankId() == null) {
            return null;
        }
        return bankQuestion(open.bankId()).clarification();
    }

    // ------------------------------------------------------------------------------------------------ saying it

    private ReplyContext context(int forSeq) {
        return new ReplyContext(interviewId, forSeq, role, level, candidateName);
    }

    private Step askBank(Instant now, Move move, RoleTemplate.Question q, AnsweredTurn closed) {
        Reply r = generator.reply(context(seq + 1), move);
        seq++;
        askedBankIds.add(q.id());
        askedInPhase++;
        open = new AskedQuestion(seq, UtteranceKind.QUESTION, phase, q.difficulty(), r.text(), q.text(),
                QuestionSource.BANK, q.id(), q.kind(), q.dimensions(), q.keyPoints(), q.criteria(), q.misconceptions(),
                q.idealAnswer(), r.generator(), r.fallbackReason());
        followUps = 0;
        hintGiven = false;
        redirected = false;
        pendingPoints.clear();
        probesUsed.clear();
        if (q.kind() != QuestionKind.CONVERSATIONAL) {
            lastBankDifficulty = q.difficulty();
        }
        return opened(now, closed);
    }

    /** The same question again after an off-topic answer: judged on everything the question was judged on. */
    private Step askRedirect(Move.Redirect move, AnsweredTurn closed) {
        Reply r = generator.reply(context(seq + 1), move);
        seq++;
        AskedQuestion parent = open;
        open = new AskedQuestion(seq, UtteranceKind.REDIRECT, phase, parent.difficulty(), r.text(),
                parent.question(), QuestionSource.GENERATED, parent.bankId(), parent.questionKind(),
                parent.dimensions(), parent.keyPoints(), parent.criteria(), parent.misconceptions(),
                parent.idealAnswer(), r.generator(), r.fallbackReason());
        return opened(clock.instant(), closed);
    }

    private Step askGenerated(Move move, UtteranceKind kind, AnsweredTurn closed, List<String> fallbackKeyPoints) {
        Reply r = generator.reply(context(seq + 1), move);
        seq++;
        AskedQuestion parent = open;
        // what the follow-up targets may be criteria of the bank question (the story's outcome): those stay criteria
        List<String> keyPoints = Criteria.split(r.keyPoints().isEmpty() ? fallbackKeyPoints : r.keyPoints()).get(0);
        boolean conversational = kind == UtteranceKind.ROLE_ANSWER;
        open = new AskedQuestion(seq, kind, phase, parent.difficulty(), r.text(), r.question(),
                QuestionSource.GENERATED, parent.bankId(),
                conversational ? QuestionKind.CONVERSATIONAL : parent.questionKind(), parent.dimensions(),
                conversational ? List.of() : keyPoints, conversational ? List.of() : parent.criteria(),
                parent.misconceptions(), parent.idealAnswer(),
                r.generator(), r.fallbackReason());
        if (kind == UtteranceKind.FOLLOW_UP || kind == UtteranceKind.HINT) {
            followUps++;
        }
        return opened(clock.instant(), closed);
    }

    private Step opened(Instant now, AnsweredTurn closed) {
        requests = 0;
        silences = 0;
        turnStartedAt = now;
        last = new Utterance(seq, open.kind(), open.spoken(), phase, open.difficulty(), false, open);
        return new Step(last, closed, open);
    }

    private Step sameTurn(UtteranceKind kind, Move move) {
        Reply r = generator.reply(context(seq), move);
        last = new Utterance(seq, kind, r.text(), phase, open.difficulty(), false, open);
        return new Step(last, null, null);
    }

    private Step close(Move.Previous previous, EndReason reason, AnsweredTurn closed) {
        Reply r = generator.reply(context(seq), new Move.Close(previous, reason));
        done = true;
        endReason = reason;
        last = new Utterance(seq, UtteranceKind.CLOSING, r.text(), phase, open.difficulty(), true, null);
        return new Step(last, closed, null);
    }
}
