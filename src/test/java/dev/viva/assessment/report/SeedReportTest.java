package dev.viva.assessment.report;

import dev.viva.assessment.Embedders;
import dev.viva.assessment.SeedTranscripts;
import dev.viva.assessment.service.AssessmentEngine;
import dev.viva.role.Level;
import dev.viva.role.RoleTemplate;
import dev.viva.role.RoleTemplateParser;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class SeedReportTest {

    static RoleTemplate role(String id) throws Exception {
        try (InputStream in = SeedReportTest.class.getClassLoader().getResourceAsStream("roles/" + id + ".yaml")) {
            return RoleTemplateParser.parse(id + ".yaml", id, in);
        }
    }

    static final Map<String, String> ROLES = Map.of("John Doe", "backend-engineer", "Jane Smith", "frontend-engineer",
            "Emily Johnson", "ml-engineer", "Michael Chen", "frontend-engineer", "James Anderson", "site-reliability-engineer",
            "Jennifer Martinez", "frontend-engineer", "Dr. Amanda Foster", "ml-engineer", "Alex Thompson", "site-reliability-engineer");

    @Test
    void dump() throws Exception {
        AssessmentEngine engine = new AssessmentEngine(Embedders.SHARED);
        for (SeedTranscripts.Candidate c : SeedTranscripts.load()) {
            RoleTemplate role = role(ROLES.get(c.name()));
            for (SeedTranscripts.QA qa : c.answers()) {
                var spec = engine.profile(role, qa.question(), null, null);
                System.out.println("PROFILE " + c.name() + " " + spec.kind() + " " + spec.dimensions() + " :: "
                        + dev.viva.assessment.service.QuestionProfiler.ask(qa.question()));
            }
            InterviewReport r = engine.assessTranscript(role, Level.SENIOR, c.name(), c.answers().stream()
                    .map(qa -> new AssessmentEngine.TranscriptAnswer(qa.question(), qa.answer(), null, null, null, null)).toList());
            Files.writeString(Path.of("/tmp/rep/after-" + c.name().replaceAll("\\W+", "_") + ".md"), ReportRenderer.markdown(r));
            System.out.println("SCORES " + c.band() + " " + c.name() + " " + r.overallScore() + " "
                    + r.answers().stream().map(a -> a.assessment().score()).toList());
        }
    }
}
