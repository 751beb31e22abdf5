package dev.viva.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;

/**
 * The browser client in a real browser: Debian's Chromium driven by the node scripts under {@code web-client/test/}
 * (playwright-core, see {@link NodeScripts}), against this application on its random test port. The fake microphone
 * plays speech that espeak-ng writes at test time. Screenshots of every screen land in {@code target/screenshots/}.
 */
@QuarkusTest
class BrowserTest {

    @TestHTTPResource("/")
    URL base;

    /** Each test, not the class, is skipped, so the reason shows up per test in the report. */
    @BeforeEach
    void requireTools() throws Exception {
        NodeScripts.requireTools();
    }

    @Test
    void candidateTakesTheInterviewWhileTheRecruiterWatches() {
        NodeScripts.run("interview.mjs", base);
    }

    @Test
    void pageFollowsTheVoiceProtocolBargeInPlaybackAndTakeover() {
        NodeScripts.run("protocol.mjs", base);
    }

    @Test
    void recruiterUploadsChecksEditsAndPublishesARoleTemplate() {
        NodeScripts.run("templates.mjs", base);
    }

    @Test
    void accountsSignInUsersKeysAndViewerControls() {
        NodeScripts.run("accounts.mjs", base);
    }

    @Test
    void deniedOrMissingMicrophoneLeadsToTyping() {
        NodeScripts.run("devices.mjs", base);
    }

    @Test
    void candidateIsToldTheTruthAboutVoiceConnectionPrivacyAndBrokenLinks() {
        NodeScripts.run("room.mjs", base);
    }

    @Test
    void recruiterFixesFormsReissuesLinksCancelsAndSearchesOnLaptopAndPhone() {
        NodeScripts.run("console.mjs", base);
    }
}
