package dev.viva.interviewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.viva.interview.EndReason;
import dev.viva.interview.QuestionSource;
import dev.viva.interviewer.generation.OfflineReplyGenerator;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import dev.viva.role.RoleTemplate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The interview engine alone: no database, no sockets, a hand-moved clock and a keyword stand-in assessor. */
class InterviewEngineTest {

    private static final RoleTemplate BACKEND = EngineSimulation.role("backend-engineer");
    /** A template with authored probes, main questions per phase and an about section. */
    private static final RoleTemplate PROBES = EngineSimulation.fixture("probe-engineer");
    private static final Pattern QUOTE = Pattern.compile("“([^”]+)”");

    private static List<Integer> scoredBankDifficulties(EngineSimulation sim) {
        return sim.asked().stream().filter(q -> q.source() == QuestionSource.BANK && q.scored())
                .map(AskedQuestion::difficulty).toList();
    }

    @Test
    void difficultyRisesForAStrongCandidateAndFallsForAWeakOne() {
        EngineSimulation strong = EngineSimulation.run(BACKEND, Level.MID, UUID.randomUUID(), SimulatedCandidate.STRONG);
        EngineSimulation weak = EngineSimulation.run(BACKEND, Level.MID, UUID.randomUUID(), SimulatedCandidate.WEAK);
        double prior = AbilityEstimate.initial(BACKEND, Level.MID).prior();

        assertThat(strong.engine.ability().overall()).isGreaterThan(prior + 1.0);
        assertThat(weak.engine.ability().overall()).isLessThan(prior - 1.0);
        List<Integer> s = scoredBankDifficulties(strong);
        List<Integer> w = scoredBankDifficulties(weak);
        // questions are drawn near the candidate's ability: the later half reaches beyond where the interview began
        assertThat(s.subList(s.size() / 2, s.size()).stream().mapToInt(Integer::intValue).max().getAsInt())
                .isGreaterThan(s.getFirst());
        assertThat(w.subList(w.size() / 2, w.size()).stream().mapToInt(Integer::intValue).min().getAsInt())
                .isLessThan(w.getFirst());
        assertThat(s.stream().mapToInt(Integer::intValue).max().getAsInt()).isGreaterThanOrEqualTo(4);
        assertThat(w.stream().mapToInt(Integer::intValue).min().getAsInt()).isLessThanOrEqualTo(2);
        // the trajectory is recorded with every answered turn
        assertThat(strong.answered()).allSatisfy(t -> assertThat(t.overall()).isBetween(1.0, 5.0));
        assertThat(strong.answered().getLast().ability()).containsKeys("technical-knowledge", "problem-solving");
    }

    @Test
    void aStrugglingCandidateGetsAHintOrAnEasierQuestionRatherThanThreeFailuresInARow() {
        EngineSimulation weak = EngineSimulation.run(BACKEND, Level.SENIOR, UUID.randomUUID(), SimulatedCandidate.WEAK);
        List<Step> steps = weak.exchanges.stream().map(EngineSimulation.Exchange::step).toList();
        int failuresAtSameOrHarder = 0;
        int lastDifficulty = 0;
        boolean sawHint = false;
        boolean sawEasier = false;
        for (Step step : steps) {
            AnsweredTurn a = step.answered();
            if (a != null && a.score() != null && a.score() < 40) {
                failuresAtSameOrHarder = a.difficulty() >= lastDifficulty ? failuresAtSameOrHarder + 1 : 1;
                lastDifficulty = a.difficulty();
                assertThat(failuresAtSameOrHarder).as("failures in a row without relief").isLessThan(3);
            }
            if (step.asked() != null) {
                String hint = BACKEND.question(step.asked().bankId()).orElseThrow().hint();
                boolean hinted = step.asked().kind() == UtteranceKind.HINT
                        || (hint != null && step.utterance().text().contains(hint));
                sawHint |= hinted;
                if (hinted) {
                    failuresAtSameOrHarder = 0;
                }
            }
        }
        for (int i = 1; i < scoredBankDifficulties(weak).size(); i++) {
            sawEasier |= scoredBankDifficulties(weak).get(i) < scoredBankDifficulties(weak).get(i - 1);
        }
        assertThat(sawHint).isTrue();
        assertThat(sawEasier).isTrue();
    }

