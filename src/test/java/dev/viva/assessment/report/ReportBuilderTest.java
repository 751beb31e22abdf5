package dev.viva.assessment.report;

import dev.viva.assessment.Embedders;
import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.SeedTranscripts;
import dev.viva.assessment.service.AnswerScorer;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;
import dev.viva.role.RoleTemplateParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReportBuilderTest {

    static ReportBuilder builder;
    static RoleTemplate backend;

    @BeforeAll
    static void load() throws Exception {
        builder = new ReportBuilder(Embedders.scorer());
        try (InputStream in = ReportBuilderTest.class.getClassLoader().getResourceAsStream("roles/backend-engineer.yaml")) {
            backend = RoleTemplateParser.parse("backend-engineer.yaml", "backend-engineer", in);
        }
    }

    private static InterviewReport seedReport(SeedTranscripts.Candidate c) {
        List<ReportBuilder.Entry> entries = new ArrayList<>();
        int seq = 1;
        for (SeedTranscripts.QA qa : c.answers()) {
            QuestionSpec q = new QuestionSpec(qa.question(), QuestionKind.TECHNICAL, List.of("technical-knowledge"),
                    List.of(), List.of(), null);
            entries.add(new ReportBuilder.Entry(seq++, Phase.FOUNDATION, 3, q, "GENERATED", null, qa.answer(), "TEXT",
                    true, null));
        }
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        return builder.build(new ReportBuilder.TranscriptInput(null, backend, Level.SENIOR, c.name(), "COMPLETED", start,
                start.plusSeconds(25 * 60 + 30), entries), InterviewReport.Method.offline());
    }

    @Test
    void seedCandidatesAreOrderedAndNoSeedFailureModeReappears() throws Exception {
        Map<SeedTranscripts.Band, List<Integer>> byBand = new java.util.EnumMap<>(SeedTranscripts.Band.class);
        Set<Integer> allAnswerScores = new HashSet<>();
        for (SeedTranscripts.Candidate c : SeedTranscripts.load()) {
            InterviewReport r = seedReport(c);
            byBand.computeIfAbsent(c.band(), b -> new ArrayList<>()).add(r.overallScore());
            r.answers().forEach(a -> allAnswerScores.add(a.assessment().score()));
            // seed 001: "Duration: 0 minutes", "Confidence: 0%" whatever was said
            assertThat(r.candidate().durationMinutes()).isEqualTo(25.5);
            assertThat(r.confidence()).isGreaterThan(0);
            // a three-answer interview cannot support a confident verdict, and the report says why
            assertThat(r.confidenceLabel()).isNotEqualTo("High");
            assertThat(r.confidenceReasons()).anyMatch(s -> s.startsWith("Only 3 answers"));
        }
        double weak = byBand.get(SeedTranscripts.Band.WEAK).stream().mapToInt(i -> i).average().orElseThrow();
        double average = byBand.get(SeedTranscripts.Band.AVERAGE).stream().mapToInt(i -> i).average().orElseThrow();
        double strong = byBand.get(SeedTranscripts.Band.STRONG).stream().mapToInt(i -> i).average().orElseThrow();
        assertThat(weak).isLessThan(average);
        assertThat(average).isLessThan(strong);
        // seed 004 and 001: every answer the same score
        assertThat(allAnswerScores).hasSizeGreaterThan(10);
    }

    @Test
    void bankInterviewReportHasEverySectionComputed() {
        List<ReportBuilder.Entry> entries = new ArrayList<>();
        Object[][] qa = {
                {"be-mid-async-def", "async def endpoints run on the event loop and def endpoints run in a thread pool, so a "
                        + "blocking driver inside async def would block every request; I use asyncpg or run_in_threadpool "
                        + "and in one service that cut p99 latency from 900 ms to 150 ms"},
                {"be-mid-indexes", "indexes are b-trees so lookups avoid a full scan, but they slow writes and take storage, "
                        + "column order matters in a composite index and I check with explain analyze whether it is used"},
                {"be-mid-caching", "um I guess I would just add redis for everything, I'm not sure about invalidation"},
                {"be-mid-soft-disagreement", "at my last company we disagreed about kafka versus rabbitmq, my task was to "
                        + "decide, I benchmarked both for two days and presented the numbers, as a result we chose "
                        + "rabbitmq and shipped on time, I learned to use data"},
        };
        int seq = 1;
        for (Object[] row : qa) {
            RoleTemplate.Question q = backend.question((String) row[0]).orElseThrow();
            entries.add(new ReportBuilder.Entry(seq++, q.phase(), q.difficulty(), QuestionSpec.of(backend, q), "BANK", q.id(),
                    (String) row[1], "VOICE", true, Map.of("technical-knowledge", 3.0 + seq * 0.2)));
        }
        entries.add(new ReportBuilder.Entry(seq, Phase.WRAP_UP, 1, QuestionSpec.of(backend, backend.question("be-wrap-questions")
                .orElseThrow()), "BANK", "be-wrap-questions", null, null, false, null));
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        InterviewReport r = builder.build(new ReportBuilder.TranscriptInput(null, backend, Level.MID, "Ada", "COMPLETED",
                start, start.plusSeconds(1800), entries), InterviewReport.Method.offline());

        assertThat(r.schemaVersion()).isEqualTo(1);
        assertThat(r.candidate().durationMinutes()).isEqualTo(30.0);
        assertThat(r.candidate().answersAssessed()).isEqualTo(4);
        assertThat(r.dimensions()).extracting(InterviewReport.Dimension::weight).containsExactly(40, 30, 15, 15);
        var technical = r.dimensions().get(0);
        assertThat(technical.percent()).isNotNull();
        assertThat(technical.score()).isEqualTo(Math.round(technical.percent() / 2.0) / 10.0);
        assertThat(technical.evidence()).isNotEmpty();
        // dimensions no answer informed are reported as such, never as a default middle score
        r.dimensions().stream().filter(d -> d.answers() == 0).forEach(d -> {
            assertThat(d.percent()).isNull();
            assertThat(d.label()).isEqualTo("Not assessed");
        });
        assertThat(r.answers()).hasSize(4);
        assertThat(r.answers().get(2).assessment().score()).isLessThan(r.answers().get(0).assessment().score() - 30);
        assertThat(r.areasOfConcern()).isNotEmpty();
        assertThat(r.strengths()).isNotEmpty();
        assertThat(r.suggestedFollowUps()).isNotEmpty()
                .allSatisfy(f -> assertThat(entries.stream().map(e -> e.question().text())).doesNotContain(f.question()));
        assertThat(r.transcript()).hasSize(5);
        assertThat(r.executiveSummary()).startsWith("In a 30-minute interview, Ada ").contains(r.recommendation().label());
        assertThat(r.answers().get(0).ability()).containsKey("technical-knowledge");

        String md = ReportRenderer.markdown(r);
        assertThat(md).contains("## Dimension Scores").contains("### Recommendation").contains("## Full Transcript")
                .contains("Technical Knowledge (40%)");
        String html = ReportRenderer.html(r);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print").contains("Question-by-question");
    }

    @Test
    void anAnswerThatMissesTheOnlyKeyPointIsToldWhatItMissedOnce() {
        QuestionSpec q = new QuestionSpec("Users need to upload profile pictures. How would you design that feature?",
                QuestionKind.TECHNICAL, List.of("problem-solving"),
                List.of("store the files in object storage rather than in the database"), List.of(), null);
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        InterviewReport r = builder.build(new ReportBuilder.TranscriptInput(null, backend, Level.MID, "Ada", "COMPLETED",
                start, start.plusSeconds(600), List.of(new ReportBuilder.Entry(1, Phase.SYSTEM_DESIGN, 3, q, "GENERATED",
                        null, "I'd accept the upload on a FastAPI endpoint, check the type and size, resize it to three "
                        + "sizes in a Celery worker and keep them as rows next to the user, with a CDN in front.", "TEXT",
                        true, null))), InterviewReport.Method.offline());
        assertThat(r.answers().getFirst().summary()).doesNotContain("covers none").containsIgnoringCase("object storage");
    }

    @Test
    void candidateTextCannotInjectMarkupIntoRenderings() {
        QuestionSpec q = new QuestionSpec("Tell me about yourself", QuestionKind.TECHNICAL, List.of("communication"),
                List.of(), List.of(), null);
        String evil = "<script>alert('x')</script> # Hired! [click](http://evil.example) I build Python services with FastAPI";
        InterviewReport r = builder.build(new ReportBuilder.TranscriptInput(null, backend, Level.MID,
                "<img src=x onerror=alert(1)>", "COMPLETED", null, null,
                List.of(new ReportBuilder.Entry(1, Phase.INTRODUCTION, 1, q, "GENERATED", null, evil, "TEXT", true, null))),
                InterviewReport.Method.offline());
        String html = ReportRenderer.html(r);
        assertThat(html).doesNotContain("<script>").doesNotContain("<img").contains("&lt;script&gt;");
        String md = ReportRenderer.markdown(r);
        assertThat(md).doesNotContain("<script>").doesNotContain("\n# Hired").doesNotContain("[click](");
    }

    @Test
    void noAnswersMeansNoVerdictAndZeroConfidence() {
        InterviewReport r = builder.build(new ReportBuilder.TranscriptInput(null, backend, Level.JUNIOR, "Silent",
                "ABANDONED", null, null, List.of()), InterviewReport.Method.offline());
        assertThat(r.confidence()).isZero();
        assertThat(r.confidenceReasons()).anyMatch(s -> s.contains("No answer could be assessed"));
        assertThat(r.dimensions()).allSatisfy(d -> assertThat(d.percent()).isNull());
        assertThat(r.candidate().durationMinutes()).isNull();
    }
}
