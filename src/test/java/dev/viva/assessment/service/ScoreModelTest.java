package dev.viva.assessment.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoreModelTest {

    /** A thorough answer's measurements at a given relevance, with no rubric to judge it. */
    private static ScoreModel.Features thorough(double relevance, double rubric, double hasRubric) {
        return new ScoreModel.Features(relevance, rubric, hasRubric, 0, 0.8, 0.5, 0.5, 0.5, 1, 0.9, 0, 0, 0.6, 0.8, 0,
                0, 0, 0.5);
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
}
