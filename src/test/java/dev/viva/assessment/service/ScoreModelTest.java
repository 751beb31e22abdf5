package dev.viva.assessment.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoreModelTest {

    /** A thorough answer's measurements at a given relevance, with no rubric to judge it. */
    private static ScoreModel.Features thorough(double relevance, double rubric, double hasRubric) {
        return withQuality(relevance, rubric, hasRubric, ScoreModel.QUALITY_NEUTRAL);
    }

    private static ScoreModel.Features withQuality(double relevance, double rubric, double hasRubric, double quality) {
        return new ScoreModel.Features(relevance, rubric, hasRubric, 0, 0.8, 0.5, 0.5, 0.5, 1, 0.9, 0, 0, 0.6, 0.8, 0,
                0, 0, 0.5, quality);
    }

    @Test
    void aLongSpecificAnswerThatE5RatesModeratelyKeepsItsDepthWhereNoRubricJudgesIt() {
        double full = ScoreModel.score(ScoreModel.Group.OPEN, thorough(1.0, 0, 0));
        assertThat(ScoreModel.score(ScoreModel.Group.OPEN, thorough(ScoreModel.FULL_RELEVANCE, 0, 0)))
                .isCloseTo(full, within(1e-9));
        assertThat(ScoreModel.score(ScoreModel.Group.OPEN, thorough(0.25, 0, 0)))
                .as("depth about something else fades out").isLessThan(full / 2);
    }

    @Test
    void anAnswerJudgedOnARubricKeepsRelevanceItselfAsTheGate() {
        double full = ScoreModel.score(ScoreModel.Group.TECHNICAL, thorough(1.0, 0.6, 1));
        assertThat(ScoreModel.score(ScoreModel.Group.TECHNICAL, thorough(ScoreModel.FULL_RELEVANCE, 0.6, 1)))
                .isLessThan(full);
    }

    @Test
    void whatTheWordingReadsLikeMovesTheScoreBothWays() {
        double neutral = ScoreModel.score(ScoreModel.Group.BEHAVIOURAL, withQuality(1, 0, 0, ScoreModel.QUALITY_NEUTRAL));
        assertThat(ScoreModel.score(ScoreModel.Group.BEHAVIOURAL, withQuality(1, 0, 0, 0.9))).isGreaterThan(neutral + 0.1);
        assertThat(ScoreModel.score(ScoreModel.Group.BEHAVIOURAL, withQuality(1, 0, 0, 0.1))).isLessThan(neutral - 0.1);
    }

    @Test
    void fluentWordingAboutSomethingElseEarnsNothingButPoorWordingStillCosts() {
        double neutral = ScoreModel.score(ScoreModel.Group.OPEN, withQuality(0.05, 0, 0, ScoreModel.QUALITY_NEUTRAL));
        assertThat(ScoreModel.score(ScoreModel.Group.OPEN, withQuality(0.05, 0, 0, 1)) - neutral)
                .as("a probe blind to the question adds little where the answer is not about it")
                .isLessThan(0.05);
        double onTopic = ScoreModel.score(ScoreModel.Group.OPEN, withQuality(0.9, 0, 0, ScoreModel.QUALITY_NEUTRAL));
        assertThat(ScoreModel.score(ScoreModel.Group.OPEN, withQuality(0.9, 0, 0, 0.1))).isLessThan(onTopic - 0.1);
    }

    @Test
    void withoutARubricTheWordingWeighsMoreThanBesideOne() {
        // the same reading, against the same measured base: an OPEN answer moves further than a BEHAVIOURAL one (both
        // ungated at full relevance; the measured bases differ, so each is compared with its own neutral score)
        double open = ScoreModel.score(ScoreModel.Group.OPEN, withQuality(1, 0, 0, ScoreModel.QUALITY_NEUTRAL));
        double story = ScoreModel.score(ScoreModel.Group.BEHAVIOURAL, withQuality(1, 0, 0, ScoreModel.QUALITY_NEUTRAL));
        double openShare = (open - ScoreModel.score(ScoreModel.Group.OPEN, withQuality(1, 0, 0, 0.35))) / open;
        double storyShare = (story - ScoreModel.score(ScoreModel.Group.BEHAVIOURAL, withQuality(1, 0, 0, 0.35))) / story;
        assertThat(openShare).isGreaterThan(storyShare * 1.5);
    }

    @Test
    void aOneLineAnswerGivesTheProbeLittleToRead() {
        double[] moved = new double[2];
        double[] lengths = {0.15, 0.9};
        for (int i = 0; i < 2; i++) {
            var low = new ScoreModel.Features(1, 0.6, 1, 0, 0.5, 0.5, 0.5, 0.5, 1, lengths[i], 0, 0, 0.6, 0.8, 0, 0, 0,
                    0.5, 0.1);
            var neutral = new ScoreModel.Features(1, 0.6, 1, 0, 0.5, 0.5, 0.5, 0.5, 1, lengths[i], 0, 0, 0.6, 0.8, 0, 0,
                    0, 0.5, ScoreModel.QUALITY_NEUTRAL);
            moved[i] = ScoreModel.score(ScoreModel.Group.TECHNICAL, neutral) - ScoreModel.score(ScoreModel.Group.TECHNICAL, low);
        }
        assertThat(moved[0]).isPositive().isLessThan(moved[1] / 3);
    }
}
