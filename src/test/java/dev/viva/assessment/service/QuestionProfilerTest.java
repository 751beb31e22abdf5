package dev.viva.assessment.service;

import dev.viva.assessment.Embedders;
import dev.viva.assessment.QuestionSpec;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;
import dev.viva.testing.Roles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionProfilerTest {

    static final RoleTemplate backend = Roles.shipped("backend-engineer");
    static final QuestionProfiler PROFILER = new QuestionProfiler(Embedders.SHARED);

    private static QuestionKind kindOf(String question) {
        return PROFILER.profile(backend, question, null, null).kind();
    }

    private static void readAs(QuestionKind kind, String... questions) {
        for (String q : questions) {
            assertThat(kindOf(q)).as(q).isEqualTo(kind);
        }
    }

    @Test
    void anIntroductionIsNotAnExamQuestion() {
        QuestionSpec spec = PROFILER.profile(backend, "Great to meet you. Walk me through your most recent project.", null, null);
        assertThat(spec.kind()).isEqualTo(QuestionKind.CONVERSATIONAL);
        // its domain is the role's distinctive vocabulary: a word one technical question uses, not one that a dozen do
        assertThat(spec.domain().split(" ")).contains("tuples", "immutability").doesNotContain("database", "request");
        assertThat(QuestionSpec.of(backend, backend.question("be-intro-background").orElseThrow()).domain())
                .isEqualTo(spec.domain());
        assertThat(kindOf("Tell me about a time you disagreed with a teammate."))
                .isEqualTo(QuestionKind.BEHAVIOURAL);
        assertThat(kindOf("How would you cache a slow endpoint?"))
                .isEqualTo(QuestionKind.TECHNICAL);
        // an imported transcript's own wrap-up is the candidate's turn too
        assertThat(kindOf("Great talking to you. What questions do you have for me?")).isEqualTo(QuestionKind.CONVERSATIONAL);
        for (String q : List.of("We're nearly out of time. Any questions from your end?",
                "Is there anything we haven't talked about that you want to mention?",
                "That's all from me. Anything else you would like to add?",
                "We're at time. Is there anything you'd like to say or ask?",
                "Looks like we're done. Anything else you want to say before we finish?")) {
            assertThat(QuestionProfiler.WRAP_UP.matcher(q).find()).as(q).isTrue();
        }
        // adding to one answer is not the candidate's turn at the end
        assertThat(QuestionProfiler.WRAP_UP.matcher("Anything you'd like to add about the cache's eviction?").find()).isFalse();
        assertThat(kindOf("Anything you'd like to add about the cache's eviction?")).isEqualTo(QuestionKind.TECHNICAL);
    }

    @Test
    void aQuestionAboutTheCandidatesOwnRecentWorkIsAnIntroductionHoweverItIsWorded() {
        readAs(QuestionKind.CONVERSATIONAL, "So, what's the latest feature you've released?",
                "Walk us through the most recent service your team launched.",
                "What's the last pipeline you built end to end?",
                "Tell me what you've been up to at work.",
                "What are you working on at the moment?",
                "What has been keeping you busy? What have you been building?",
                "Describe your current project that you're leading.",
                "Tell me about your proudest achievement.",
                "Why are you interested in this position?",
                "What was your role in your last team?");
        // the same words about the technology rather than the candidate's work stay exam questions
        readAs(QuestionKind.TECHNICAL, "What changed in the most recent version of HTTP?",
                "How would you roll back the latest release if error rates spike?",
                "What is the current best practice for storing passwords?");
    }

    @Test
    void aStoryIsAskedForInManyWords() {
        readAs(QuestionKind.BEHAVIOURAL, "Describe a situation where you had to push back on a product manager.",
                "Can you share an example of when you had to learn a new technology quickly?",
                "Have you ever had to deliver bad news to a stakeholder? How did it go?",
                "Describe a project that didn't go as planned.",
                "Give me an example of how you handled competing priorities.",
                "Walk me through a difficult decision you made as a tech lead.",
                "Tell me about the last time a code review of yours turned into a long argument.",
                "Describe the first time you were paged for something you had shipped yourself.");
        // something that turned out badly is a story, whichever bank questions the words resemble
        String disappointed = "Tell me about a migration that disappointed everyone once it was live.";
        assertThat(PROFILER.profile(Roles.shipped("frontend-engineer"), disappointed, null, null).kind())
                .isEqualTo(QuestionKind.BEHAVIOURAL);
        // the bug the candidate remembers is told as what happened, like the bank's "a time you were stuck on a
        // problem"; how a kind of bug is tracked down is a technical question
        assertThat(kindOf("What's the hardest bug you've ever tracked down?"))
                .isEqualTo(QuestionKind.BEHAVIOURAL);
        assertThat(kindOf("How do you track down a memory leak in a Python worker?")).isEqualTo(QuestionKind.TECHNICAL);
        assertThat(kindOf("What questions can I answer for you?"))
                .isEqualTo(QuestionKind.CONVERSATIONAL);
    }

    @Test
    void anOpeningAboutTheCandidatesJobPathOrMotivationIsAnIntroduction() {
        readAs(QuestionKind.CONVERSATIONAL, "How did you first get into backend work?",
                "What's a regular week at your present company like?",
                "Where do you fit on the team you're on now?",
                "What brought you to apply for this role?",
                "Give me the quick version of your career.",
                "What does your engineering work look like day to day?");
        assertThat(kindOf("Alright, that's all from me. What's on your mind?"))
                .isEqualTo(QuestionKind.CONVERSATIONAL);
        assertThat(kindOf("That's my side covered. Is there something about us you'd want to ask?"))
                .isEqualTo(QuestionKind.CONVERSATIONAL);
    }

    @Test
    void aQuestionWhoseAskNamesNoTopicIsAboutWhatCameBeforeIt() {
        // "What's your take?" alone says nothing; the vote would go to whatever bank question is most like "take"
        assertThat(kindOf("A teammate wants every SQLAlchemy query to run inside one long session shared across "
                + "requests, to save connections. What's your take?")).isEqualTo(QuestionKind.TECHNICAL);
        assertThat(kindOf("A colleague says an API should answer 200 with an error message inside when the database "
                + "is down, so clients never see a failure. What would you say to that?")).isEqualTo(QuestionKind.TECHNICAL);
    }

    @Test
    void howSomethingTheCandidateMentionedWentIsAStory() {
        readAs(QuestionKind.BEHAVIOURAL,
                "You mentioned you argued for rewriting the billing service in Go. How did it turn out?",
                "You said your team moved off Jenkins last spring. Walk me through what happened.",
                "Earlier you said the on-call rota was your idea. How did you get that to work?",
                "You mentioned the outage on Black Friday. What was your own role in it?",
                "You said the release train kept slipping. Talk me through what you did.",
                "You mentioned QA refused to sign off on the release. Tell me how you dealt with that.",
                "Earlier you said you wrote the new logging library. How did you get the other squads to use it?");
        // what the thing is or how it works stays technical
        assertThat(kindOf("You mentioned you moved the jobs to Kubernetes. How did you size the pods?"))
                .isEqualTo(QuestionKind.TECHNICAL);
    }

    @Test
    void aFollowUpOnWhatTheCandidateSaidIsAboutThatThingUnlessItIsAboutPeople() {
        assertThat(kindOf("You mentioned Celery workers earlier. How did you handle tasks that failed "
                + "halfway through?")).isEqualTo(QuestionKind.TECHNICAL);
        assertThat(kindOf("You said you led that migration. How did you convince the other team to "
                + "adopt it?")).isEqualTo(QuestionKind.BEHAVIOURAL);
        assertThat(kindOf("How do you deal with a manager who keeps moving the deadline?")).isEqualTo(QuestionKind.BEHAVIOURAL);
        assertThat(kindOf("Let's try a design exercise. How would you build a URL shortener?")).isEqualTo(QuestionKind.TECHNICAL);
        assertThat(kindOf("You mentioned the API rewrite. Tell me about a time a release you owned went out late."))
                .as("asked outright for a story").isEqualTo(QuestionKind.BEHAVIOURAL);
        assertThat(kindOf("You said you own the payments tests. Walk me through a time something slipped past them."))
                .as("asked outright for a story").isEqualTo(QuestionKind.BEHAVIOURAL);
        assertThat(kindOf("You mentioned the billing rewrite was cancelled halfway. What went on there, and what was "
                + "your part in it?")).as("their own conduct in what happened").isEqualTo(QuestionKind.BEHAVIOURAL);
        assertThat(kindOf("You mentioned the data-loss scare on your old team. What did you personally do?"))
                .as("what they did in an event they brought up").isEqualTo(QuestionKind.BEHAVIOURAL);
        assertThat(kindOf("You used a reducer instead of useState in your take-home solution. Why?"))
                .as("a choice in the candidate's own work").isEqualTo(QuestionKind.TECHNICAL);
    }

    @Test
    void aScenarioPutToTheCandidateIsAProblemToSolveNotAStory() {
        readAs(QuestionKind.TECHNICAL,
                "Our nightly import job took the read replica down last Tuesday. What would you change so it can't "
                        + "happen again?",
                "Search got twice as slow after the last release. Walk me through how you'd investigate.",
                "We need a job scheduler for a few thousand tenants. Sketch how you'd build it.",
                "Our queue backs up every Friday afternoon and the emails go out late. How would you work out what's "
                        + "going on?",
                "The export endpoint used to answer in a second and now times out for big accounts. Where do you look "
                        + "first?",
                "Half the test runs on the build farm hang since Monday. What would you check first?",
                // how they run, deploy or evaluate something, even in their own system
                "What made you choose Kafka rather than RabbitMQ for the event bus?",
                "How do you monitor the scheduled tasks in your present system?",
                // a term to define, even with a question about their own team after it
                "What do you mean by error budget, and how does your team spend it?",
                // a mechanism asked about, and how to deal with a situation in a system rather than with people
                "Two services both bump the same schema version on their own branches. What happens when both are "
                        + "released, and how do you deal with it?",
                "What does a covering index give you, and can you give an example where you'd reach for one?");
        readAs(QuestionKind.BEHAVIOURAL,
                "How do you deal with it when a product manager changes the scope mid-sprint?",
                "Give me an example where you disagreed with a reviewer.");
        // the same conditional about a colleague's conduct stays a question about the candidate's own
        readAs(QuestionKind.BEHAVIOURAL,
                "A teammate keeps missing code review deadlines and the whole release slips. What would you do?",
                "A new colleague keeps asking you the same questions every day. What would you do?");
    }

    @Test
    void aQuestionNoWordingGivesAwayTakesTheKindOfTheBankQuestionsMostLikeIt() {
        // none of the introduction or story phrases match these; the bank's own introductions and stories do
        assertThat(kindOf("Which bit of the backend you look after are you proudest of?")).isEqualTo(QuestionKind.CONVERSATIONAL);
        assertThat(kindOf("What does connection pooling buy a FastAPI service?"))
                .isEqualTo(QuestionKind.TECHNICAL);
    }

    @Test
    void aRewordedBankQuestionTakesTheBankRubricAndAnyOtherTheDomainOnly() {
        RoleTemplate.Question bank = backend.question("be-jr-list-tuple").orElseThrow();
        QuestionSpec reworded = PROFILER.profile(backend,
                "What is the difference between a Python list and a tuple, and when do you choose a tuple?", null, null);
        assertThat(reworded.keyPoints()).isEqualTo(bank.keyPoints());
        assertThat(reworded.idealAnswer()).isEqualTo(bank.idealAnswer());

        QuestionSpec other = PROFILER.profile(backend, "You mentioned connection pooling: how do you size the pool?", null, null);
        assertThat(other.keyPoints()).isEmpty();
        assertThat(other.domain()).isNotBlank();
    }

    @Test
    void importedKeyPointsAreToldApartIntoFactsAndCriteria() {
        QuestionSpec spec = PROFILER.profile(backend, "How do you roll out a risky schema change?",
                List.of("expand and contract: add the new column before removing the old", "describes a concrete situation"),
                null);
        assertThat(spec.keyPoints()).containsExactly("expand and contract: add the new column before removing the old");
        assertThat(spec.criteria()).containsExactly("describes a concrete situation");
    }
}
