package dev.viva.interview.service;

import dev.viva.interview.EndReason;
import dev.viva.interview.InputMode;
import dev.viva.interview.Interview;
import dev.viva.interview.InterviewEvent;
import dev.viva.interview.InterviewStatus;
import dev.viva.interview.QuestionSource;
import dev.viva.interview.Turn;
import dev.viva.platform.error.ApiProblem;
import dev.viva.role.Level;
import dev.viva.role.Phase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.viva.TestApi.RECRUITER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class InterviewLifecycleTest {

    @ApplicationScoped
    static class Recorder {
        final List<InterviewEvent> events = new CopyOnWriteArrayList<>();

        void on(@Observes InterviewEvent event) {
            events.add(event);
        }

        List<InterviewEvent> of(UUID id) {
            return events.stream().filter(e -> e.interviewId().equals(id)).toList();
        }
    }

    @Inject
    InterviewService service;

    @Inject
    Recorder recorder;

    @Test
    void fullLifecycleCommitsTurnsAndFiresEvents() throws Exception {
        UUID id = service.create("Linus", "linus@example.com", "tiny-role", Level.SENIOR).interview().id;
        Interview started = service.start(id);
        assertThat(started.status).isEqualTo(InterviewStatus.IN_PROGRESS);
        assertThat(started.startedAt).isNotNull();
        // starting again is how a reconnecting candidate resumes: no second Started event
        service.start(id);

        Turn t1 = service.askQuestion(id, Phase.FOUNDATION, 2, "What is a thread?", QuestionSource.BANK, "found");
        Turn t2 = service.askQuestion(id, Phase.FOUNDATION, 3, "And a process?", QuestionSource.GENERATED, null);
        assertThat(t2.seq).isEqualTo(t1.seq + 1);
        service.recordAnswer(t1.id, new InterviewService.Answer("a unit of execution", InputMode.VOICE, 1200L,
                4800L, 3600L, 0.82f));
        assertThatThrownBy(() -> service.recordAnswer(t1.id, new InterviewService.Answer("again", InputMode.TEXT,
                null, null, null, null)))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("already answered");

        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + id + "/transcript")
                .then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("turns", hasSize(2))
                .body("turns[0].question", equalTo("What is a thread?"))
                .body("turns[0].questionSource", equalTo("BANK"))
                .body("turns[0].phase", equalTo("foundation"))
                .body("turns[0].answer", equalTo("a unit of execution"))
                .body("turns[0].inputMode", equalTo("VOICE"))
                .body("turns[0].answerStartMs", equalTo(1200))
                .body("turns[0].sttConfidence", equalTo(0.82f))
                .body("turns[1].answer", nullValue())
                .body("turns[1].questionSource", equalTo("GENERATED"));

        Thread.sleep(1100);
        Interview done = service.complete(id, EndReason.PLAN_COMPLETE);
        assertThat(done.status).isEqualTo(InterviewStatus.COMPLETED);
        assertThat(done.durationSeconds(Instant.now())).isGreaterThanOrEqualTo(1L);
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + id)
                .then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("durationSeconds", greaterThanOrEqualTo(1));

        assertThatThrownBy(() -> service.abandon(id, "late")).isInstanceOf(ApiProblem.class)
                .extracting(e -> ((ApiProblem) e).status()).isEqualTo(409);
        assertThatThrownBy(() -> service.askQuestion(id, Phase.WRAP_UP, 1, "More?", QuestionSource.BANK, "wrap"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("not IN_PROGRESS");
        // the report follows asynchronously (see the assessment tests); the lifecycle events come in order
        assertThat(recorder.of(id)).filteredOn(e -> !(e instanceof InterviewEvent.ReportReady))
                .map(e -> e.getClass().getSimpleName())
                .containsExactly("Started", "TurnAsked", "TurnAsked", "TurnAnswered", "Completed");
    }

    @Test
    void deletingErasesTheInterviewAndItsTurnsButNotWhileItRuns() {
        UUID id = service.create("Forget Me", "f@example.com", "tiny-role", Level.MID).interview().id;
        service.start(id);
        service.askQuestion(id, Phase.FOUNDATION, 2, "What is a thread?", QuestionSource.BANK, "found");
        given().header("Authorization", RECRUITER).when().delete("/api/v1/interviews/" + id)
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("cancel it"));
        service.cancel(id);
        given().header("Authorization", RECRUITER).when().delete("/api/v1/interviews/" + id).then().statusCode(204);
        given().header("Authorization", RECRUITER).when().get("/api/v1/interviews/" + id + "/transcript")
                .then().statusCode(404);
        assertThat(Turn.count("interviewId", id)).isZero();
    }

    @Test
    void illegalTransitionsAreConflicts() {
        UUID id = service.create("Edsger", "e@example.com", "tiny-role", Level.JUNIOR).interview().id;
        assertThatThrownBy(() -> service.complete(id, EndReason.PLAN_COMPLETE)).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("is SCHEDULED and cannot become COMPLETED");
        service.cancel(id);
        assertThatThrownBy(() -> service.start(id)).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("is CANCELLED and cannot become IN_PROGRESS");
    }

    @Test
    void idleInterviewsAreAbandonedByTheSweep() {
        UUID idle = service.create("Idle", "idle@example.com", "tiny-role", Level.MID).interview().id;
        UUID waiting = service.create("Waiting", "w@example.com", "tiny-role", Level.MID).interview().id;
        service.start(idle);
        int n = service.abandonIdle(Instant.now().plusSeconds(1));
        assertThat(n).isGreaterThanOrEqualTo(1);
        assertThat(service.get(idle).status).isEqualTo(InterviewStatus.ABANDONED);
        assertThat(service.get(idle).endReason).isEqualTo(EndReason.ABANDONED);
        assertThat(service.get(idle).endDetail).contains("no activity");
        assertThat(service.get(waiting).status).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(recorder.of(idle)).filteredOn(e -> !(e instanceof InterviewEvent.ReportReady))
                .last().isInstanceOf(InterviewEvent.Abandoned.class);
    }
}