    @Test
    void phasesRunInOrderWithinTheirBudgetsAndTheCloseSaysWhatHappensNext() {
        for (SimulatedCandidate c : SimulatedCandidate.values()) {
            EngineSimulation sim = EngineSimulation.run(BACKEND, Level.MID, UUID.randomUUID(), c);
            List<Utterance> all = sim.utterances();
            Utterance closing = all.getLast();
            assertThat(closing.done()).as(c.name()).isTrue();
            assertThat(closing.kind()).isEqualTo(UtteranceKind.CLOSING);
            assertThat(closing.text()).contains("next steps");
            // phases never go backwards
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).phase().ordinal()).isGreaterThanOrEqualTo(all.get(i - 1).phase().ordinal());
            }
            // every phase holds its budget, give or take one question-and-answer that was already under way
            Map<Phase, Instant[]> spans = new java.util.EnumMap<>(Phase.class);
            Instant prev = EngineSimulation.T0;
            for (EngineSimulation.Exchange e : sim.exchanges) {
                Phase p = e.step().utterance().phase();
                spans.computeIfAbsent(p, k -> new Instant[]{null, null});
                if (e.step().asked() != null && e.step().asked().phase() == p && spans.get(p)[0] == null) {
                    spans.get(p)[0] = e.at();
                }
                spans.get(p)[1] = e.at();
            }
            for (RoleTemplate.PhaseSpec spec : BACKEND.phases()) {
                Instant[] span = spans.get(spec.phase());
                if (span != null && span[0] != null) {
                    Duration used = Duration.between(span[0], span[1]);
                    assertThat(used).as(c + " " + spec.phase())
                            .isLessThanOrEqualTo(Duration.ofMinutes(spec.minutes()).plus(Duration.ofMinutes(4)));
                }
            }
            Duration total = Duration.between(EngineSimulation.T0, sim.exchanges.getLast().at());
            assertThat(total).as(c.name()).isLessThanOrEqualTo(
                    Duration.ofMinutes(BACKEND.totalMinutes()).plus(EngineSettings.defaults().overrun()));
        }
    }

    @Test
    void theInterviewClosesGracefullyWhenTimeRunsOut() {
        EngineSimulation sim = new EngineSimulation(BACKEND, Level.MID, UUID.randomUUID());
        sim.runTo(SimulatedCandidate.AVERAGE, 3);
        sim.clock.advance(Duration.ofMinutes(BACKEND.totalMinutes()));
        Step step = sim.engine.handle(new EngineInput.Answer("Caching with Redis in front of PostgreSQL and an index."));
        assertThat(step.utterance().done()).isTrue();
        assertThat(step.utterance().text()).contains("end of our time").contains("next steps");
        assertThat(step.answered()).isNotNull();
        assertThat(sim.engine.endReason()).isEqualTo(EndReason.TIME_UP);

        EngineSimulation late = new EngineSimulation(BACKEND, Level.MID, UUID.randomUUID());
        late.runTo(SimulatedCandidate.AVERAGE, 3);
        late.clock.advance(Duration.between(late.clock.instant(),
                EngineSimulation.T0.plus(Duration.ofMinutes(BACKEND.totalMinutes() - 2))));
        Step wrap = late.engine.handle(new EngineInput.Answer("I would add an index and measure again."));
        assertThat(wrap.utterance().phase()).isEqualTo(Phase.WRAP_UP);
        assertThat(wrap.utterance().text()).contains("close to time");
    }

    @Test
    void followUpsAreTheAuthoredProbeOfTheMostImportantMissingPointAndCompleteAnswersAreNotFollowedUp() {
        FollowUpGrammar grammar = new FollowUpGrammar(PROBES);
        KeywordAssessor assessor = new KeywordAssessor();
        int probes = 0;
        for (int n = 0; n < 3; n++) {
            EngineSimulation avg = EngineSimulation.run(PROBES, Level.MID, UUID.randomUUID(), SimulatedCandidate.AVERAGE);
            for (int i = 0; i < avg.exchanges.size(); i++) {
                EngineSimulation.Exchange e = avg.exchanges.get(i);
                Utterance u = e.step().utterance();
                if (u.kind() != UtteranceKind.FOLLOW_UP) {
                    continue;
                }
                assertThat(grammar.followUp(u, e.answer())).as(u.text()).isEmpty();
                AskedQuestion answered = i == 0 ? avg.first.asked() : avg.exchanges.get(i - 1).step().utterance().question();
                if (answered.kind() == UtteranceKind.QUESTION && !answered.keyPoints().isEmpty()) {
                    // the first probe of a question targets its most important uncovered point: first in the template
                    RoleTemplate.Question bank = PROBES.question(answered.bankId()).orElseThrow();
                    List<String> missing = assessor.assess(PROBES.id(), Level.MID, answered.spec(), e.answer())
                            .missingKeyPoints();
                    String first = bank.keyPoints().stream().filter(missing::contains).findFirst().orElseThrow();
                    assertThat(u.question().keyPoints()).containsExactly(first);
                    assertThat(bank.probesFor(first)).contains(u.question().question());
                    probes++;
                }
            }
        }
        assertThat(probes).isGreaterThanOrEqualTo(3);

        EngineSimulation strong = EngineSimulation.run(PROBES, Level.MID, UUID.randomUUID(), SimulatedCandidate.STRONG);
        assertThat(strong.utterances()).noneMatch(u -> u.kind() == UtteranceKind.FOLLOW_UP
                || u.kind() == UtteranceKind.HINT);
    }

    @Test
    void noFollowUpIsAssembledFromFragmentsAndEveryQuoteIsAWholeClause() {
        int followUps = 0;
        for (RoleTemplate role : List.of(PROBES, BACKEND)) {
            FollowUpGrammar grammar = new FollowUpGrammar(role);
            for (SimulatedCandidate c : SimulatedCandidate.values()) {
                for (Level level : Level.values()) {
                    for (int n = 0; n < 8; n++) {
                        EngineSimulation sim = EngineSimulation.run(role, level, UUID.randomUUID(), c);
                        for (EngineSimulation.Exchange e : sim.exchanges) {
                            Utterance u = e.step().utterance();
                            assertThat(FollowUpGrammar.quotes(u.text(), e.answer())).as(u.text()).isEmpty();
                            if (u.kind() == UtteranceKind.FOLLOW_UP) {
                                followUps++;
                                assertThat(grammar.followUp(u, e.answer())).as(u.text()).isEmpty();
                            }
                        }
                    }
                }
            }
        }
        assertThat(followUps).isGreaterThanOrEqualTo(200);
    }

    @Test
    void acknowledgementsAndHintsFollowTheAssessedQuality() {
        List<String> hints = BACKEND.questions().stream().map(RoleTemplate.Question::hint)
                .filter(h -> h != null && !h.isBlank()).toList();
        int afterStrong = 0;
        for (RoleTemplate role : List.of(PROBES, BACKEND)) {
            List<String> roleHints = role.questions().stream().map(RoleTemplate.Question::hint)
                    .filter(h -> h != null && !h.isBlank()).toList();
            for (SimulatedCandidate c : List.of(SimulatedCandidate.STRONG, SimulatedCandidate.AVERAGE,
                    SimulatedCandidate.WEAK)) {
                for (int n = 0; n < 5; n++) {
                    EngineSimulation sim = EngineSimulation.run(role, Level.MID, UUID.randomUUID(), c);
                    for (EngineSimulation.Exchange e : sim.exchanges) {
                        Integer score = e.step().answered() == null ? null : e.step().answered().score();
                        String said = e.step().utterance().text();
                        if (score != null && score >= 70) {
                            afterStrong++;
                            assertThat(e.step().utterance().kind()).isNotEqualTo(UtteranceKind.HINT);
                            roleHints.forEach(h -> assertThat(said).as("hint after %d", score).doesNotContain(h));
                            assertThat(said).doesNotContain("tricky").doesNotContain("giving it a go");
                        }
                        if (said.contains("tricky")) {
                            assertThat(score).as(said).isNotNull().isLessThan(40);
                        }
                    }
                }
            }
        }
        assertThat(afterStrong).isGreaterThan(20);
        assertThat(hints).isNotEmpty();
    }

    @Test
    void repeatAfterAHintSaysTheHintAndTheQuestionAgain() {
        for (int attempt = 0; attempt < 20; attempt++) {
            EngineSimulation sim = new EngineSimulation(PROBES, Level.MID, UUID.randomUUID());
            sim.runTo(SimulatedCandidate.STRONG, 1);
            Step wrong = sim.engine.handle(new EngineInput.Answer(
                    "I think it mostly depends on the situation, probably performance, I would look it up."));
            if (wrong.utterance().kind() != UtteranceKind.HINT) {
                continue;
            }
            RoleTemplate.Question q = PROBES.question(wrong.asked().bankId()).orElseThrow();
            assertThat(wrong.utterance().text()).contains(q.hint());
            Step repeat = sim.engine.handle(new EngineInput.Answer("Sorry, could you repeat that?"));
            assertThat(repeat.utterance().kind()).isEqualTo(UtteranceKind.REPEAT);
            assertThat(repeat.utterance().text()).contains(q.hint()).contains(q.text());
            return;
        }
        throw new AssertionError("no hint in 20 interviews");
    }

    @Test
    void theOpeningIsShortBeforeTheFirstQuestion() {
        for (RoleTemplate role : List.of(PROBES, BACKEND)) {
            Utterance first = new EngineSimulation(role, Level.MID, UUID.randomUUID()).first.utterance();
            String opening = first.text().substring(0, first.text().length() - first.question().question().length());
            assertThat(opening.strip().split("\\s+").length).as(opening).isLessThanOrEqualTo(30);
            assertThat(opening).contains("Grace").contains(role.persona().name());
        }
    }

    @Test
    void thePlanAsksItsMainQuestionsWhetherAnswersAreFastOrSlow() {
        int planned = PROBES.phases().stream().mapToInt(RoleTemplate.PhaseSpec::questions).sum();
        assertThat(planned).isEqualTo(12);
        for (SimulatedCandidate c : List.of(SimulatedCandidate.STRONG, SimulatedCandidate.AVERAGE,
                SimulatedCandidate.WEAK, SimulatedCandidate.OFF_TOPIC)) {
            for (Duration pace : List.of(Duration.ofSeconds(8), c.answerTime(), Duration.ofSeconds(150))) {
                EngineSimulation sim = EngineSimulation.run(PROBES, Level.MID, UUID.randomUUID(), c, pace);
                assertThat(sim.mainQuestions()).as(c + " at " + pace).isBetween(10L, 16L);
                Map<String, Integer> followUps = new java.util.HashMap<>();
                sim.asked().stream().filter(q -> q.kind() == UtteranceKind.FOLLOW_UP || q.kind() == UtteranceKind.HINT)
                        .forEach(q -> followUps.merge(q.bankId(), 1, Integer::sum));
                assertThat(followUps.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
                if (pace.getSeconds() < 10) {
                    // a fast typist gets the plan, not as many questions as fit in the time
                    assertThat(sim.mainQuestions()).as(c.name()).isEqualTo(planned);
                }
                assertThat(sim.engine.endReason()).isEqualTo(EndReason.PLAN_COMPLETE);
            }
        }
    }

    @Test
    void twoInterviewsOfTheSameRoleAndLevelShareAtMostHalfTheirMainQuestions() {
        double total = 0;
        int pairs = 50;
        for (int i = 0; i < pairs; i++) {
            List<String> a = mainIds(EngineSimulation.run(PROBES, Level.MID, UUID.randomUUID(), SimulatedCandidate.AVERAGE));
            List<String> b = mainIds(EngineSimulation.run(PROBES, Level.MID, UUID.randomUUID(), SimulatedCandidate.AVERAGE));
            total += a.stream().filter(b::contains).count() / (double) Math.min(a.size(), b.size());
        }
        assertThat(total / pairs).isLessThanOrEqualTo(0.5);
    }

    private static List<String> mainIds(EngineSimulation sim) {
        return sim.asked().stream().filter(q -> q.source() == QuestionSource.BANK).map(AskedQuestion::bankId).toList();
    }

    @Test
    void theCandidateCanEndTheInterviewEarly() {
        EngineSimulation sim = new EngineSimulation(PROBES, Level.MID, UUID.randomUUID());
        sim.runTo(SimulatedCandidate.AVERAGE, 3);
        int open = sim.engine.lastUtterance().seq();
        Step stop = sim.engine.handle(new EngineInput.Answer("Sorry, I'd like to stop here."));
        assertThat(stop.utterance().done()).isTrue();
        assertThat(stop.utterance().kind()).isEqualTo(UtteranceKind.CLOSING);
        assertThat(stop.utterance().text()).contains("stop here").contains("next steps");
        assertThat(stop.answered().seq()).isEqualTo(open);
        assertThat(stop.answered().intent()).isEqualTo(Intent.END);
        assertThat(stop.answered().score()).isNull();
        assertThat(sim.engine.endReason()).isEqualTo(EndReason.CANDIDATE_ENDED);

        EngineSimulation button = new EngineSimulation(PROBES, Level.MID, UUID.randomUUID());
        Step end = button.engine.handle(new EngineInput.End());
        assertThat(end.utterance().done()).isTrue();
        assertThat(button.engine.endReason()).isEqualTo(EndReason.CANDIDATE_ENDED);
        // thinking aloud is not a wish to stop
        EngineSimulation thinking = new EngineSimulation(PROBES, Level.MID, UUID.randomUUID());
        thinking.runTo(SimulatedCandidate.AVERAGE, 2);
        assertThat(thinking.engine.handle(new EngineInput.Answer("Let me stop and think about the cache for a second."))
                .utterance().done()).isFalse();
    }

    @Test
    void anOffTopicAnswerGetsOneGentleRedirectThenTheInterviewMovesOn() {
        EngineSimulation sim = new EngineSimulation(PROBES, Level.MID, UUID.randomUUID());
        sim.runTo(SimulatedCandidate.STRONG, 1);
        AskedQuestion q = sim.engine.lastUtterance().question();
        assertThat(q.scored()).isTrue();
        String football = "Honestly I prefer talking about football, my team won on Sunday after extra time.";
        Step first = sim.engine.handle(new EngineInput.Answer(football));
        assertThat(first.utterance().kind()).isEqualTo(UtteranceKind.REDIRECT);
        assertThat(first.utterance().text()).endsWith(q.question()).containsAnyOf("drifted", "steer us back", "away from");
        assertThat(first.answered().seq()).isEqualTo(q.seq());
        Step second = sim.engine.handle(new EngineInput.Answer(football));
        assertThat(second.utterance().kind()).isEqualTo(UtteranceKind.QUESTION);
        assertThat(second.asked().bankId()).isNotEqualTo(q.bankId());

        EngineSimulation offTopic = EngineSimulation.run(PROBES, Level.MID, UUID.randomUUID(), SimulatedCandidate.OFF_TOPIC);
        Map<String, Integer> redirects = new java.util.HashMap<>();
        offTopic.asked().stream().filter(a -> a.kind() == UtteranceKind.REDIRECT)
                .forEach(a -> redirects.merge(a.bankId(), 1, Integer::sum));
        assertThat(redirects).isNotEmpty();
        assertThat(redirects.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
    }

    @Test
    void followUpsPerQuestionAreLimited() {
        EngineSimulation avg = EngineSimulation.run(BACKEND, Level.MID, UUID.randomUUID(), SimulatedCandidate.AVERAGE);
        Map<String, Integer> perBankQuestion = new java.util.HashMap<>();
        avg.asked().stream().filter(q -> q.source() == QuestionSource.GENERATED && q.kind() != UtteranceKind.ROLE_ANSWER)
                .forEach(q -> perBankQuestion.merge(q.bankId(), 1, Integer::sum));
        assertThat(perBankQuestion.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(avg.asked().stream().filter(q -> q.source() == QuestionSource.GENERATED))
                // a follow-up carries what its answer is judged on: facts, or a story's criteria
                .allSatisfy(q -> assertThat(q.keyPoints().isEmpty() && q.criteria().isEmpty())
                        .isEqualTo(q.kind() == UtteranceKind.ROLE_ANSWER));
    }

    @Test
    void aMisconceptionIsChallengedPolitelyQuotingTheCandidate() {
        EngineSimulation sim = new EngineSimulation(BACKEND, Level.JUNIOR, UUID.randomUUID());
        sim.runTo(SimulatedCandidate.STRONG, 1);
        AskedQuestion q = sim.engine.lastUtterance().question();
        assertThat(q.misconceptions()).isNotEmpty();
        String answer = String.join(". ", q.keyPoints()) + ". Also, " + q.misconceptions().getFirst()
                + " in my experience.";
        Step step = sim.engine.handle(new EngineInput.Answer(answer));
        assertThat(step.utterance().kind()).isEqualTo(UtteranceKind.FOLLOW_UP);
        Matcher m = QUOTE.matcher(step.utterance().text());
        assertThat(m.find()).isTrue();
        assertThat(answer).contains(m.group(1));
        assertThat(step.utterance().text()).containsAnyOf("push back", "check one point", "want to test");
    }

    @Test
    void twoCandidatesGiveTheSameAnswersButHearDifferentFollowUps() {
        EngineSimulation a = EngineSimulation.run(PROBES, Level.MID, UUID.randomUUID(), SimulatedCandidate.AVERAGE);
        EngineSimulation b = EngineSimulation.run(PROBES, Level.MID, UUID.randomUUID(), SimulatedCandidate.AVERAGE);
        List<String> fa = a.utterances().stream().filter(u -> u.kind() == UtteranceKind.FOLLOW_UP).map(Utterance::text).toList();
        List<String> fb = b.utterances().stream().filter(u -> u.kind() == UtteranceKind.FOLLOW_UP).map(Utterance::text).toList();
        assertThat(fa).isNotEmpty();
        assertThat(fa).isNotEqualTo(fb);
        // and the same interview always reads the same
        UUID id = UUID.randomUUID();
        assertThat(EngineSimulation.run(PROBES, Level.MID, id, SimulatedCandidate.AVERAGE).utterances())
                .isEqualTo(EngineSimulation.run(PROBES, Level.MID, id, SimulatedCandidate.AVERAGE).utterances());
    }

    @Test
    void nothingSaidLeaksScoresKeyPointsOrWhatThePersonaMustAvoid() {
        List<String> allKeyPoints = BACKEND.questions().stream().flatMap(q -> q.keyPoints().stream())
                .map(k -> k.toLowerCase(Locale.ROOT)).toList();
        for (SimulatedCandidate c : SimulatedCandidate.values()) {
            for (Level level : Level.values()) {
                EngineSimulation sim = EngineSimulation.run(BACKEND, level, UUID.randomUUID(), c);
                // quoting the candidate is fine even when they recited a key point; saying one they did not is a leak
                String candidateSaid = sim.exchanges.stream().map(e -> e.answer().toLowerCase(Locale.ROOT))
                        .reduce("", (x, y) -> x + "\n" + y);
                List<String> keyPoints = allKeyPoints.stream().filter(k -> !candidateSaid.contains(k)).toList();
                for (Utterance u : sim.utterances()) {
                    String said = u.text().toLowerCase(Locale.ROOT);
                    assertThat(said).as(c + " " + level).doesNotContainPattern("\\b\\d{1,3}\\s*(/|out of)\\s*\\d+")
                            .doesNotContain("score").doesNotContain("rubric").doesNotContain("key point");
                    BACKEND.persona().avoid().forEach(p -> assertThat(said).doesNotContain(p.toLowerCase(Locale.ROOT)));
                    keyPoints.forEach(k -> assertThat(said).as(u.text()).doesNotContain(k));
                }
            }
        }
    }

    @Test
    void conversationRequestsKeepTheTurnOpenAndAreNotScored() {
        EngineSimulation sim = new EngineSimulation(BACKEND, Level.JUNIOR, UUID.randomUUID());
        sim.runTo(SimulatedCandidate.STRONG, 1);
        InterviewEngine e = sim.engine;
        AskedQuestion q = e.lastUtterance().question();
        RoleTemplate.Question bank = BACKEND.question(q.bankId()).orElseThrow();
        double ability = e.ability().overall();

        Step repeat = e.handle(new EngineInput.Answer("Sorry, could you repeat the question?"));
        assertThat(repeat.utterance().kind()).isEqualTo(UtteranceKind.REPEAT);
        assertThat(repeat.utterance().text()).contains(bank.text());
        assertThat(repeat.asked()).isNull();
        assertThat(repeat.answered()).isNull();

        Step clarify = e.handle(new EngineInput.Answer("What do you mean exactly?"));
        assertThat(clarify.utterance().kind()).isEqualTo(UtteranceKind.CLARIFICATION);
        assertThat(clarify.utterance().text()).contains(bank.clarification());

        Step empty = e.handle(new EngineInput.Answer("   uh  "));
        assertThat(empty.utterance().kind()).isEqualTo(UtteranceKind.NOT_CAUGHT);
        assertThat(empty.utterance().text()).contains("didn't catch");
        Step silence = e.handle(new EngineInput.Silence());
        assertThat(silence.utterance().kind()).isEqualTo(UtteranceKind.NOT_CAUGHT);

        Step defer = e.handle(new EngineInput.Answer("Before that, what are the next steps in the process?"));
        assertThat(defer.utterance().kind()).isEqualTo(UtteranceKind.DEFERRAL);
        assertThat(defer.utterance().seq()).isEqualTo(q.seq());
        assertThat(e.ability().overall()).isEqualTo(ability);

        Step idk = e.handle(new EngineInput.Answer("Honestly, I don't know."));
        assertThat(idk.answered().intent()).isEqualTo(Intent.DONT_KNOW);
        assertThat(idk.answered().score()).isNull();
        assertThat(idk.utterance().kind()).isEqualTo(UtteranceKind.QUESTION);
        assertThat(idk.utterance().text()).containsAnyOf("fine", "No problem", "okay", "Fair enough");
        // "I don't know" lowers the estimate, but less than a wrong answer at the same difficulty would
        double afterIdk = e.ability().overall();
        assertThat(afterIdk).isLessThan(ability);
        AbilityEstimate start = AbilityEstimate.initial(BACKEND, Level.JUNIOR);
        double wrong = start.update(q.dimensions(), 0.0, q.difficulty(), 1.0).of(q.dimensions());
        double dontKnow = start.update(q.dimensions(), 0.0, q.difficulty(), 0.5).of(q.dimensions());
        assertThat(dontKnow).isGreaterThan(wrong);
    }

    @Test
    void aSilentCandidateIsNeverScoredAndTheInterviewStillEnds() {
        EngineSimulation silent = EngineSimulation.run(BACKEND, Level.MID, UUID.randomUUID(), SimulatedCandidate.SILENT);
        assertThat(silent.engine.isDone()).isTrue();
        assertThat(silent.answered()).allSatisfy(a -> assertThat(a.score()).isNull());
        assertThat(silent.engine.ability().overall()).isEqualTo(AbilityEstimate.initial(BACKEND, Level.MID).prior());
        assertThat(silent.utterances().stream().filter(u -> u.kind() == UtteranceKind.NOT_CAUGHT)).isNotEmpty();
    }

    @Test
    void questionsAboutTheRoleAreAnsweredFromTheAboutSectionOrPassedOnToTheRecruiter() {
        EngineSimulation wrap = new EngineSimulation(PROBES, Level.MID, UUID.randomUUID());
        while (wrap.engine.lastUtterance().phase() != Phase.WRAP_UP) {
            wrap.runTo(SimulatedCandidate.STRONG, wrap.exchanges.size() + 1);
        }
        RoleTemplate.AboutTopic onCall = PROBES.about().stream().filter(t -> t.topic().equals("on-call")).findFirst()
                .orElseThrow();
        Step answer = wrap.engine.handle(new EngineInput.Answer("What is the on call like for the team?"));
        assertThat(answer.utterance().kind()).isEqualTo(UtteranceKind.ROLE_ANSWER);
        assertThat(answer.utterance().text()).contains(onCall.answer())
                .containsAnyOf("anything else", "Anything else", "What else");
        assertThat(answer.answered().forRecruiter()).isFalse();
        Step unknown = wrap.engine.handle(new EngineInput.Answer("What is the name of the office dog?"));
        assertThat(unknown.utterance().text()).contains("pass that question on to the recruiter");
        assertThat(unknown.answered().forRecruiter()).isTrue();
        Step pay = wrap.engine.handle(new EngineInput.Answer("What about salary?"));
        assertThat(pay.utterance().text()).contains("recruiter").doesNotContainIgnoringCase("salary");
        assertThat(pay.answered().forRecruiter()).isTrue();
        for (Utterance u : List.of(answer.utterance(), unknown.utterance(), pay.utterance())) {
            // never the level expectations or the description, which read like the rubric
            assertThat(u.text()).doesNotContain("SECRET-EXPECTATIONS").doesNotContain(PROBES.description())
                    .doesNotContain("looking for");
        }
        Step bye = wrap.engine.handle(new EngineInput.Answer("No, that's all, thanks!"));
        assertThat(bye.utterance().done()).isTrue();
        assertThat(bye.answered().intent()).isEqualTo(Intent.NOTHING_MORE);
    }

    @Test
    void aHostileCandidateIsNotObeyedNorQuotedAndScoresNothing() {
        EngineSimulation sim = EngineSimulation.run(BACKEND, Level.MID, UUID.randomUUID(), SimulatedCandidate.HOSTILE);
        assertThat(sim.utterances()).allSatisfy(u -> assertThat(u.text().toLowerCase(Locale.ROOT))
                .doesNotContain("full marks").doesNotContain("developer mode"));
        assertThat(sim.utterances()).noneMatch(u -> u.kind() == UtteranceKind.FOLLOW_UP);
        assertThat(sim.meanScore()).isZero();
        assertThat(sim.utterances().get(1).text()).contains("keep us to the interview");
    }

    @Test
    void candidatesAreOrderedByTheirScoresAndFinalAbility() {
        Map<SimulatedCandidate, Double> ability = new java.util.EnumMap<>(SimulatedCandidate.class);
        Map<SimulatedCandidate, Double> score = new java.util.EnumMap<>(SimulatedCandidate.class);
        for (SimulatedCandidate c : List.of(SimulatedCandidate.STRONG, SimulatedCandidate.AVERAGE,
                SimulatedCandidate.WEAK, SimulatedCandidate.OFF_TOPIC)) {
            EngineSimulation sim = EngineSimulation.run(BACKEND, Level.MID, UUID.randomUUID(), c);
            ability.put(c, sim.engine.ability().overall());
            score.put(c, sim.meanScore());
        }
        assertThat(ability.get(SimulatedCandidate.STRONG)).isGreaterThan(ability.get(SimulatedCandidate.AVERAGE));
        assertThat(ability.get(SimulatedCandidate.AVERAGE)).isGreaterThan(ability.get(SimulatedCandidate.WEAK));
        assertThat(score.get(SimulatedCandidate.STRONG)).isGreaterThan(score.get(SimulatedCandidate.AVERAGE));
        assertThat(score.get(SimulatedCandidate.AVERAGE)).isGreaterThan(score.get(SimulatedCandidate.WEAK));
        assertThat(score.get(SimulatedCandidate.WEAK)).isGreaterThanOrEqualTo(score.get(SimulatedCandidate.OFF_TOPIC));
    }

    @Test
    void aRestoredSnapshotCarriesOnExactlyWhereTheOriginalWould() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        UUID id = UUID.randomUUID();
        EngineSimulation original = new EngineSimulation(BACKEND, Level.MID, id);
        original.runTo(SimulatedCandidate.AVERAGE, 6);
        String stored = json.writeValueAsString(original.engine.snapshot());
        EngineSnapshot snapshot = json.readValue(stored, EngineSnapshot.class);
        assertThat(snapshot).isEqualTo(original.engine.snapshot());

        MutableClock clock = new MutableClock(original.clock.instant());
        InterviewEngine restored = InterviewEngine.restore(BACKEND, Level.MID, id, "Grace Hopper",
                EngineSettings.defaults(), new KeywordAssessor(), new OfflineReplyGenerator(), clock, snapshot);
        assertThat(restored.handle(new EngineInput.Start()).utterance()).isEqualTo(original.engine.lastUtterance());
        List<Utterance> a = new ArrayList<>();
        List<Utterance> b = new ArrayList<>();
        for (int i = 0; i < 8 && !original.engine.isDone(); i++) {
            String answer = SimulatedCandidate.AVERAGE.answer(original.engine.lastUtterance().question(), i);
            original.clock.advance(Duration.ofSeconds(100));
            clock.advance(Duration.ofSeconds(100));
            a.add(original.engine.handle(new EngineInput.Answer(answer)).utterance());
            b.add(restored.handle(new EngineInput.Answer(answer)).utterance());
        }
        assertThat(b).isEqualTo(a);
    }
}
