package dev.viva.web;

import dev.viva.invitation.MailProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;

/**
 * Invitations in a real browser (web-client/test/invitations.mjs), with mail going to the test SMTP server: the
 * console's invitation form, the invitation's state and resend button in the list, and the candidate's page for an
 * expired link; on a laptop and on a phone, each screen checked with axe-core.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class InvitationBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void requireTools() throws Exception {
        NodeScripts.requireTools();
    }

    @Test
    void recruiterInvitesResendsAndSeesABounceAndACandidateSeesAnExpiredLink() {
        NodeScripts.run("invitations.mjs", base);
    }
}
