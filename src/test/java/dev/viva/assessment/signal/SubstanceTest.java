package dev.viva.assessment.signal;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubstanceTest {

    static final String QUESTION = "How does a message queue help decouple two services?";

    @Test
    void anAnswerThatTurnsTheQuestionBackIsAnEcho() {
        Substance echo = Substance.of("A message queue helps decouple two services because the services are decoupled "
                + "by the queue.", QUESTION, Set.of());
        assertThat(echo.echoesQuestion()).isTrue();
        assertThat(echo.novel()).isLessThan(4);
    }

    @Test
    void anAnswerThatSaysItsFewWordsOverAndOverSaysLittleNewWhereAnExplanationOfTheSameLengthDoesNot() {
        Substance circling = Substance.of("Well, the queue sits in the middle, so the producer sends to the queue and "
                + "the consumer reads from the queue, and because the queue is in the middle the producer and the "
                + "consumer don't depend on each other, the queue is what sits between the producer and consumer, so the "
                + "producer and the consumer are decoupled by the queue.",
                QUESTION, Set.of());
        Substance explaining = Substance.of("The producer only needs the broker to be up: if the consumer is down for a "
                + "deploy, messages wait in RabbitMQ and are delivered later, and we can add consumers when the backlog "
                + "grows without touching the producer; a dead-letter queue keeps poison messages aside for a person "
                + "to inspect.", QUESTION, Set.of());
        assertThat(circling.contentWords()).isBetween(Substance.SPARSE_FROM, Substance.SPARSE_UNTIL - 1);
        assertThat(circling.saysLittleNew()).isTrue();
        assertThat(explaining.contentWords()).isBetween(Substance.SPARSE_FROM, Substance.SPARSE_UNTIL - 1);
        assertThat(explaining.saysLittleNew()).isFalse();
    }

    @Test
    void newTermsAndReasonsAreCounted() {
        Substance deep = Substance.of("The producer only needs the broker to be up, so if the consumer is down for a "
                + "deploy the messages wait in RabbitMQ; with a dead-letter queue and idempotent handlers a retry does "
                + "no harm, which means we can scale consumers independently.", QUESTION, Set.of(Text.stem("broker")));
        assertThat(deep.echoesQuestion()).isFalse();
        assertThat(deep.domainTerms()).contains("rabbitmq", Text.stem("broker"));
        assertThat(deep.reasoning()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTermDefinedByItselfGoesInACircleAndARealDefinitionDoesNot() {
        String question = "What does idempotency mean for an HTTP API?";
        assertThat(Substance.of("Idempotency is when the API is idempotent, so calling it is idempotent too.", question,
                Set.of()).circular()).isEqualTo(1);
        assertThat(Substance.of("Well, a deadlock is basically when things are deadlocked.",
                "What is a deadlock?", Set.of()).circular()).isEqualTo(1);
        // an acronym spelled out is the term again: it names the term without saying what it is
        // a preposition relating the term's own words adds nothing to it
        assertThat(Substance.of("So the latency-throughput trade-off is the trade-off between latency and throughput in a "
                + "system.", "What is the latency-throughput trade-off?", Set.of()).circular()).isEqualTo(1);
        assertThat(Substance.of("CSP is content security policy, so it's a policy for content.",
                "What does a CSP header protect against?", Set.of()).circular()).isEqualTo(1);
        assertThat(Substance.of("CSP is a response header listing the origins scripts may load from.",
                "What does a CSP header protect against?", Set.of()).circular()).isZero();
        assertThat(Substance.of("Idempotency means a repeated request has the same effect as a single one, so a client "
                + "can retry safely after a timeout.", question, Set.of()).circular()).isZero();
        // the term again, with what it is in other words, is a definition; so is naming it
        assertThat(Substance.of("Thread pools are pools, i.e. workers, that are reused across tasks.",
                "What is a thread pool?", Set.of()).circular()).isZero();
        assertThat(Substance.of("A thread pool is a pool of threads that are reused across tasks.",
                "What is a thread pool?", Set.of()).circular()).isZero();
        assertThat(Substance.of("Threads kept warm for many tasks are called a thread pool.",
                "What is a thread pool?", Set.of()).circular()).isZero();
        assertThat(Substance.of("The scope of a variable is the part of the program where the variable is visible.",
                "What is the scope of a variable?", Set.of()).circular()).isZero();
        // a gloss after "meaning" does not straighten a circle before it, and a real definition stays one with it
        assertThat(Substance.of("A memory leak is a leak of memory, meaning the app uses more over time.",
                "What is a memory leak?", Set.of()).circular()).isEqualTo(1);
        assertThat(Substance.of("A memory leak is memory the program keeps referencing but never uses again, meaning "
                + "the garbage collector cannot free it.", "What is a memory leak?", Set.of()).circular()).isZero();
    }

    @Test
    void aMethodThatOnlyNamesItsGoalAgainGoesInACircleAndOneThatNamesItsMeansDoesNot() {
        String question = "A nightly batch job now takes twice as long as last month. How would you find out why and speed it up?";
        assertThat(Substance.of("I'd find out why by checking what is making the job take longer, and I'd speed it up "
                + "by making the slow parts faster.", question, Set.of()).circular()).isEqualTo(2);
        // words the answer said before name no new means either
        assertThat(Substance.of("The export step got slower. To fix it I'd make the export step quicker.", question,
                Set.of()).circular()).isEqualTo(1);
        assertThat(Substance.of("I'd find out why by comparing each step's timings in the job log with last month's, and "
                + "I'd speed it up by adding an index on the join column.", question, Set.of()).circular()).isZero();
        assertThat(Substance.of("To fix it I'd use a profiler on the slowest step.", question, Set.of()).circular()).isZero();
        // a number or a technology is a means
        assertThat(Substance.of("I'd speed it up by making it check Redis first.", question, Set.of()).circular()).isZero();
    }

    @Test
    void anAnswerMadeOfWordsThatNameNoMeansSaysHowOnlyInGeneral() {
        String question = "Users report that search sometimes returns stale results. How would you track that down?";
        Substance general = Substance.of("So my approach would be to figure out what's actually causing the stale results. "
                + "I'd narrow down when it happens and what's different about those times, find the root cause, and then "
                + "fix it properly and make sure it doesn't come back again.", question, Set.of());
        assertThat(general.namesNoMeans()).isTrue();
        // the same shape with the means named: the index, its refresh, a number
        Substance specific = Substance.of("So my approach would be to figure out what's actually causing the stale results. "
                + "I'd compare the document's updated_at with when the indexer last consumed its change event, and check "
                + "whether the refresh interval is still 30 seconds.", question, Set.of());
        assertThat(specific.namesNoMeans()).isFalse();
        assertThat(specific.vacant()).isZero();
        // too short to judge this way
        assertThat(Substance.of("I'd find the cause and fix it.", question, Set.of()).namesNoMeans()).isFalse();
    }

    @Test
    void aLongParaphraseOfTheQuestionNamesNoMeansAtALowerShareThanAShortAnswer() {
        String question = "What would you check first if error rates spike right after a deploy, but only in one region?";
        Substance paraphrase = Substance.of("So what we have is a deploy and then the error rate spiking straight after "
                + "it, but only in one region and not everywhere else. So the first thing I'd do is work out what's "
                + "actually different about that one region compared to the others, because the deploy went out everywhere "
                + "and the errors only went up there. I'd look carefully into that region, talk it through with colleagues, "
                + "figure out what's causing the spike, and fix that, and then make sure the errors go back down.",
                question, Set.of());
        assertThat(paraphrase.contentWords()).isGreaterThanOrEqualTo(Substance.VACANT_LONG_FROM);
        assertThat(paraphrase.vacant()).isBetween(Substance.VACANT_LONG, Substance.VACANT);
        assertThat(paraphrase.namesNoMeans()).isTrue();
        // as large a share in a short answer is not enough: a short exam answer says little either way
        Substance brief = Substance.of("Right after the deploy the errors went up in that one region, so I'd compare "
                + "notes with colleagues and find what's different about the region.", question, Set.of());
        assertThat(brief.contentWords()).isLessThan(Substance.VACANT_LONG_FROM);
        assertThat(brief.vacant()).isBetween(Substance.VACANT_LONG, Substance.VACANT);
        assertThat(brief.namesNoMeans()).isFalse();
    }

    @Test
    void aPlanThatCouldBeAnyPlanNamesNoMeans() {
        String question = "Checkout p95 latency doubled last week. How would you bring it back down?";
        Substance plan = Substance.of("First I'd want to understand why it doubled, because you can't fix what you don't "
                + "understand. I'd set up monitoring, look at the metrics, identify the biggest opportunities and "
                + "prioritise them with the team, then make the improvements, measure again and keep iterating until we "
                + "hit the target, sharing progress with stakeholders along the way.", question, Set.of());
        assertThat(plan.contentWords()).isGreaterThanOrEqualTo(Substance.VACANT_LONG_FROM);
        assertThat(plan.namesNoMeans()).isTrue();
        // the same plan with what it would look at named is a plan for this system
        Substance named = Substance.of("First I'd want to understand why it doubled. I'd pull the slowest traces from "
                + "Jaeger, compare the spans before and after the deploy, and check whether the payment call or the "
                + "database is where the extra time goes, then fix that and measure again.", question, Set.of());
        assertThat(named.namesNoMeans()).isFalse();
    }

    @Test
    void termsJoinedByAndOrOrStandInAListAsMuchAsCommaSeparatedOnes() {
        Substance salad = Substance.of("Async/await, actors and Sendable, tasks or structured concurrency.",
                "How do you keep UI updates on the main thread?", Set.of());
        assertThat(salad.listed()).isGreaterThan(0.5);
        Substance clauses = Substance.of("The view model publishes on the main actor, so SwiftUI redraws safely and "
                + "the network layer never touches views.", "How do you keep UI updates on the main thread?", Set.of());
        assertThat(clauses.listed()).isZero();
    }

    @Test
    void termsWithTheirPurposeStillStandInAListButClausesDoNot() {
        String question = "How would you design live order tracking?";
        assertThat(Substance.of("Kafka for streaming, Redis for caching, WebSockets for real time, Kubernetes with "
                + "autoscaling.", question, Set.of()).listed()).isGreaterThan(0.9);
        assertThat(Substance.of("It sends a location, we store the latest, you push it out, they see the courier "
                + "move.", question, Set.of()).listed()).isZero();
    }

    @Test
    void anAcronymSpelledOutAddsNothingNew() {
        String question = "What is CORS and why does the browser enforce it?";
        assertThat(Substance.of("CORS is cross-origin resource sharing.", question, Set.of()).novel()).isZero();
    }
}
