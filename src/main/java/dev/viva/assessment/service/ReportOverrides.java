package dev.viva.assessment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.report.InterviewReport.ReviewerOverride;
import dev.viva.interview.InterviewEvent;
import dev.viva.interview.StoredReport;
import dev.viva.interview.service.InterviewService;
import dev.viva.platform.audit.Actor;
import dev.viva.platform.audit.AuditLog;
import dev.viva.platform.audit.CurrentActor;
import dev.viva.platform.error.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A recruiter's own judgement on a report: the score of a dimension or the recommendation replaced, with a reason.
 * The override is kept inside the stored report beside the assessment's figures (which stay as they were), so every
 * rendering and every webhook shows both; each one is audited and announced as {@code report.updated} in the same
 * transaction, and a regenerated report keeps them.
 */
@ApplicationScoped
public class ReportOverrides {

    /** The longest reason accepted: a paragraph, not a document. */
    public static final int REASON_MAX = 2000;

    private final InterviewService interviews;
    private final ReportService reports;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Event<InterviewEvent> events;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    ReportOverrides(InterviewService interviews, ReportService reports, AuditLog audit, CurrentActor actor, Event<InterviewEvent> events,
                    EntityManager em, ObjectMapper json) {
        this.interviews = interviews;
        this.reports = reports;
        this.audit = audit;
        this.actor = actor;
        this.events = events;
        this.em = em;
        this.json = json;
    }

    /** Replaces the score (0-5) of one dimension; 404 for a dimension the report does not have. */
    @Transactional
    public InterviewReport overrideDimension(UUID interviewId, String dimensionId, double score, String reason) {
        StoredReport stored = lockedReport(interviewId);
        InterviewReport report = reports.read(stored);
        InterviewReport.Dimension dimension = report.dimensions().stream().filter(d -> d.id().equals(dimensionId))
                .findFirst().orElseThrow(() -> ApiProblem.notFound("the report has no dimension '" + dimensionId
                        + "'; its dimensions are " + String.join(", ", report.dimensions().stream()
                        .map(InterviewReport.Dimension::id).toList())));
        double rounded = Math.round(score * 10) / 10.0;
        ReviewerOverride o = new ReviewerOverride(dimensionId, dimension.score(), rounded, null, null, reason, reviewer(),
                clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dimension", dimensionId);
        details.put("from", currentScore(report, dimension));
        details.put("to", rounded);
        details.put("assessed", dimension.score());
        return store(stored, report, o, "report.dimension.overridden", reason, details);
    }

    /** Replaces the recommendation. */
    @Transactional
    public InterviewReport overrideRecommendation(UUID interviewId, InterviewReport.Recommendation recommendation,
                                                  String reason) {
        StoredReport stored = lockedReport(interviewId);
        InterviewReport report = reports.read(stored);
        ReviewerOverride o = new ReviewerOverride(null, null, null, report.recommendation(), recommendation, reason, reviewer(),
                clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", report.recommendationOverride().map(ReviewerOverride::recommendation)
                .orElse(report.recommendation()).label());
        details.put("to", recommendation.label());
        details.put("assessed", report.recommendation().label());
        return store(stored, report, o, "report.recommendation.overridden", reason, details);
    }

    /**
     * The overrides of {@code previous} that still apply to a rebuilt report, their originals the rebuilt
     * report's figures; a dimension the role no longer has loses its override.
     */
    static List<ReviewerOverride> carriedOver(InterviewReport previous, InterviewReport rebuilt) {
        if (previous == null || previous.overrides() == null) {
            return List.of();
        }
        List<ReviewerOverride> kept = new ArrayList<>();
        for (ReviewerOverride o : previous.overrides()) {
            if (o.dimension() == null) {
                kept.add(new ReviewerOverride(null, null, null, rebuilt.recommendation(), o.recommendation(), o.reason(),
                        o.by(), o.at()));
            } else {
                rebuilt.dimensions().stream().filter(d -> d.id().equals(o.dimension())).findFirst().ifPresent(d ->
                        kept.add(new ReviewerOverride(o.dimension(), d.score(), o.score(), null, null, o.reason(), o.by(),
                                o.at())));
            }
        }
        return kept;
    }

    private static Double currentScore(InterviewReport report, InterviewReport.Dimension dimension) {
        return report.dimensionOverride(dimension.id()).map(ReviewerOverride::score).orElse(dimension.score());
    }

    private InterviewReport store(StoredReport stored, InterviewReport report, ReviewerOverride override, String action,
                                  String reason, Map<String, Object> details) {
        List<ReviewerOverride> list = new ArrayList<>(report.overrides() == null ? List.of() : report.overrides());
        list.removeIf(o -> Objects.equals(o.dimension(), override.dimension()));
        list.add(override);
        // the recommendation first, then the dimensions in the report's order
        List<String> order = report.dimensions().stream().map(InterviewReport.Dimension::id).toList();
        list.sort(Comparator.comparingInt(o -> o.dimension() == null ? -1 : order.indexOf(o.dimension())));
        InterviewReport updated = report.withOverrides(list);
        try {
            stored.body = json.writeValueAsString(updated);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is plain records and always serialises", e);
        }
        audit.record(action, "interview", stored.interviewId.toString(), reason, details);
        events.fire(new InterviewEvent.ReportUpdated(stored.interviewId, Instant.now()));
        return updated;
    }

    /** The stored report, locked so that two overrides at once are applied one after the other, none lost. */
    private StoredReport lockedReport(UUID interviewId) {
        StoredReport stored = interviews.report(interviewId);
        em.refresh(stored, LockModeType.PESSIMISTIC_WRITE);
        return stored;
    }

    private InterviewReport.Reviewer reviewer() {
        Actor a = actor.get();
        return new InterviewReport.Reviewer(a.kind(), a.id(), a.name());
    }
}
