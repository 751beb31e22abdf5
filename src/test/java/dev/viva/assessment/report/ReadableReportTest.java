package dev.viva.assessment.report;

import dev.viva.assessment.Embedders;
import dev.viva.assessment.service.AssessmentEngine;
import dev.viva.assessment.service.MixedCandidate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of docs/sample-report.md's mixed candidate (18 questions, strong, average and weak answers) read as a
 * hiring manager reads it: one to two pages before the appendix, plain reasoning, nothing said twice, no finding
 * contradicting another, every quote the candidate's own words, dates for people. Writes the Markdown to
 * {@code target/sample-report.md}.
 */
class ReadableReportTest {

    static InterviewReport report;
    static String md;
    static String main;
    static String beforeTranscript;

    @BeforeAll
    static void build() throws Exception {
        report = MixedCandidate.report(new AssessmentEngine(Embedders.SHARED, Embedders.E5));
        md = ReportRenderer.markdown(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/sample-report.md"), md);
        main = md.substring(0, md.indexOf(ReportRenderer.BREAKDOWN_HEADING));
        beforeTranscript = md.substring(0, md.indexOf(ReportRenderer.TRANSCRIPT_HEADING));
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void theReportBeforeTheTranscriptIsOneToTwoPages() {
        assertThat(report.answers()).hasSize(18);
        // the old report: 49 KB, 21 KB of it before the transcript
        assertThat(bytes(main)).as("main part").isLessThanOrEqualTo(7_000);
        assertThat(bytes(beforeTranscript)).as("main part and breakdown").isLessThanOrEqualTo(9_000);
        // the breakdown is one short line per answer
        String breakdown = beforeTranscript.substring(main.length());
        breakdown.lines().filter(l -> l.startsWith("- **")).forEach(l -> assertThat(bytes(l)).as(l).isLessThan(400));
        assertThat(breakdown.lines().filter(l -> l.startsWith("- **"))).hasSize(18);
        // the JSON keeps every detail
        assertThat(report.answers()).allSatisfy(a -> {
            assertThat(a.assessment().justification()).isNotBlank();
            assertThat(a.signals()).isNotNull();
            assertThat(a.summary()).isNotBlank();
        });
    }

    @Test
    void dimensionsAreReasonedInPlainWordsWithTwoOrThreeQuotes() {
        for (var d : report.dimensions()) {
            if (d.percent() == null) {
                continue;
            }
            List<String> sentences = sentences(d.reasoning());
            assertThat(sentences).as(d.reasoning()).hasSizeBetween(2, 4);
            // no lists of numbers, no decimals, no percentages: the score line says the figure once
            assertThat(d.reasoning()).as(d.reasoning()).doesNotContainPattern("\\d+(\\.\\d+)?\\s?%")
                    .doesNotContainPattern("\\d\\.\\d").doesNotContainPattern("\\d+ of \\d+")
                    .doesNotContainPattern("\\d+, \\d+, \\d+").doesNotContain("difficulty");
            assertThat(d.evidence()).as(d.name()).hasSizeBetween(Math.min(2, d.answers()), 3);
        }
        assertThat(sentences(report.executiveSummary())).hasSizeBetween(2, 5);
        assertThat(report.strengths()).hasSizeBetween(3, 5);
        // a mixed candidate shows concerns, each about something specific; how many depends on the answers
        assertThat(report.areasOfConcern()).hasSizeBetween(2, 5);
        Stream.concat(report.strengths().stream(), report.areasOfConcern().stream())
                .forEach(p -> assertThat(p.detail().split("\\s+").length).as(p.detail()).isGreaterThanOrEqualTo(8));
    }

    @Test
    void noSentenceAppearsInTwoPlaces() {
        Map<String, Integer> seen = new HashMap<>();
        // a dimension's score line ("**Score**: 3.1 / 5.0 (62%) - **Good**") is a figure, not a sentence: two
        // dimensions may well score the same
        for (String line : main.lines().filter(l -> !l.startsWith("**Score**")).toList()) {
            String text = line.replaceFirst("^(#+\\s*\\d*\\.?|-|\\d+\\.)\\s*", "").replace("\\", "");
            for (String s : sentences(text)) {
                String key = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").strip();
                if (key.split(" ").length >= 5) {
                    seen.merge(key, 1, Integer::sum);
                }
            }
        }
        assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)).isEmpty();
        // a concern never restates a dimension: no concern is titled after one
        report.dimensions().forEach(d -> assertThat(report.areasOfConcern())
                .noneMatch(p -> p.title().contains(d.name())));
        assertThat(report.strengths()).noneMatch(p -> report.dimensions().stream()
                .anyMatch(d -> p.title().contains(d.name())));
    }

    @Test
    void noKeyPointIsBothShownAndMissed() {
        Set<String> covered = new HashSet<>();
        Set<String> missing = new HashSet<>();
        report.answers().forEach(a -> {
            covered.addAll(a.assessment().coveredKeyPoints());
            missing.addAll(a.assessment().missingKeyPoints());
        });
        String plain = main.replace("\\", "");
        int named = 0;
        for (String kp : covered) {
            assertThat(plain).as(kp).doesNotContain(Phrases.didNot(kp));
            named += plain.contains(Phrases.did(kp)) ? 1 : 0;
        }
        for (String kp : missing) {
            if (plain.contains(Phrases.didNot(kp))) {
                named++;
                assertThat(plain).as(kp).doesNotContain(Phrases.did(kp));
            }
        }
        // and the report does name them: what was shown and what was missed
        assertThat(named).isGreaterThanOrEqualTo(4);
        // each once: a strength does not retell what a dimension said
        for (String kp : covered) {
            assertThat(count(plain, Phrases.did(kp))).as(kp).isLessThanOrEqualTo(1);
        }
        for (String kp : missing) {
            assertThat(count(plain, Phrases.didNot(kp))).as(kp).isLessThanOrEqualTo(1);
        }
    }

