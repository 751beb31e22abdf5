package dev.viva.assessment.signal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CuesTest {

    private static boolean declines(String answer) {
        return Cues.find(answer, Set.of()).stream().anyMatch(m -> m.kind() == Cues.Kind.DONT_KNOW);
    }

    @Test
    void passingAnArgumentIsNotDecliningTheQuestion() {
        assertThat(declines("pass by reference avoids copying large objects")).isFalse();
        assertThat(declines("you have to pass the head pointer to the function")).isFalse();
        assertThat(declines("I'd pass the session into the endpoint as a dependency")).isFalse();
        assertThat(declines("I'll pass the request id down to every service")).isFalse();
        assertThat(declines("honestly I'll pass on this one")).isTrue();
        assertThat(declines("I'll pass.")).isTrue();
        assertThat(declines("i don't know")).isTrue();
    }

    private static List<String> tech(String answer) {
        return Cues.find(answer, Set.of()).stream().filter(m -> m.kind() == Cues.Kind.TECH).map(m -> m.span().text()).toList();
    }

    @Test
    void aTermUsedAsAnOrdinaryVerbIsNotATechnology() {
        assertThat(tech("I can recall a project on AWS")).containsExactly("AWS");
        assertThat(tech("we trade precision for recall, and I ran EXPLAIN ANALYZE")).contains("recall", "EXPLAIN", "ANALYZE");
    }

    @Test
    void aProductNameThatSpeechRecognitionSplitIsOneTechnology() {
        assertThat(tech("the screens are in swift ui and the cache in core data")).containsExactly("swift ui", "core data");
        assertThat(tech("a next js app")).containsExactly("next js");
        // two known names side by side stay two
        assertThat(tech("react redux")).containsExactly("react", "redux");
    }

    @Test
    void aClaimNamedAsSomethingToAvoidIsRejectedNotMade() {
        String avoid = "What you must avoid is every request firing its own refresh.";
        assertThat(Cues.refutes(avoid, avoid.indexOf("every"), avoid.length() - 1)).isTrue();
        String risk = "The risk is that the stub drifts from the real API.";
        assertThat(Cues.refutes(risk, risk.indexOf("the stub"), risk.length() - 1)).isTrue();
        String plain = "Every request fires its own refresh.";
        assertThat(Cues.refutes(plain, 0, plain.length() - 1)).isFalse();
        // what the candidate does instead of the claim; "instead of" with a word or two after it is the claim's own
        String instead = "I let the compiler catch off-main updates instead of sprinkling DispatchQueue.main.async around.";
        assertThat(Cues.refutes(instead, instead.indexOf("sprinkling"), instead.length() - 1)).isTrue();
        String holds = "Use tuples everywhere instead of lists, they are always faster.";
        assertThat(Cues.refutes(holds, 0, holds.length() - 1)).isFalse();
        // named as what people get wrong, or turned round
        String seen = "A mistake I see a lot is caching every response because memory is cheap.";
        assertThat(Cues.rejects(seen, seen.indexOf("caching"), seen.length() - 1)).isTrue();
        String round = "Teams have it the other way round when they say retries make an outage safer.";
        assertThat(Cues.rejects(round, round.indexOf("retries make"), round.length() - 1)).isTrue();
    }

    @Test
    void aDenialIsMatchedByTheSameKindOfDenial() {
        String myth = "a message queue never loses a message once it is acknowledged";
        assertThat(Cues.deniesAlike(myth, "once acknowledged, the queue never loses it")).isTrue();
        // negated, but not as the myth is: it says something else
        assertThat(Cues.deniesAlike(myth, "acks are retried, so a message doesn't sit in the queue forever")).isFalse();
        assertThat(Cues.deniesAlike("goroutines cannot leak", "a goroutine can't leak")).isTrue();
        // a claim that denies only by calling something wrong is matched by any negation
        assertThat(Cues.deniesAlike("indexing foreign keys is wrong", "you don't index foreign keys")).isTrue();
    }

    @Test
    void anApproachFoundWantingIsRejectedAndADenialIsRejectedOnlyOutright() {
        String wanting = "A fixed CPU threshold for autoscaling is too slow for bursty traffic, so we scale on queue depth.";
        assertThat(Cues.refutes(wanting, 0, wanting.indexOf(" is too"))).isTrue();
        // a claim that denies something carries its own negation: only words that reject a claim outright reject it
        String denial = "Goroutines can't leak because the runtime collects them.";
        assertThat(Cues.refutes(denial, 0, denial.length() - 1)).isFalse();
        assertThat(Cues.rejects(denial, 0, denial.length() - 1)).isFalse();
        String rejected = "People often say goroutines can't leak, but that's not true: a blocked one lives forever.";
        assertThat(Cues.rejects(rejected, rejected.indexOf("goroutines"), rejected.indexOf(", but"))).isTrue();
        String misread = "The usual misreading is that a p-value is the chance the null hypothesis is true.";
        assertThat(Cues.rejects(misread, misread.indexOf("a p-value"), misread.length() - 1)).isTrue();
        // a claim framed as the first guess a correction follows
        for (String framed : List.of("It's tempting to say a bigger pool always helps, but past the core count it "
                        + "only adds contention.", "You'd think a retry makes the call safe; it does only if the call is "
                        + "idempotent.", "The naive answer is that a bigger pool always helps.")) {
            int at = framed.indexOf(framed.contains("retry") ? "a retry" : "a bigger");
            assertThat(Cues.rejects(framed, at, framed.indexOf(framed.contains("retry") ? ";" : "helps") + 5)).as(framed)
                    .isTrue();
        }
        // or as the move everyone makes first, or one that only looks right
        String instinct = "The first instinct is to raise the sleep to five seconds, and it only hides the race.";
        assertThat(Cues.rejects(instinct, instinct.indexOf("to raise"), instinct.indexOf(", and"))).isTrue();
        String tempting = "Copying the absolute XPath from the browser is tempting, because it works today.";
        assertThat(Cues.refutes(tempting, 0, tempting.indexOf(" is tempting"))).isTrue();
        String once = "Adding a column with a default rewrites the whole table; that used to be the case, before Postgres 11.";
        assertThat(Cues.rejects(once, 0, once.indexOf(";"))).isTrue();
        String statedFirst = "The obvious answer is an index on customer_id, and that is what I'd add.";
        assertThat(Cues.rejects(statedFirst, 0, statedFirst.length() - 1)).isFalse();
        // what a myth says happens by itself, denied
        String notFree = "Your own structs don't get copy-on-write for free: you implement it with isKnownUniquelyReferenced.";
        assertThat(Cues.refutes(notFree, 0, notFree.indexOf(":"))).isTrue();
    }

    @Test
    void aClaimDismissedByTheNextSentenceIsRefutedAndOneContinuedIsNot() {
        String asked = "We have an OpenAPI file, so that alone guarantees consumers won't break, right? No. A spec only "
                + "describes the provider.";
        int claim = asked.indexOf("that alone");
        assertThat(Cues.refutes(asked, claim, asked.indexOf(", right"))).isTrue();
        assertThat(Cues.rejects(asked, claim, asked.indexOf(", right"))).isTrue();
        String cannot = "Teams install a tracing agent and expect it to stitch requests across services. It can't. Each "
                + "service has to propagate the context.";
        assertThat(Cues.refutes(cannot, 0, cannot.indexOf(". It"))).isTrue();
        // a claim that is itself a denial is not corrected by another one
        assertThat(Cues.rejects(cannot, 0, cannot.indexOf(". It"))).isFalse();
        String unneeded = "Every method still wrapped its body in DispatchQueue.main.async, just in case. That isn't "
                + "needed: a main-actor method already runs on main.";
        assertThat(Cues.refutes(unneeded, 0, unneeded.indexOf(", just"))).isTrue();
        String conditional = "The usual belief is that the type's own method always wins. That's only true if the "
                + "protocol declares it.";
        assertThat(Cues.refutes(conditional, conditional.indexOf("the type's"), conditional.indexOf(". That"))).isTrue();
        String granted = "A conforming type's method always wins. That's only true if the protocol declares it.";
        assertThat(Cues.refutes(granted, 0, granted.indexOf(". That"))).isTrue();
        // the holder who goes on with a denial of their own has dismissed nothing
        String continued = "VoiceOver announces icons meaningfully by itself. You don't need to label them. It isn't hard.";
        assertThat(Cues.refutes(continued, 0, continued.indexOf(" by itself"))).isFalse();
    }

    @Test
    void aClaimCalledACommonMixUpOrWhatPeopleExpectOrGetWrongIsRefuted() {
        String mixUp = "'A high AUC means the probabilities are calibrated' is a common mix-up.";
        assertThat(Cues.rejects(mixUp, 1, mixUp.indexOf("' is"))).isTrue();
        String expect = "Some people would expect a central QA team to test everything before each release.";
        assertThat(Cues.rejects(expect, expect.indexOf("a central"), expect.length() - 1)).isTrue();
        String asserted = "The surprise is the opposite of what people expect: an extension method is always dispatched "
                + "dynamically.";
        assertThat(Cues.rejects(asserted, asserted.indexOf("an extension"), asserted.length() - 1)).isFalse();
        String wrong = "One thing teams get wrong is installing a tracing agent and expecting it to do the rest.";
        assertThat(Cues.rejects(wrong, wrong.indexOf("installing"), wrong.length() - 1)).isTrue();
        String sounds = "Running every test on every browser sounds thorough, but it multiplies the run time.";
        assertThat(Cues.refutes(sounds, 0, sounds.indexOf(" sounds"))).isTrue();
        // praise of what the candidate does is not a doubt about it
        String praised = "We run every test on every browser, which sounds expensive but our grid is fast.";
        assertThat(Cues.refutes(praised, 0, praised.indexOf(","))).isFalse();
    }

    @Test
    void numbersAreReadAsWrittenSoAnAnswerCanBeToldWhichTheQuestionGave() {
        assertThat(Cues.numbers("What is the N+1 query problem, and why does p99 double?")).contains("1", "p99");
        assertThat(Cues.numbers("ages from 18 to 65 inclusive")).containsExactlyInAnyOrder("18", "65");
        assertThat(Cues.numbers("How would you find the cause?")).isEmpty();
        // "the two" points back at things named before; "two weeks" quantifies
        assertThat(Cues.numbers("get the right balance between the two")).isEmpty();
        assertThat(Cues.numbers("it took two weeks")).containsExactly("two");
    }

    /** A myth that says "no" as a determiner still names a claim that a refutation can reject. */
    @Test
    void aDeterminerIsNotANegation() {
        assertThat(Cues.negates("a left join removes rows that have no match")).isFalse();
        assertThat(Cues.negates("const doesn't make an object immutable")).isTrue();
        assertThat(Cues.negates("a backup that has never been restored is good enough")).isTrue();
    }

    private static List<String> glib(String answer) {
        return Cues.find(answer, Set.of()).stream().filter(m -> m.kind() == Cues.Kind.GLIB).map(m -> m.span().text()).toList();
    }

    @Test
    void wordsThatMakeAClaimSoundSettledAreGlibAndExplanationsAreNot() {
        assertThat(glib("Honestly it's basically free, the framework just handles it automatically, no locking needed."))
                .containsExactly("Honestly", "basically", "just", "automatically", "no locking needed");
        assertThat(glib("That's the standard way, best practice really.")).containsExactly("the standard way",
                "best practice", "really");
        // an absolute settles what an explanation would qualify
        assertThat(glib("It always runs in parallel, so ordering is guaranteed and the lock is completely safe."))
                .containsExactly("always", "guaranteed", "completely");
        assertThat(glib("Each insert also updates every index on the table, so writes slow down as indexes are added."))
                .isEmpty();
    }

    @Test
    void namesOfProductsAndMethodsLookNamed() {
        assertThat(List.of("LambdaMART", "NDCG", "BM25", "OpenShift", "PyTorch", "EC2"))
                .allMatch(w -> w.equals(Cues.name(w)));
        assertThat(Cues.name("NDCG,")).isEqualTo("NDCG");
        assertThat(List.of("The", "Indexes", "PM", "ok", "p95", "PM.")).map(Cues::name).allMatch(Objects::isNull);
    }

    /** Speech recognition and people writing as they speak spell numbers out. */
    @Test
    void numbersSpelledOutAreNumbers() {
        assertThat(Cues.numbers("the check went from forty-eight minutes to eleven across six runners"))
                .containsExactlyInAnyOrder("forty-eight", "eleven", "six");
        assertThat(Cues.numbers("one of the services")).isEmpty();
        assertThat(Cues.numbers("waste fell by about a fifth, and builds got threefold faster"))
                .containsExactlyInAnyOrder("a fifth", "threefold");
    }
}
