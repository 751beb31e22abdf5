package dev.viva.assessment.service;

import dev.viva.assessment.DevSet;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.role.Level;
import dev.viva.testing.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The mixed candidate of docs/sample-report.md: one development-set answer per backend question, strong, average
 * and weak in turn, assessed as {@code POST /assessments/transcripts} assesses a transcript. The interview date and
 * length are illustrative (the development set has none), so the sample shows how a report gives them.
 */
public final class MixedCandidate {

    public static final Instant STARTED = Instant.parse("2026-11-24T14:30:00Z");
    public static final Instant ENDED = STARTED.plusSeconds(41 * 60 + 20);

    private MixedCandidate() {
    }

    public static List<AssessmentEngine.TranscriptAnswer> answers() {
        List<DevSet> rows;
        try {
            rows = DevSet.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<AssessmentEngine.TranscriptAnswer> mixed = new ArrayList<>();
        int[] wanted = {3, 2, 3, 1, 2, 3, 0, 2, 3, 1, 2, 3, 2, 3, 1, 2, 3, 2};
        // the first batch of the set (ids without the later batches' "f2-", "f3-", ... prefixes) is what the
        // checked-in sample shows
        Map<String, List<DevSet>> byQuestion = rows.stream().filter(r -> r.role().equals("backend-engineer")
                        && !r.id().matches("f\\d+-.*") && !r.category().startsWith("injection"))
                .collect(Collectors.groupingBy(DevSet::question, LinkedHashMap::new, Collectors.toList()));
        int k = 0;
        for (List<DevSet> q : byQuestion.values()) {
            int label = wanted[k++ % wanted.length];
            q.stream().filter(r -> r.label() == label).findFirst().or(() -> q.stream().findFirst())
                    .ifPresent(r -> mixed.add(new AssessmentEngine.TranscriptAnswer(r.question(), r.answer(), null,
                            null, null, null)));
        }
        return mixed;
    }

    public static InterviewReport report(AssessmentEngine engine) {
        return engine.assessTranscript(Roles.shipped("backend-engineer"), Level.MID, "Alex Morgan", answers(),
                STARTED, ENDED);
    }
}
