package dev.viva.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.viva.client.ApiClient;
import dev.viva.client.ApiException;
import dev.viva.client.api.CandidateApi;
import dev.viva.client.api.InterviewsApi;
import dev.viva.client.api.ReportsApi;
import dev.viva.client.api.WebhooksApi;
import dev.viva.client.model.CreateInterviewRequest;
import dev.viva.client.model.CreatedInterview;
import dev.viva.client.model.EndpointRequest;
import dev.viva.client.model.EndpointWithSecret;
import dev.viva.client.model.EventType;
import dev.viva.client.model.InterviewReport;
import dev.viva.client.model.InterviewStatus;
import dev.viva.client.model.InterviewView;
import dev.viva.client.model.Level;
import dev.viva.client.model.Problem;
import dev.viva.client.model.TextAnswer;
import dev.viva.client.model.TranscriptView;
import dev.viva.client.model.Utterance;
import dev.viva.interviewer.service.TestInterviewerClock;
import dev.viva.webhook.Receiver;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Java client that openapi-generator builds from the OpenAPI document (src/main/openapi/openapi.json, kept equal
 * to the served one) takes a whole interview against the running server, typed throughout: what an ATS integration
 * does. Its JSON mapper refuses unknown properties, so a field the server sends but the document does not describe
 * fails the test.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI server;

    private ApiClient client(String bearer) {
        ObjectMapper mapper = ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        ApiClient client = new ApiClient(HttpClient.newBuilder(), mapper, server.toString().replaceFirst("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        return client;
    }

    @Test
    void anAtsRegistersAWebhookCreatesAnInterviewThatIsTakenInTextModeAndReadsTheReport() throws Exception {
        ApiClient recruiter = client("test-recruiter-key");
        try (Receiver receiver = Receiver.alwaysOk()) {
            WebhooksApi webhooks = new WebhooksApi(recruiter);
            EndpointWithSecret endpoint = webhooks.createWebhookEndpoint(new EndpointRequest()
                    .url(receiver.url())
                    .eventTypes(List.of(EventType.INTERVIEW_STARTED, EventType.INTERVIEW_COMPLETED,
                            EventType.REPORT_READY))
                    .description("ATS (generated client)"));
            assertThat(endpoint.getSecret()).startsWith("whsec_");
            assertThat(webhooks.getWebhookEndpoint(endpoint.getId()).getEnabled()).isTrue();

            InterviewsApi interviews = new InterviewsApi(recruiter);
            CreatedInterview created = interviews.createInterview(new CreateInterviewRequest()
                    .candidateName("Grace Hopper").candidateEmail("grace@example.com")
                    .role("tiny-role").level(Level.MID));
            assertThat(created.getStatus()).isEqualTo(InterviewStatus.SCHEDULED);
            assertThat(created.getJoinUrl()).endsWith("#token=" + created.getCandidateToken());

            CandidateApi candidate = new CandidateApi(client(created.getCandidateToken()));
            List<Utterance> said = new ArrayList<>();
            Utterance u = candidate.startInterview(created.getId());
            said.add(u);
            while (!u.getDone()) {
                assertThat(said).hasSizeLessThan(200);
                TestInterviewerClock.CLOCK.advance(Duration.ofSeconds(45));
                u = candidate.answerQuestion(created.getId(), new TextAnswer()
                        .text("I would put an idempotency key on the request and store the result with it, "
                                + "in one transaction, so a retry returns the stored result.")
                        .seq(u.getSeq()));
                said.add(u);
            }
            assertThat(said).hasSizeGreaterThan(2);

            InterviewView ended = interviews.getInterview(created.getId());
            assertThat(ended.getStatus()).isEqualTo(InterviewStatus.COMPLETED);
            TranscriptView transcript = interviews.getTranscript(created.getId());
            assertThat(transcript.getTurns()).hasSizeGreaterThanOrEqualTo(said.size() - 1);

            ReportsApi reports = new ReportsApi(recruiter);
            InterviewReport report = await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(ApiException.class)
                    .until(() -> reports.getReport(created.getId(), null), r -> r != null);
            assertThat(report.getInterviewId()).isEqualTo(created.getId());
            assertThat(report.getOverallScore()).isBetween(0, 100);
            assertThat(report.getRecommendation()).isNotNull();

            // the events arrive signed, verify with the reference Standard Webhooks library, and match the document
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().stream()
                    .anyMatch(r -> r.body().contains("\"report.ready\"") && r.body().contains(created.getId().toString())));
            Webhook verifier = new Webhook(endpoint.getSecret());
            List<String> types = new ArrayList<>();
            for (Receiver.Request r : receiver.requests()) {
                if (!r.body().contains(created.getId().toString())) {
                    continue;
                }
                verifier.verify(r.body(), Map.of("webhook-id", List.of(r.id()),
                        "webhook-timestamp", List.of(r.headers().getFirst("webhook-timestamp")),
                        "webhook-signature", List.of(r.headers().getFirst("webhook-signature"))));
                String type = new ObjectMapper().readTree(r.body()).path("type").asText();
                types.add(type);
                assertThat(ContractValidator.get().checkWebhook(type, r.body())).as(type).isEmpty();
            }
            assertThat(types).contains("interview.started", "interview.completed", "report.ready");
            webhooks.deleteWebhookEndpoint(endpoint.getId());
        }
    }

    @Test
    void errorsArriveAsTypedProblems() {
        InterviewsApi interviews = new InterviewsApi(client("test-recruiter-key"));
        ApiException e = (ApiException) org.assertj.core.api.Assertions.catchThrowable(() ->
                interviews.createInterview(new CreateInterviewRequest().candidateName("Ada")
                        .candidateEmail("not an email").role("tiny-role").level(Level.MID)));
        assertThat(e.getCode()).isEqualTo(400);
        Problem problem = problem(e);
        assertThat(problem.getErrors()).anySatisfy(f -> assertThat(f.getField()).isEqualTo("candidateEmail"));

        assertThatThrownBy(() -> new InterviewsApi(client("vk_not-a-key")).getInterview(UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, x -> {
                    assertThat(x.getCode()).isEqualTo(401);
                    assertThat(problem(x).getStatus()).isEqualTo(401);
                });
    }

    private static Problem problem(ApiException e) {
        try {
            return ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), Problem.class);
        } catch (Exception x) {
            throw new AssertionError("not a problem+json body: " + e.getResponseBody(), x);
        }
    }
}
