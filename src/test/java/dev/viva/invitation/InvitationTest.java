package dev.viva.invitation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.viva.TestApi.RECRUITER;
import static dev.viva.invitation.MailProfile.part;
import static dev.viva.invitation.MailProfile.received;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Invitations sent through a real SMTP server (GreenMail, see {@link MailProfile}): each mail's link is followed
 * against the candidate API, reminders come from the sweep, a closed window expires the link, and a refused mailbox
 * shows as bounced.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class InvitationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile(
            "https://viva\\.example\\.test/interview/([0-9a-f-]{36})#token=(vc_[A-Za-z0-9_-]+)");

    @Test
    void theInvitationArrivesWithAWorkingLinkAndEverythingTheCandidateNeeds() throws MessagingException {
        String email = "ada.ohara@example.com";
        JsonPath created = invite("Ada O'Hara", email, Map.of("closesAt", Instant.now().plus(Duration.ofDays(3)).toString()));
        String id = created.getString("id");
        assertThat(created.getString("invitation.status")).isEqualTo("PENDING");

        JsonPath role = given().header("Authorization", RECRUITER).when().get("/api/v1/roles").then().statusCode(200)
                .extract().jsonPath().setRootPath("find { it.id == 'backend-engineer' }");
        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Interview invitation: " + role.getString("name") + " at Acme & Sons");
        String text = part(mail, "text/plain");
        assertThat(text).contains("Hello Ada O'Hara,", "Role: " + role.getString("name"), "Interviewer: Sophia",
                "about " + role.getInt("plannedMinutes") + " minutes", "Take it before:",
                "says how your answers are handled");
        String html = part(mail, "text/html");
        // every value is escaped in the HTML part
        assertThat(html).contains("Hello Ada O&#39;Hara,", "Acme &amp; Sons").doesNotContain("Acme & Sons");
        assertThat(followLink(text).getString("candidateName")).isEqualTo("Ada O'Hara");
        assertThat(linkIn(html)).isEqualTo(linkIn(text)).isEqualTo(created.getString("joinUrl"));

        JsonPath invitation = invitation(id);
        assertThat(invitation.getList("deliveries.kind")).containsExactly("INVITATION");
        assertThat(invitation.getString("deliveries[0].status")).isEqualTo("SENT");
        assertThat(invitation.getInt("deliveries[0].attempts")).isEqualTo(1);
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + id)
                .then().statusCode(200).body("invitation.status", equalTo("SENT"))
                .body("closesAt", notNullValue());
        assertAudited(id, "interview.invited");
    }

    @Test
    void aResendCarriesTheSameWorkingLinkAndIsAudited() throws MessagingException {
        String email = "resend.candidate@example.com";
        String id = invite("Resend Candidate", email, Map.of()).getString("id");
        String first = part(awaitMails(email, 1).getFirst(), "text/plain");

        given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/" + id + "/invitation/resend")
                .then().statusCode(202).body("kind", equalTo("RESEND")).body("status", equalTo("PENDING"));
        MimeMessage again = awaitMails(email, 2).stream().filter(m -> subject(m).startsWith("Your interview link, sent again"))
                .findFirst().orElseThrow();
        String text = part(again, "text/plain");
        assertThat(text).contains("This is the same link as in your first invitation.");
        assertThat(linkIn(text)).isEqualTo(linkIn(first));
        assertThat(followLink(text).getString("id")).isEqualTo(id);
        assertAudited(id, "interview.invitation.resent");
    }

    @Test
    void afterANewJoinLinkIsIssuedTheResendCarriesIt() throws MessagingException {
        String email = "reissued.candidate@example.com";
        JsonPath created = invite("Reissued Candidate", email, Map.of());
        String id = created.getString("id");
        awaitMails(email, 1);
        String fresh = given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/" + id + "/join-link")
                .then().statusCode(200).extract().path("joinUrl");

        given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/" + id + "/invitation/resend")
                .then().statusCode(202);
        MimeMessage again = awaitMails(email, 2).stream()
                .filter(m -> subject(m).startsWith("Your interview link, sent again")).findFirst().orElseThrow();
        String text = part(again, "text/plain");
        assertThat(linkIn(text)).isEqualTo(fresh).isNotEqualTo(created.getString("joinUrl"));
        assertThat(followLink(text).getString("id")).isEqualTo(id);
    }

    @Test
    void aReminderIsSentOnceBeforeTheWindowCloses() throws MessagingException {
        String email = "reminded.candidate@example.com";
        // remind-before is one hour here: the reminder falls due a few seconds after the invitation
        Instant closes = Instant.now().plus(Duration.ofHours(1)).plusSeconds(4);
        String id = invite("Reminded Candidate", email, Map.of("closesAt", closes.toString())).getString("id");

        MimeMessage reminder = awaitMails(email, 2).stream().filter(m -> subject(m).startsWith("Reminder:"))
                .findFirst().orElseThrow();
        assertThat(reminder.getSubject()).startsWith("Reminder: your Backend Engineer (Python/FastAPI) interview closes on ");
        String text = part(reminder, "text/plain");
        assertThat(text).contains("you have not started your interview");
        assertThat(followLink(text).getString("id")).isEqualTo(id);

        JsonPath invitation = invitation(id);
        assertThat(invitation.getString("remindedAt")).isNotNull();
        // many sweeps later, still one reminder
        await().pollDelay(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> true);
        assertThat(invitation(id).getList("deliveries.kind")).containsExactlyInAnyOrder("REMINDER", "INVITATION");
        assertThat(received(email)).hasSize(2);
    }

    @Test
    void aLinkWhoseWindowHasClosedHasExpired() {
        String email = "late.candidate@example.com";
        JsonPath created = invite("Late Candidate", email, Map.of("closesAt", Instant.now().plusSeconds(2).toString()));
        String id = created.getString("id");
        String token = "Bearer " + created.getString("candidateToken");

        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", token)
                .when().get("/api/v1/interviews/" + id + "/public")
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:viva:problem:link-expired")));
        given().header("Authorization", token).when().post("/api/v1/interviews/" + id + "/socket-ticket")
                .then().statusCode(410).body("type", equalTo("urn:viva:problem:link-expired"));
        // the sweep ends it, and the recruiter sees why
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", RECRUITER)
                .when().get("/api/v1/interviews/" + id)
                .then().statusCode(200).body("status", equalTo("ABANDONED")).body("endReason", equalTo("EXPIRED")));
        given().header("Authorization", RECRUITER).when().post("/api/v1/interviews/" + id + "/invitation/resend")
                .then().statusCode(409);
    }

    @Test
    void beforeTheWindowOpensTheCandidateIsToldWhen() {
        Instant opens = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonPath created = invite("Early Candidate", "early.candidate@example.com", Map.of("opensAt", opens.toString()));
        String id = created.getString("id");
        String token = "Bearer " + created.getString("candidateToken");
        // the window defaults to viva.invitations.window (7 days) after it opens
        assertThat(Instant.parse(created.getString("closesAt"))).isEqualTo(opens.plus(Duration.ofDays(7)));

        given().header("Authorization", token).when().get("/api/v1/interviews/" + id + "/public")
                .then().statusCode(200).body("opensAt", equalTo(opens.toString()));
        given().header("Authorization", token).when().post("/api/v1/interviews/" + id + "/socket-ticket")
                .then().statusCode(409).body("type", equalTo("urn:viva:problem:not-open-yet"))
                .body("detail", equalTo("this interview opens at " + opens + "; please come back then"));
        given().header("Authorization", token).when().post("/api/v1/interviews/" + id + "/start")
                .then().statusCode(409).body("type", equalTo("urn:viva:problem:not-open-yet"));
    }

    @Test
    void aRefusedMailboxShowsAsBouncedOnTheInterview() {
        String id = invite("Nobody Here", "nobody@" + MailProfile.BOUNCING_DOMAIN, Map.of()).getString("id");

        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", RECRUITER)
                .when().get("/api/v1/interviews/" + id + "/invitation")
                .then().statusCode(200).body("deliveries[0].status", equalTo("BOUNCED")));
        JsonPath invitation = invitation(id);
        assertThat(invitation.getString("deliveries[0].lastError"))
                .isEqualTo("550 5.1.1 <nobody@" + MailProfile.BOUNCING_DOMAIN + ">: unknown mailbox");
        // a bounce is not retried: the mailbox will not appear
        assertThat(invitation.getInt("deliveries[0].attempts")).isEqualTo(1);
        given().header("Authorization", RECRUITER).queryParam("size", 200).when().get("/api/v1/interviews")
                .then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.invitation.status", equalTo("BOUNCED"));
    }

    @Test
    void anUnreachableServerIsRetriedThenTheMailShowsAsFailed() {
        MailProfile.stopServer();
        String id;
        try {
            id = invite("Unlucky Candidate", "unlucky@example.com", Map.of()).getString("id");
            // the schedule here is two retries: three attempts, then FAILED
            await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", RECRUITER)
                    .when().get("/api/v1/interviews/" + id + "/invitation")
                    .then().statusCode(200).body("deliveries[0].status", equalTo("FAILED")));
        } finally {
            MailProfile.startServer();
        }
        JsonPath invitation = invitation(id);
        assertThat(invitation.getInt("deliveries[0].attempts")).isEqualTo(3);
        assertThat(invitation.getString("deliveries[0].lastError")).isNotBlank();
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + id)
                .then().statusCode(200).body("invitation.status", equalTo("FAILED"));
    }

    @Test
    void aWindowThatIsOverOrUpsideDownIsRefused() {
        Map<String, Object> past = body("Past Window", "past@example.com",
                Map.of("closesAt", Instant.now().minusSeconds(60).toString()));
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON).body(past)
                .when().post("/api/v1/interviews").then().statusCode(400)
                .body("errors[0].field", equalTo("closesAt"));
        Instant closes = Instant.now().plus(Duration.ofDays(1));
        Map<String, Object> reversed = body("Reversed Window", "reversed@example.com",
                Map.of("opensAt", closes.plusSeconds(60).toString(), "closesAt", closes.toString()));
        given().header("Authorization", RECRUITER).contentType(ContentType.JSON).body(reversed)
                .when().post("/api/v1/interviews").then().statusCode(400)
                .body("errors[0].field", equalTo("opensAt"));
    }

    private static JsonPath invite(String name, String email, Map<String, Object> window) {
        return given().header("Authorization", RECRUITER).contentType(ContentType.JSON).body(body(name, email, window))
                .when().post("/api/v1/interviews").then().statusCode(201).extract().jsonPath();
    }

    private static Map<String, Object> body(String name, String email, Map<String, Object> window) {
        Map<String, Object> invitation = new HashMap<>(window);
        invitation.put("send", true);
        return Map.of("candidateName", name, "candidateEmail", email, "role", "backend-engineer", "level", "mid",
                "invitation", invitation);
    }

    private static JsonPath invitation(String id) {
        return given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + id + "/invitation")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(PATIENCE).until(() -> received(address).size() >= count);
        return received(address);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String linkIn(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a join link in\n%s", body).isTrue();
        return m.group();
    }

    /** Opens the mail's link as the candidate's page does: the id and token it carries, against the candidate API. */
    private static JsonPath followLink(String body) {
        Matcher m = LINK.matcher(linkIn(body));
        assertThat(m.matches()).isTrue();
        return given().header("Authorization", "Bearer " + m.group(2))
                .when().get("/api/v1/interviews/" + m.group(1) + "/public")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void assertAudited(String id, String action) {
        JsonPath entries = given().header("Authorization", RECRUITER)
                .queryParam("targetId", id).queryParam("action", action)
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(entries.getList("action")).containsExactly(action);
        assertThat(entries.getString("[0].actor.kind")).isEqualTo("key");
    }
}
