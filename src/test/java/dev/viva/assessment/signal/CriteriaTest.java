package dev.viva.assessment.signal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CriteriaTest {

    static final String STORY = "Last spring our nightly invoice export started timing out for the biggest customer. "
            + "I profiled the job, found it loaded 2 million rows into memory, and I rewrote it to stream in batches "
            + "of 5,000. I walked the support lead through the change before release. The export went from 40 minutes "
            + "to 6, and no customer complained again. I learned to load-test jobs against our largest tenant.";
    static final String VAGUE = "I think it's important to stay calm and work as a team. Communication is key and "
            + "everyone should help each other.";

    @Test
    void tellsCriteriaFromFacts() {
        assertThat(Criteria.isCriterion("states the outcome and what they learned")).isTrue();
        assertThat(Criteria.isCriterion("names technologies used")).isTrue();
        assertThat(Criteria.isCriterion("tuples are hashable when their items are")).isFalse();
        assertThat(Criteria.split(List.of("describes a concrete situation", "an index speeds up lookups")))
                .containsExactly(List.of("an index speeds up lookups"), List.of("describes a concrete situation"));
    }

    @Test
    void aStoryMeetsTheCriteriaItsWordsNeverName() {
        for (String criterion : List.of("describes a concrete situation", "explains their own actions",
                "states the outcome", "reflects on what they learned", "describes how they communicated")) {
            Criteria.Judgement strong = Criteria.judge(criterion, STORY, Set.of());
            Criteria.Judgement weak = Criteria.judge(criterion, VAGUE, Set.of());
            assertThat(strong.met()).as(criterion).isGreaterThanOrEqualTo(0.6);
            assertThat(weak.met()).as(criterion).isLessThan(strong.met());
            assertThat(strong.evidence()).as(criterion).isNotNull();
        }
    }

    @Test
    void anOutcomeIsReadInNumbersInWordsAndInWhatWasPrevented() {
        assertThat(Criteria.outcome("The support tickets about it disappeared.")).isEqualTo(0.75);
        assertThat(Criteria.outcome("The suite caught two breaking changes before release.")).isEqualTo(1.0);
        assertThat(Criteria.outcome("It cut build times from 20 minutes to 6.")).isEqualTo(1.0);
        assertThat(Criteria.outcome("I work on the payments team with Kotlin.")).isZero();
    }

    @Test
    void technologiesAreCountedNotMatchedByWord() {
        assertThat(Criteria.judge("names technologies used", "I build APIs", Set.of()).met()).isZero();
        assertThat(Criteria.judge("names technologies used", "x", Set.of("django", "postgresql", "redis")).met()).isEqualTo(1.0);
    }

    @Test
    void aCriterionNoDetectorUnderstandsIsLeftToMeaning() {
        assertThat(Criteria.judge("is kind to animals", STORY, Set.of())).isNull();
    }

    /** A short, dense introduction: work in progress, a role stated as the candidate's own, irregular past verbs. */
    @Test
    void anIntroductionInThePresentTenseShowsRecentWorkAndTheCandidatesOwnRole() {
        String intro = "Lately I've been rebuilding our checkout in SwiftUI, and I'm the only iOS engineer on the squad.";
        assertThat(Criteria.judge("describes recent work or a recent project", intro, Set.of("swiftui")).met())
                .isEqualTo(1.0);
        assertThat(Criteria.judge("explains their own role and contribution", intro, Set.of()).met())
                .isGreaterThanOrEqualTo(0.8);
        // as speech recognition writes it, with the outcome in words
        String spoken = "these days im at a ski resort and i'm the one who rebuilt the offline mode so the support "
                + "tickets about it basically disappeared";
        assertThat(Criteria.judge("explains their own role and contribution", spoken, Set.of()).met())
                .isGreaterThanOrEqualTo(0.5);
        assertThat(Criteria.judge("states the outcome", spoken, Set.of()).met()).isGreaterThanOrEqualTo(0.75);
        assertThat(Criteria.judge("states the outcome", "unsold bread fell by about a fifth", Set.of()).met())
                .isGreaterThanOrEqualTo(0.75);
        // work in general is nobody's in particular
        String generic = "I've been working on many projects and I'm passionate about learning new technologies.";
        assertThat(Criteria.judge("explains their own role and contribution", generic, Set.of()).met()).isZero();
    }
}