    private static int count(String text, String phrase) {
        int n = 0;
        for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
            n++;
        }
        return n;
    }

    /** A strength and a concern that say opposite things about the same habit. */
    private static final List<Pattern[]> OPPOSITES = List.of(
            new Pattern[]{Pattern.compile("(?i)technolog|tools"), Pattern.compile("(?i)(does not|rarely|never|without) (name|mention)[^.]*(technolog|tools)|without tools")},
            new Pattern[]{Pattern.compile("(?i)figures|numbers|quantif|measured"), Pattern.compile("(?i)rarely quantifies|no (numbers|figures)|without[^.]*figures")},
            new Pattern[]{Pattern.compile("(?i)trade-offs"), Pattern.compile("(?i)seldom weighs|does not weigh|no trade-offs")},
            new Pattern[]{Pattern.compile("(?i)stories"), Pattern.compile("(?i)no (concrete )?stor")});

    @Test
    void noStrengthContradictsAConcern() {
        Set<String> strengthKinds = new HashSet<>();
        report.strengths().forEach(p -> strengthKinds.add(p.kind()));
        assertThat(report.areasOfConcern()).allSatisfy(p -> assertThat(strengthKinds).doesNotContain(p.kind()));
        String strengths = String.join(" ", report.strengths().stream().map(p -> p.title() + ". " + p.detail()).toList());
        String concerns = String.join(" ", report.areasOfConcern().stream().map(p -> p.title() + ". " + p.detail()).toList())
                + " " + String.join(" ", report.dimensions().stream().map(InterviewReport.Dimension::reasoning).toList());
        for (Pattern[] o : OPPOSITES) {
            if (o[0].matcher(strengths).find()) {
                assertThat(o[1].matcher(concerns).find()).as(o[1].pattern()).isFalse();
            }
        }
        // per answer: a criterion met and its finding stated as missing ("names technologies" vs "does not name...")
        report.answers().forEach(a -> {
            boolean namesTools = a.assessment().strengths().stream()
                    .anyMatch(f -> f.aspect() == dev.viva.assessment.AnswerAssessment.Aspect.TECHNOLOGIES);
            if (namesTools) {
                assertThat(a.summary()).doesNotContainPattern("(?i)does not name technolog");
            }
            // and a strong score is not summed up as an answer that covers little of its reference
            if (a.assessment().score() >= 70) {
                assertThat(a.summary()).as(a.question()).doesNotContainPattern("(?i)covers none");
                var count = Pattern.compile("(?i)covers (\\d+) of (\\d+) key").matcher(a.summary());
                if (count.find()) {
                    assertThat(2 * Integer.parseInt(count.group(1))).as(a.summary())
                            .isGreaterThanOrEqualTo(Integer.parseInt(count.group(2)));
                }
            }
        });
    }

    @Test
    void everyQuoteIsVerbatimInTheTranscript() {
        List<String> answers = report.transcript().stream().map(InterviewReport.TranscriptEntry::answer)
                .filter(a -> a != null).toList();
        List<String> quotes = new ArrayList<>();
        report.dimensions().forEach(d -> quotes.addAll(d.evidence()));
        Stream.concat(report.strengths().stream(), report.areasOfConcern().stream()).forEach(p -> quotes.addAll(p.quotes()));
        report.notableQuotes().forEach(q -> quotes.add(q.quote()));
        report.flags().stream().filter(f -> f.quote() != null).forEach(f -> quotes.add(f.quote()));
        assertThat(quotes).hasSizeGreaterThanOrEqualTo(8);
        assertThat(quotes).allSatisfy(q -> assertThat(answers).as(q).anyMatch(a -> a.contains(q)));
        // a quote is shown once
        assertThat(new HashSet<>(quotes)).hasSameSizeAs(quotes);
        // and the Markdown shows them as they were said (only Markdown escaping added)
        Pattern quoted = Pattern.compile("^- \"(.+)\"$", Pattern.MULTILINE);
        var m = quoted.matcher(main);
        int shown = 0;
        while (m.find()) {
            String q = m.group(1).replace("\\\\", "\u0000").replace("\\", "").replace("\u0000", "\\")
                    .replace("&lt;", "<").replace("&gt;", ">");
            assertThat(answers).as(q).anyMatch(a -> a.contains(q));
            shown++;
        }
        assertThat(shown).isGreaterThanOrEqualTo(8);
    }

    @Test
    void datesAndDurationsAreWrittenForPeople() {
        assertThat(report.candidate().duration()).isEqualTo("41 minutes");
        assertThat(md).contains("- **Interview Date**: Tuesday 24 November 2026, 14:30 UTC")
                .contains("- **Duration**: 41 minutes")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")
                .doesNotContainPattern("\\d+\\.\\d+ minutes");
        assertThat(report.executiveSummary()).startsWith("In a 41-minute interview, Alex ");
        String html = ReportRenderer.html(report);
        assertThat(html).contains("Tuesday 24 November 2026, 14:30 UTC").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}");
        // confidence: a label and one line of reason, not a decimal
        assertThat(main).containsPattern("\\*\\*Confidence\\*\\*: (High|Medium|Low) - [A-Z0-9][^\\n]+\\n")
                .doesNotContainPattern("Confidence\\*\\*: \\w+ \\(0\\.");
    }

    static List<String> sentences(String text) {
        return Stream.of(text.split("(?<=[.!?])\\s+(?=[A-Z\"])")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
