package dev.viva.assessment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.assessment.ReportFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The report as a recruiter forwards it: the PDF of a 40-answer interview is at most six pages before its appendix,
 * embeds its fonts, and its text (read back with PDFBox and with poppler's pdftotext) holds the candidate's quotes
 * intact; no format shows a raw ISO instant.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportDownloadTest {

    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    @Inject
    ReportFixtures fixtures;
    @Inject
    ObjectMapper json;

    private UUID id;
    private JsonNode report;

    /** Once for the class (RestAssured knows the test port only per test). */
    @BeforeEach
    void fortyAnswers() throws Exception {
        if (id != null) {
            return;
        }
        id = fixtures.completedWithReport("Quinn O'Quote", 40);
        report = json.readTree(given().header("Authorization", RECRUITER).get(url()).then().statusCode(200)
                .extract().asString());
        assertThat(report.get("answers")).hasSize(40);
    }

    private String url() {
        return "/api/v1/interviews/" + id + "/report";
    }

    @Test
    void pdfIsAFewPagesWithEmbeddedFontsAndTheQuotesIntact() throws Exception {
        byte[] pdf = given().header("Authorization", RECRUITER).queryParam("format", "pdf").get(url())
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        byte[] viaAccept = given().header("Authorization", RECRUITER).accept("application/pdf").get(url())
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(viaAccept, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // reading order, as a person copying from a viewer gets it (and as pdftotext extracts it)
            stripper.setSortByPosition(true);
            int appendix = -1;
            for (int page = 1; page <= doc.getNumberOfPages() && appendix < 0; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (stripper.getText(doc).contains("Question-by-question breakdown")) {
                    appendix = page;
                }
            }
            assertThat(appendix).as("the page the appendix starts on").isPositive();
            assertThat(appendix - 1).as("pages before the appendix (of %d)", doc.getNumberOfPages()).isBetween(1, 6);

            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSans");
                }
            }
            stripper.setStartPage(1);
            stripper.setEndPage(doc.getNumberOfPages());
            assertQuotesIntact(stripper.getText(doc), "PDFBox");
        }

        Path file = Files.createTempFile("viva-report", ".pdf");
        try {
            Files.write(file, pdf);
            pdftotext(file).ifPresent(text -> assertQuotesIntact(text, "pdftotext"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void everyFormatGivesDatesForPeople() {
        for (String format : List.of("md", "html")) {
            String body = given().header("Authorization", RECRUITER).queryParam("format", format).get(url())
                    .then().statusCode(200).extract().asString();
            assertThat(ISO_INSTANT.matcher(body).find()).as("an ISO instant in the %s report", format).isFalse();
            assertThat(body).containsPattern("(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2} "
                    + "[A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} UTC");
        }
    }

    @Test
    void anUnknownFormatIsABadRequest() {
        given().header("Authorization", RECRUITER).queryParam("format", "docx").get(url()).then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("pdf"));
    }

    /** Every quote of the report (evidence, strengths, concerns) in the extracted text, word for word. */
    private void assertQuotesIntact(String text, String extractor) {
        String flat = flat(text);
        assertThat(ISO_INSTANT.matcher(text).find()).as("an ISO instant in the PDF (%s)", extractor).isFalse();
        List<String> quotes = new ArrayList<>();
        report.get("dimensions").forEach(d -> d.get("evidence").forEach(q -> quotes.add(q.asText())));
        for (String list : List.of("strengths", "areasOfConcern")) {
            report.get(list).forEach(p -> p.get("quotes").forEach(q -> quotes.add(q.asText())));
        }
        assertThat(quotes).as("the report quotes the candidate").isNotEmpty();
        // and the transcript appendix every answer
        report.get("transcript").forEach(t -> quotes.add(t.get("answer").asText()));
        List<String> missing = quotes.stream().filter(q -> !flat.contains(flat(q))).toList();
        if (!missing.isEmpty()) {
            // for whoever reads the failure: the text as extracted
            try {
                Files.writeString(Path.of("target/report-" + extractor + ".txt"), text);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(missing)
                .as("quotes not found word for word in the text %s extracts", extractor).isEmpty();
        assertThat(flat).contains("Quinn O'Quote");
    }

    private static String flat(String s) {
        return s.replace('\u2019', '\'').replaceAll("\\s+", " ").strip();
    }

    /** The text poppler's pdftotext extracts; empty (the check skipped) only where poppler-utils is not installed. */
    private static java.util.Optional<String> pdftotext(Path pdf) throws Exception {
        boolean installed = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "pdftotext")));
        if (!installed) {
            if ("required".equals(System.getenv("VIVA_BROWSER_TESTS"))) {
                fail("pdftotext is missing (apt-get install poppler-utils)");
            }
            System.out.println("pdftotext check skipped: poppler-utils is not installed");
            return java.util.Optional.empty();
        }
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("pdftotext: %s", out).isZero();
        return java.util.Optional.of(out);
    }
}
