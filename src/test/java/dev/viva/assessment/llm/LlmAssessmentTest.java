package dev.viva.assessment.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.report.ReportBuilder;
import dev.viva.assessment.service.AssessmentEngine;
import dev.viva.assessment.service.ReportReview;
import dev.viva.role.Level;
import dev.viva.role.RoleCatalog;
import dev.viva.role.RoleTemplate;
import dev.viva.testing.FakeOpenAi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports built with the LLM (rubrics, grades, review) against an OpenAI-compatible server on loopback, as
 * {@link ReportReview} wires them for report finalisation and {@code POST /assessments/transcripts}.
 */
@QuarkusTest
class LlmAssessmentTest {

    static final String LIST_TUPLE = "What's the difference between a list and a tuple in Python, and when would you choose a tuple?";
    /** Not in the backend bank, nor close to any of its questions. */
    static final String SEARCH = "How would you add full-text search in several languages to a product catalogue "
            + "stored in PostgreSQL?";

    static final String SEARCH_RUBRIC = """
            {"keyPoints": ["a tsvector column with a GIN index makes full-text queries fast",
              "each language needs its own text search configuration for stemming and stop words"],
             "criteria": ["names how results are ranked"],
             "misconceptions": ["LIKE '%term%' scales to a large catalogue"],
             "idealAnswer": "I would store a tsvector per language, generated from the name and description, index it with GIN, query it with websearch_to_tsquery and rank with ts_rank."}""";

    @Inject
    AssessmentEngine engine;
    @Inject
    RoleCatalog roles;
    @Inject
    DataSource dataSource;
    @Inject
    ReportReview configured;
    @Inject
    ObjectMapper json;

    @RegisterExtension
    static final FakeOpenAi llm = FakeOpenAi.start(r -> "{}");

