package dev.viva.interviewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
        assertThat(s.getLast()).isGreaterThan(s.getFirst());
        assertThat(w.getLast()).isLessThan(w.getFirst());
        assertThat(s.stream().mapToInt(Integer::intValue).max().getAsInt()).isEqualTo(5);
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

        EngineSimulation late = new EngineSimulation(BACKEND, Level.MID, UUID.randomUUID());
        late.runTo(SimulatedCandidate.AVERAGE, 3);
        late.clock.advance(Duration.between(late.clock.instant(),
                EngineSimulation.T0.plus(Duration.ofMinutes(BACKEND.totalMinutes() - 2))));
        Step wrap = late.engine.handle(new EngineInput.Answer("I would add an index and measure again."));
        assertThat(wrap.utterance().phase()).isEqualTo(Phase.WRAP_UP);
        assertThat(wrap.utterance().text()).contains("close to time");
    }

    @Test
    void followUpsQuoteTheCandidatesOwnWordsAndCompleteAnswersAreNotFollowedUp() {
        EngineSimulation avg = EngineSimulation.run(BACKEND, Level.MID, UUID.randomUUID(), SimulatedCandidate.AVERAGE);
        int followUps = 0;
        for (EngineSimulation.Exchange e : avg.exchanges) {
            if (e.step().utterance().kind() == UtteranceKind.FOLLOW_UP) {
                followUps++;
                Matcher m = QUOTE.matcher(e.step().utterance().text());
                assertThat(m.find()).as(e.step().utterance().text()).isTrue();
                assertThat(e.answer()).contains(m.group(1));
            }
        }
        assertThat(followUps).isGreaterThanOrEqualTo(3);

        EngineSimulation strong = EngineSimulation.run(BACKEND, Level.MID, UUID.randomUUID(), SimulatedCandidate.STRONG);
        assertThat(strong.utterances()).noneMatch(u -> u.kind() == UtteranceKind.FOLLOW_UP
                || u.kind() == UtteranceKind.HINT);
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
        EngineSimulation a = EngineSimulation.run(BACKEND, Level.MID, UUID.randomUUID(), SimulatedCandidate.AVERAGE);
        EngineSimulation b = EngineSimulation.run(BACKEND, Level.MID, UUID.randomUUID(), SimulatedCandidate.AVERAGE);
        List<String> fa = a.utterances().stream().filter(u -> u.kind() == UtteranceKind.FOLLOW_UP).map(Utterance::text).toList();
        List<String> fb = b.utterances().stream().filter(u -> u.kind() == UtteranceKind.FOLLOW_UP).map(Utterance::text).toList();
        assertThat(fa).isNotEmpty();
        assertThat(fa).isNotEqualTo(fb);
        // and the same interview always reads the same
        UUID id = UUID.randomUUID();
        assertThat(EngineSimulation.run(BACKEND, Level.MID, id, SimulatedCandidate.AVERAGE).utterances())
                .isEqualTo(EngineSimulation.run(BACKEND, Level.MID, id, SimulatedCandidate.AVERAGE).utterances());
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
    void questionsAboutTheRoleAreAnsweredAtWrapUp() {
        EngineSimulation sim = new EngineSimulation(BACKEND, Level.MID, UUID.randomUUID());
        sim.runTo(SimulatedCandidate.AVERAGE, 200);
        // rerun to the wrap-up question only, then ask about the role
        EngineSimulation wrap = new EngineSimulation(BACKEND, Level.MID, UUID.randomUUID());
        while (wrap.engine.lastUtterance().phase() != Phase.WRAP_UP) {
            wrap.runTo(SimulatedCandidate.STRONG, wrap.exchanges.size() + 1);
        }
        Step answer = wrap.engine.handle(new EngineInput.Answer("What would the team work on day to day?"));
        assertThat(answer.utterance().kind()).isEqualTo(UtteranceKind.ROLE_ANSWER);
        assertThat(answer.utterance().text()).contains(BACKEND.name())
                .containsAnyOf("anything else", "Anything else", "What else");
        Step pay = wrap.engine.handle(new EngineInput.Answer("What about salary?"));
        assertThat(pay.utterance().text()).contains("recruiter").doesNotContainIgnoringCase("salary");
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
