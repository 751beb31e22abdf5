package dev.viva.assessment;

import dev.viva.interview.EndReason;
import dev.viva.interview.InputMode;
import dev.viva.interview.QuestionSource;
import dev.viva.interview.StoredReport;
import dev.viva.interview.service.InterviewService;
import dev.viva.role.Level;
import dev.viva.role.RoleCatalog;
import dev.viva.role.RoleTemplate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Completed interviews with real reports, for the tests of what a recruiter does with a report (download, override,
 * retention): the backend-engineer role's bank questions asked in turn, each answered in a candidate's words
 * built from its key points, scored by the real assessment.
 */
@ApplicationScoped
public class ReportFixtures {

    private final InterviewService interviews;
    private final RoleCatalog roles;

    ReportFixtures(InterviewService interviews, RoleCatalog roles) {
        this.interviews = interviews;
        this.roles = roles;
    }

    /** A completed backend-engineer interview of {@code answers} answers whose report is stored. */
    public UUID completedWithReport(String candidate, int answers) {
        UUID id = interviews.create(candidate, "candidate@example.com", "backend-engineer", Level.MID).interview().id;
        interviews.start(id);
        RoleTemplate role = roles.find("backend-engineer").orElseThrow();
        List<RoleTemplate.Question> bank = role.questions().stream().filter(q -> !q.keyPoints().isEmpty()).toList();
        for (int i = 0; i < answers; i++) {
            RoleTemplate.Question q = bank.get(i % bank.size());
            var turn = interviews.askQuestion(id, q.phase(), q.difficulty(), q.text(), QuestionSource.BANK, q.id());
            interviews.recordAnswer(turn.id, new InterviewService.Answer(answer(q, i), InputMode.TEXT, null, null,
                    null, null));
        }
        interviews.complete(id, EndReason.PLAN_COMPLETE);
        // completing hands the report to the finaliser, as in production
        await().atMost(Duration.ofSeconds(120)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> StoredReport.findById(id) != null));
        return id;
    }

    /** A plausible answer: what a mid-level engineer says, in about sixty words, covering some key points. */
    private static String answer(RoleTemplate.Question q, int i) {
        List<String> points = q.keyPoints();
        String covered = String.join("; and also ", points.subList(0, Math.max(1, Math.min(points.size(),
                1 + i % 3))));
        return "In my last team we ran into exactly this. What I would say is that the key thing is " + covered
                + ". I learned that the hard way when a release went wrong, so now I check it early and I write "
                + "it down for the next person on call.";
    }
}