    @BeforeEach
    void reset() throws Exception {
        llm.reply = LlmAssessmentTest::answer;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from llm_rubric where role_id = 'backend-engineer'");
        }
    }

    /** A well-behaved model: a rubric, a top grade quoting the answer's opening words, a short review. */
    static String answer(FakeOpenAi.Request r) {
        if (r.system().equals(LlmRubrics.SYSTEM)) {
            return SEARCH_RUBRIC;
        }
        if (r.system().equals(LlmGrader.SYSTEM)) {
            try {
                String answer = new ObjectMapper().readTree(r.user()).path("answer").asText();
                return "{\"score\": 100, \"quotes\": [{\"quote\": " + new ObjectMapper().writeValueAsString(
                        answer.substring(0, Math.min(40, answer.length())).strip()) + "}]}";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return "{\"narrative\": \"A careful engineer.\", \"dimensions\": []}";
    }

    private RoleTemplate role() {
        return roles.find("backend-engineer").orElseThrow();
    }

    private ReportBuilder.TranscriptInput transcript() {
        return engine.transcriptInput(role(), Level.MID, "Ada", List.of(
                new AssessmentEngine.TranscriptAnswer("To start, could you tell me a bit about your background and the "
                        + "kind of backend work you've been doing recently?", "I have been building FastAPI services "
                        + "for five years, mostly payments.", null, null, null, null),
                new AssessmentEngine.TranscriptAnswer(LIST_TUPLE, "Lists are mutable and tuples are immutable, so a "
                        + "tuple can be a dictionary key when its items are hashable; I use tuples for fixed records.",
                        null, null, null, null),
                new AssessmentEngine.TranscriptAnswer(SEARCH, "I would add a generated tsvector column per language "
                        + "with a GIN index, query it with websearch_to_tsquery and rank the results with ts_rank.",
                        null, null, null, null),
                new AssessmentEngine.TranscriptAnswer(SEARCH, "Probably a LIKE query on the name column, and maybe "
                        + "Elasticsearch later if it gets slow.", null, null, null, null)));
    }

    private ReportReview review(boolean enabled, Duration timeout, int concurrency) {
        return new ReportReview(config(enabled, llm.baseUrl(), timeout, concurrency), dataSource);
    }

    private static Map<Integer, InterviewReport.LlmGrade> grades(InterviewReport r) {
        return r.method().grades().stream().collect(Collectors.toMap(InterviewReport.LlmGrade::seq, g -> g));
    }

    private static int score(InterviewReport r, int seq) {
        return r.answers().stream().filter(a -> a.seq() == seq).findFirst().orElseThrow().assessment().score();
    }

    @Test
    void offlineModeMakesNoHttpCallAndLeavesTheReportAsItWas() {
        InterviewReport offline = engine.assessTranscript(role(), Level.MID, "Ada", List.of(
                new AssessmentEngine.TranscriptAnswer(SEARCH, "A tsvector column with a GIN index.", null, null, null, null)));
        // a base URL is configured, but the LLM is off: nothing is sent
        InterviewReport r = review(false, Duration.ofSeconds(5), 4).report(engine, transcript());
        InterviewReport again = configured.report(engine, transcript());
        assertThat(llm.requests).isEmpty();
        assertThat(r.method()).isEqualTo(InterviewReport.Method.offline());
        assertThat(again.method()).isEqualTo(InterviewReport.Method.offline());
        assertThat(r.overallScore()).isEqualTo(engine.assessTranscript(role(), Level.MID, "Ada", transcriptAnswers())
                .overallScore());
        assertThat(offline.method().grades()).isNull();
    }

    private List<AssessmentEngine.TranscriptAnswer> transcriptAnswers() {
        return transcript().entries().stream().map(e -> new AssessmentEngine.TranscriptAnswer(e.question().text(),
                e.answer(), null, null, null, null)).toList();
    }

    @Test
    void rubricsAreWrittenOnceAndGradesMoveScoresWithinTheBound() throws Exception {
        InterviewReport offline = engine.assessTranscript(role(), Level.MID, "Ada", transcriptAnswers());
        InterviewReport r = review(true, Duration.ofSeconds(5), 4).report(engine, transcript());

        // one rubric for the question outside the bank, though it was asked twice; a grade per judged answer (the
        // introduction is conversational and never counts); one review
        assertThat(llm.requests(LlmRubrics.SYSTEM)).hasSize(1);
        assertThat(llm.requests(LlmGrader.SYSTEM)).hasSize(3);
        assertThat(llm.requests(LlmReportReviewer.SYSTEM)).hasSize(1);
        assertThat(r.method().assessor()).isEqualTo("offline+llm");
        assertThat(r.method().narrative()).isEqualTo("A careful engineer.");
        assertThat(r.method().inventedQuotesDropped()).isZero();

        Map<Integer, InterviewReport.LlmGrade> grades = grades(r);
        assertThat(grades.keySet()).containsExactlyInAnyOrder(2, 3, 4);
        assertThat(grades.get(2).rubric()).isEqualTo("given");
        assertThat(grades.get(3).rubric()).isEqualTo("generated");
        assertThat(grades.get(4).rubric()).isEqualTo("generated");
        // the bank question's offline score is the one the offline report has; the grade moves it at most 15 points
        assertThat(grades.get(2).offlineScore()).isEqualTo(score(offline, 2));
        for (InterviewReport.LlmGrade g : grades.values()) {
            assertThat(g.llmScore()).isEqualTo(100);
            assertThat(g.quotes()).hasSize(1);
            assertThat(g.score() - g.offlineScore()).isBetween(0, 15);
            assertThat(score(r, g.seq())).isEqualTo(g.score());
        }
        // the grade of the question outside the bank is against the generated rubric
        assertThat(llm.requests(LlmGrader.SYSTEM)).anyMatch(q -> q.user().contains("tsvector column with a GIN index makes"));

        // stored and read back (GET .../report reads the stored JSON) with every grade
        assertThat(json.readValue(json.writeValueAsString(r), InterviewReport.class).method()).isEqualTo(r.method());
        assertThat(json.writeValueAsString(engine.assessTranscript(role(), Level.MID, "Ada", transcriptAnswers())))
                .doesNotContain("\"grades\"");

        InterviewReport second = review(true, Duration.ofSeconds(5), 4).report(engine, transcript());
        assertThat(llm.requests(LlmRubrics.SYSTEM)).hasSize(1);
        assertThat(grades(second).get(3).rubric()).isEqualTo("cached");
        assertThat(score(second, 3)).isEqualTo(score(r, 3));
    }

    @Test
    void anUnreachableModelCostsOneTimeoutAndTheOfflineReportStandsWithTheReasons() {
        InterviewReport offline = engine.assessTranscript(role(), Level.MID, "Ada", transcriptAnswers());
        llm.delayMs = 1500;
        InterviewReport r = review(true, Duration.ofMillis(300), 1).report(engine, transcript());
        assertThat(llm.requests).hasSize(1);
        assertThat(r.method().assessor()).isEqualTo("offline");
        assertThat(r.method().fallbackReason()).startsWith("review not asked: the model failed earlier in this report");
        assertThat(r.overallScore()).isEqualTo(offline.overallScore());
        assertThat(r.dimensions()).isEqualTo(offline.dimensions());
        Map<Integer, InterviewReport.LlmGrade> grades = grades(r);
        assertThat(grades.get(2).fallbackReason()).startsWith("grade not asked: the model failed earlier");
        assertThat(grades.get(3).rubric()).isNull();
        assertThat(grades.get(3).rubricNote()).isEqualTo("rubric not written: timeout after 300 ms");
        assertThat(grades.get(3).fallbackReason()).isEqualTo("not graded: the question has no rubric");
        for (InterviewReport.LlmGrade g : grades.values()) {
            assertThat(g.score()).isEqualTo(g.offlineScore()).isEqualTo(score(offline, g.seq()));
        }
    }

    @Test
    void invalidGradesAndReviewsKeepTheOfflineScoresWithTheReason() {
        InterviewReport offline = engine.assessTranscript(role(), Level.MID, "Ada", transcriptAnswers());
        llm.reply = r -> r.system().equals(LlmRubrics.SYSTEM) ? "{\"keyPoints\": []}" : "Excellent candidate, 100/100.";
        InterviewReport r = review(true, Duration.ofSeconds(5), 4).report(engine, transcript());
        assertThat(r.overallScore()).isEqualTo(offline.overallScore());
        assertThat(r.method().fallbackReason()).startsWith("malformed output");
        Map<Integer, InterviewReport.LlmGrade> grades = grades(r);
        assertThat(grades.get(2).fallbackReason()).isEqualTo("grade not used: invalid output: not a JSON object");
        assertThat(grades.get(3).rubricNote()).startsWith("rubric rejected: invalid output");
        assertThat(Optional.ofNullable(grades.get(3).llmScore())).isEmpty();
    }

    static AssessmentLlmConfig config(boolean enabled, String baseUrl, Duration timeout, int concurrency) {
        return new AssessmentLlmConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Optional<String> baseUrl() {
                return Optional.of(baseUrl);
            }

            @Override
            public String apiKey() {
                return "test";
            }

            @Override
            public String model() {
                return "test";
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public int maxAdjustment() {
                return 15;
            }

            @Override
            public boolean rubrics() {
                return true;
            }

            @Override
            public boolean grading() {
                return true;
            }

            @Override
            public int gradeMaxAdjustment() {
                return 15;
            }

            @Override
            public int concurrency() {
                return concurrency;
            }

            @Override
            public Duration rubricRetryAfter() {
                return Duration.ofHours(1);
            }
        };
    }
}
