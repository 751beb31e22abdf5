package dev.viva.web;

import dev.viva.assessment.ReportFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;

/**
 * The recruiter's report page in Chromium, on a laptop and a 390 px phone (web-client/test/report.mjs): downloads,
 * the override form, the interview's history, the audit log, the retention page and deleting an interview, each
 * screen checked with axe-core. With {@code VIVA_DOCS_SCREENSHOTS=1} its key screens also go to
 * {@code docs/screenshots/} (docs/screens.md), re-made by running this test, never by hand.
 */
@QuarkusTest
class ReportBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    ReportFixtures reports;

    @BeforeEach
    void requireTools() throws Exception {
        NodeScripts.requireTools();
    }

    @Test
    void recruiterDownloadsOverridesAndReviewsTheTrail() {
        UUID id = reports.completedWithReport("Ada Lovelace", 12);
        NodeScripts.run("report.mjs", base, "--interview=" + id);
    }
}
