package dev.viva.interviewer;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.assessment.AnswerAssessor;
import dev.viva.assessment.signal.Criteria;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

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
    /** A question further than this from the candidate's ability tells us little; the phase ends instead. */
    private static final double MAX_REACH = 1.5;

    private final RoleTemplate role;
    private final Level level;
    private final UUID interviewId;
    private final String candidateName;
    private final EngineSettings settings;
    private final AnswerAssessor assessor;
    private final ReplyGenerator generator;
    private final Clock clock;

    private Instant startedAt;
    private Instant phaseStartedAt;
    private Instant cycleStartedAt;
    private Phase phase = Phase.INTRODUCTION;
    private int seq;
    private boolean done;
    private AbilityEstimate ability;
    private final List<String> askedBankIds = new ArrayList<>();
    private int askedInPhase;
    private AskedQuestion open;
    private int followUps;
    private boolean hintGiven;
    private int requests;
    private int silences;
    private final List<Move.Probe> probesUsed = new ArrayList<>();
    private int consecutiveFailures;
    private int lastBankDifficulty;
    private int roleQuestions;
    private long cycleMillis;
    private int cycles;
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
    }

    /** Rebuilds an engine at the point a snapshot was taken. */
    public static InterviewEngine restore(RoleTemplate role, Level level, UUID interviewId, String candidateName,
                                          EngineSettings settings, AnswerAssessor assessor, ReplyGenerator generator,
                                          Clock clock, EngineSnapshot s) {
        InterviewEngine e = new InterviewEngine(role, level, interviewId, candidateName, settings, assessor,
                generator, clock);
        e.startedAt = s.startedAt();
        e.phaseStartedAt = s.phaseStartedAt();
        e.cycleStartedAt = s.cycleStartedAt();
        e.phase = s.phase();
        e.seq = s.seq();
        e.done = s.done();
        e.ability = s.ability();
        e.askedBankIds.addAll(s.askedBankIds());
        e.askedInPhase = s.askedInPhase();
        e.open = s.open();
        e.followUps = s.followUps();
        e.hintGiven = s.hintGiven();
        e.requests = s.requests();
        e.silences = s.silences();
        e.probesUsed.addAll(s.probesUsed());
        e.consecutiveFailures = s.consecutiveFailures();
        e.lastBankDifficulty = s.lastBankDifficulty();
        e.roleQuestions = s.roleQuestions();
        e.cycleMillis = s.cycleMillis();
        e.cycles = s.cycles();
        e.last = s.last();
        return e;
    }

    public EngineSnapshot snapshot() {
        return new EngineSnapshot(startedAt, phaseStartedAt, cycleStartedAt, phase, seq, done, ability,
                askedBankIds, askedInPhase, open, followUps, hintGiven, requests, silences, probesUsed,
                consecutiveFailures, lastBankDifficulty, roleQuestions, cycleMillis, cycles, last);
    }

    public boolean isDone() {
        return done;
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
                return moveOn(now, text, Intent.EMPTY, null, closeTurn(text, Intent.EMPTY, null));
            }
            case REPEAT, CLARIFY -> {
                if (requests < settings.maxRepeats()) {
                    requests++;
                    return intent == Intent.REPEAT
                            ? sameTurn(UtteranceKind.REPEAT, new Move.Repeat(open.question()))
                            : sameTurn(UtteranceKind.CLARIFICATION, new Move.Clarify(open.question(), clarification()));
                }
                return onDontKnow(now, text);
            }
            case ROLE_QUESTION -> {
                if (phase == Phase.WRAP_UP) {
                    AnsweredTurn closed = closeTurn(text, intent, null);
                    if (roleQuestions < settings.maxRoleQuestions() && !pastHardEnd(now)) {
                        roleQuestions++;
                        return askGenerated(new Move.RoleAnswer(text), UtteranceKind.ROLE_ANSWER, closed);
                    }
                    return close(previous(text, intent, null), pastHardEnd(now), closed);
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
                return close(previous(text, intent, null), false, closeTurn(text, intent, null));
            }
            case ANSWER, INSTRUCTION -> {
                return onAnswer(now, text, intent);
            }
        }
        throw new AssertionError(intent);
    }

    /**
     * "I don't know" is honest and cheap to say, so it moves the estimate like a zero score with half the weight of a
     * bank answer: less than a confidently wrong answer, which also costs credibility. It counts towards the run of
     * failures so the next question is easier, and is not followed up.
     */
    private Step onDontKnow(Instant now, String text) {
        if (phase == Phase.WRAP_UP) {
            return close(previous(text, Intent.DONT_KNOW, null), false, closeTurn(text, Intent.DONT_KNOW, null));
        }
        if (open.scored()) {
            ability = ability.update(open.dimensions(), 0.0, open.difficulty(), DONT_KNOW_WEIGHT);
            consecutiveFailures++;
        }
        return moveOn(now, text, Intent.DONT_KNOW, null, closeTurn(text, Intent.DONT_KNOW, null));
    }

    private Step onAnswer(Instant now, String text, Intent intent) {
        if (phase == Phase.WRAP_UP) {
            return close(previous(text, intent, null), false, closeTurn(text, intent, null));
        }
        AskedQuestion q = open;
        AnswerAssessment a = q.scored() ? assess(q, text) : null;
        Integer score = a != null && a.answered() ? a.score() : null;
        if (score != null) {
            ability = ability.update(q.dimensions(), score / 100.0, q.difficulty(),
                    q.source() == QuestionSource.BANK ? 1.0 : FOLLOW_UP_WEIGHT);
            consecutiveFailures = score < settings.failScore() ? consecutiveFailures + 1 : 0;
        }
        AnsweredTurn closed = closeTurn(text, intent, score == null ? null : a);
        if (score == null || intent == Intent.INSTRUCTION || !roomForFollowUp(now)) {
            return moveOn(now, text, intent, a, closed);
        }
        RoleTemplate.Question parent = bankQuestion(q.bankId());
        Move.Previous prev = previous(text, intent, a);
        if (score < settings.failScore()) {
            // a struggling candidate gets a nudge, not a challenge on top of a failure
            if (!hintGiven && hasHint(parent)) {
                hintGiven = true;
                return askGenerated(new Move.Hint(prev, parent), UtteranceKind.HINT, closed, missing(a));
            }
            return moveOn(now, text, intent, a, closed);
        }
        if (!a.misconceptions().isEmpty() && !probesUsed.contains(Move.Probe.CHALLENGE)) {
            return followUp(new Move.FollowUp(prev, Move.Probe.CHALLENGE, parent, a.misconceptions()), closed);
        }
        if (score >= settings.completeScore() || a.missingKeyPoints().isEmpty()) {
            return moveOn(now, text, intent, a, closed);
        }
        Optional<Move.Probe> probe = chooseProbe(q, text);
        if (probe.isEmpty()) {
            return moveOn(now, text, intent, a, closed);
        }
        return followUp(new Move.FollowUp(prev, probe.get(), parent, missing(a)), closed);
    }

    private static boolean hasHint(RoleTemplate.Question q) {
        return q.hint() != null && !q.hint().isBlank();
    }

    private static List<String> missing(AnswerAssessment a) {
        return a.missingKeyPoints().stream().limit(MAX_TARGETS).toList();
    }

    /**
     * Behavioural answers are probed for the concrete situation and outcome; design answers and senior candidates
     * for trade-offs; short technical answers for an example; otherwise the uncovered point. A second follow-up on
     * the same question uses another kind of probe.
     */
    private Optional<Move.Probe> chooseProbe(AskedQuestion q, String answer) {
        int words = answer.strip().split("\\s+").length;
        boolean talksTradeOffs = answer.toLowerCase().matches("(?s).*\\b(trade-?offs?|downside|cost|at the expense|"
                + "on the other hand|versus|vs\\.?)\\b.*");
        List<Move.Probe> order;
        if (q.questionKind() == QuestionKind.BEHAVIOURAL) {
            order = List.of(Move.Probe.EXAMPLE, Move.Probe.MISSING_POINT);
        } else if ((phase == Phase.SYSTEM_DESIGN || level == Level.SENIOR) && !talksTradeOffs) {
            order = List.of(Move.Probe.TRADE_OFF, Move.Probe.MISSING_POINT);
        } else if (words < 25) {
            order = List.of(Move.Probe.EXAMPLE, Move.Probe.MISSING_POINT);
        } else {
            order = List.of(Move.Probe.MISSING_POINT, Move.Probe.EXAMPLE);
        }
        return order.stream().filter(p -> !probesUsed.contains(p)).findFirst();
    }

    private Step followUp(Move.FollowUp move, AnsweredTurn closed) {
        probesUsed.add(move.probe());
        return askGenerated(move, UtteranceKind.FOLLOW_UP, closed, move.targets());
    }

    private AnswerAssessment assess(AskedQuestion q, String text) {
        try {
            return assessor.assess(role.id(), level, q.spec(), text);
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
    private AnsweredTurn closeTurn(String text, Intent intent, AnswerAssessment scored) {
        return new AnsweredTurn(open.seq(), text, intent, scored == null ? null : scored.score(),
                scored == null ? null : scored.relevance(), open.difficulty(), ability.theta(),
                Math.round(ability.overall() * 1000.0) / 1000.0);
    }

    // ------------------------------------------------------------------------------------------------ moving on

    private Step moveOn(Instant now, String text, Intent intent, AnswerAssessment a, AnsweredTurn closed) {
        Move.Previous prev = previous(text, intent, a);
        if (cycleStartedAt != null) {
            cycleMillis += Duration.between(cycleStartedAt, now).toMillis();
            cycles++;
            cycleStartedAt = null;
        }
        if (pastHardEnd(now)) {
            return close(prev, true, closed);
        }
        Phase target = phase;
        Move.Transition transition = Move.Transition.SAME_PHASE;
        if (phase != Phase.WRAP_UP && !now.isBefore(wrapUpAt())) {
            target = Phase.WRAP_UP;
            transition = Move.Transition.TIME_SHORT;
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
        return close(prev, false, closed);
    }

    private static Phase next(Phase p) {
        return p.ordinal() + 1 < Phase.values().length ? Phase.values()[p.ordinal() + 1] : null;
    }

    private void enterPhase(Phase p, Instant now) {
        phase = p;
        phaseStartedAt = now;
        askedInPhase = 0;
    }

    private Duration budget(Phase p) {
        return role.phases().stream().filter(s -> s.phase() == p).findFirst()
                .map(s -> Duration.ofMinutes(s.minutes())).orElse(Duration.ZERO);
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

    private Duration expectedCycle() {
        return cycles == 0 ? settings.expectedQuestionTime() : Duration.ofMillis(cycleMillis / cycles);
    }

    /** Another bank question fits if the phase's budget still holds a typical question-with-follow-ups cycle. */
    private boolean roomForAnotherQuestion(Instant now) {
        if (askedInPhase == 0) {
            return true;
        }
        Duration used = Duration.between(phaseStartedAt, now);
        return used.plus(expectedCycle()).compareTo(budget(phase)) <= 0;
    }

    private boolean roomForFollowUp(Instant now) {
        return followUps < settings.maxFollowUps()
                && Duration.between(phaseStartedAt, now).compareTo(budget(phase)) < 0
                && now.isBefore(wrapUpAt());
    }

    /**
     * The unasked question of the phase closest to the candidate's current ability on the question's dimensions.
     * Questions written for other levels are eligible at a penalty per level of distance, so a strong mid-level
     * candidate can reach senior questions and a struggling one junior questions. After two failures in a row only questions
     * easier than the last one qualify (if any). Once a phase has had a question, questions out of the candidate's
     * reach are skipped and the phase ends when none is left. Ties are broken by a shuffle seeded with the interview id, so two
     * candidates of the same ability do not get the same sequence.
     */
    private Optional<RoleTemplate.Question> pick(Phase p) {
        boolean conversational = p == Phase.INTRODUCTION || p == Phase.WRAP_UP;
        List<RoleTemplate.Question> candidates = new ArrayList<>(role.questions().stream()
                .filter(q -> q.phase() == p && !askedBankIds.contains(q.id()))
                .filter(q -> q.levels().contains(level) || (!conversational && q.kind() != QuestionKind.CONVERSATIONAL))
                .toList());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Collections.shuffle(candidates, new Random(interviewId.getLeastSignificantBits() ^ (seq * 0x9E3779B97F4A7C15L)));
        boolean easier = consecutiveFailures >= 2 && lastBankDifficulty > 1;
        if (p == phase && askedInPhase > 0) {
            candidates.removeIf(q -> Math.abs(q.difficulty() - ability.of(q.dimensions())) > MAX_REACH);
        }
        return candidates.stream().min(Comparator.comparingDouble(q -> {
            double cost = Math.abs(q.difficulty() - ability.of(q.dimensions())) + OTHER_LEVEL_PENALTY * levelDistance(q);
            if (easier && q.difficulty() >= lastBankDifficulty) {
                cost += 10;
            }
            return cost;
        }));
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
        cycleStartedAt = now;
        followUps = 0;
        hintGiven = false;
        probesUsed.clear();
        if (q.kind() != QuestionKind.CONVERSATIONAL) {
            lastBankDifficulty = q.difficulty();
        }
        return opened(closed);
    }

    private Step askGenerated(Move move, UtteranceKind kind, AnsweredTurn closed) {
        return askGenerated(move, kind, closed, List.of());
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
        return opened(closed);
    }

    private Step opened(AnsweredTurn closed) {
        requests = 0;
        silences = 0;
        last = new Utterance(seq, open.kind(), open.spoken(), phase, open.difficulty(), false, open);
        return new Step(last, closed, open);
    }

    private Step sameTurn(UtteranceKind kind, Move move) {
        Reply r = generator.reply(context(seq), move);
        last = new Utterance(seq, kind, r.text(), phase, open.difficulty(), false, open);
        return new Step(last, null, null);
    }

    private Step close(Move.Previous previous, boolean timeUp, AnsweredTurn closed) {
        Reply r = generator.reply(context(seq), new Move.Close(previous, timeUp));
        done = true;
        last = new Utterance(seq, UtteranceKind.CLOSING, r.text(), phase, open.difficulty(), true, null);
        return new Step(last, closed, null);
    }
}
