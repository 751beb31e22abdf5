package dev.viva.assessment.llm;

import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.ScoredAnswer;
import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.report.ReportBuilder;
import dev.viva.assessment.service.AssessmentEngine;
import dev.viva.role.QuestionKind;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A report with the LLM's help, in the order the evidence allows: rubrics for the assessed questions that have none
 * ({@link LlmRubrics}), the offline assessment of every answer against its rubric, a bounded grade of each answer
 * ({@link LlmGrader}), the report built in code from those assessments, then the review ({@link LlmReportReviewer}).
 * Each part falls back to the offline result on its own; once the model has failed to answer (timeout, error) the
 * calls still to come in this report are not made, so an unreachable model costs one timeout, not one per answer.
 * Any part may be null (switched off).
 */
public final class LlmAssessment {

    private static final Logger LOG = Logger.getLogger(LlmAssessment.class);

    private final LlmRubrics rubrics;
    private final LlmGrader grader;
    private final LlmReportReviewer reviewer;
    private final String modelName;
    private final int concurrency;

    public LlmAssessment(LlmRubrics rubrics, LlmGrader grader, LlmReportReviewer reviewer, String modelName,
                         int concurrency) {
        this.rubrics = rubrics;
        this.grader = grader;
        this.reviewer = reviewer;
        this.modelName = modelName;
        this.concurrency = Math.max(1, concurrency);
    }

    /** What happened to one question's rubric. */
    private record RubricUse(QuestionSpec spec, String source, String note) {
    }

    public InterviewReport report(AssessmentEngine engine, ReportBuilder.TranscriptInput in) {
        // the first failure to answer (timeout, error) in this report; later calls are not made
        AtomicReference<String> down = new AtomicReference<>();

        // 1. rubrics for the judged questions that have none
        Map<ReportBuilder.Entry, RubricUse> uses = rubrics(in, down);
        List<ReportBuilder.Entry> entries = new ArrayList<>();
        Map<ReportBuilder.Entry, RubricUse> usesOf = new IdentityHashMap<>();
        for (ReportBuilder.Entry e : in.entries()) {
            RubricUse use = uses.get(e);
            ReportBuilder.Entry now = use == null || use.spec() == e.question() ? e : new ReportBuilder.Entry(e.seq(),
                    e.phase(), e.difficulty(), use.spec(), e.questionSource(), e.questionId(), e.answer(),
                    e.inputMode(), e.scored(), e.ability());
            entries.add(now);
            if (use != null) {
                usesOf.put(now, use);
            }
        }

        // 2. the offline assessment of every answer against its rubric (here, on this thread: the scorer is the
        // CPU-bound part and the report's figures must not depend on thread scheduling)
        Map<ReportBuilder.Entry, ScoredAnswer> scored = new IdentityHashMap<>();
        List<ReportBuilder.Entry> judged = new ArrayList<>();
        for (ReportBuilder.Entry e : entries) {
            if (e.answer() != null) {
                ScoredAnswer s = engine.score(e.question(), e.answer());
                scored.put(e, s);
                if (usesOf.containsKey(e) && s.assessment().answered()) {
                    judged.add(e);
                }
            }
        }

        // 3. a bounded grade of each judged answer that has a rubric to grade against
        List<LlmGrader.Grade> results = grades(judged, scored, in.role().name(), down);
        List<InterviewReport.LlmGrade> grades = new ArrayList<>();
        boolean used = false;
        int invented = 0;
        for (int i = 0; i < judged.size(); i++) {
            ReportBuilder.Entry e = judged.get(i);
            LlmGrader.Grade g = results.get(i);
            RubricUse use = usesOf.get(e);
            used |= "generated".equals(use.source()) || "cached".equals(use.source());
            if (g == null) {
                int offline = scored.get(e).assessment().score();
                grades.add(new InterviewReport.LlmGrade(e.seq(), use.source(), use.note(), offline, null, offline,
                        List.of(), List.of(), List.of(), 0, null,
                        grader == null ? null : "not graded: the question has no rubric"));
                continue;
            }
            scored.put(e, g.scored());
            used |= g.llmScore() != null;
            invented += g.inventedQuotes();
            grades.add(new InterviewReport.LlmGrade(e.seq(), use.source(), use.note(), g.offlineScore(), g.llmScore(),
                    g.scored().assessment().score(), g.covered(), g.missing(), g.quotes(), g.inventedQuotes(), g.note(),
                    g.fallbackReason()));
        }
        if (down.get() != null) {
            LOG.warnf("The LLM failed while assessing %s (%s); the offline assessment stands where it was needed",
                    in.interviewId() == null ? "a transcript" : "interview " + in.interviewId(), down.get());
        }

        // 4. the report, built in code from the assessments; 5. the review
        var method = new InterviewReport.Method(used ? "offline+llm" : "offline", modelName, null, null, invented,
                grades);
        InterviewReport report = engine.reports().build(new ReportBuilder.TranscriptInput(in.interviewId(), in.role(),
                in.level(), in.candidateName(), in.status(), in.startedAt(), in.endedAt(), entries, in.endReason(),
                in.forRecruiter(), in.roleVersion()), method,
                e -> scored.containsKey(e) ? scored.get(e) : engine.score(e.question(), e.answer()));
        if (reviewer == null) {
            return report;
        }
        if (down.get() != null) {
            return reviewer.fallback(report, "review not asked: the model failed earlier in this report ("
                    + down.get() + ")");
        }
        return reviewer.review(report);
    }

    /**
     * How each judged question gets its rubric: given (it has one), or from {@link LlmRubrics}, asked once per
     * distinct question however often the transcript asks it.
     */
    private Map<ReportBuilder.Entry, RubricUse> rubrics(ReportBuilder.TranscriptInput in, AtomicReference<String> down) {
        Map<ReportBuilder.Entry, RubricUse> uses = new IdentityHashMap<>();
        Map<String, List<ReportBuilder.Entry>> wanting = new LinkedHashMap<>();
        for (ReportBuilder.Entry e : in.entries()) {
            if (!judged(e)) {
                continue;
            }
            if (hasRubric(e.question())) {
                uses.put(e, new RubricUse(e.question(), "given", null));
            } else if (rubrics != null) {
                wanting.computeIfAbsent(LlmRubrics.hash(e.question().text()), k -> new ArrayList<>()).add(e);
            } else {
                uses.put(e, new RubricUse(e.question(), null, null));
            }
        }
        List<List<ReportBuilder.Entry>> groups = new ArrayList<>(wanting.values());
        List<LlmRubrics.Outcome> outcomes = parallel(groups, (group, failure) -> LlmRubrics.Outcome.none(
                "rubric not written: " + failure, false), group -> {
            String skip = down.get();
            if (skip != null) {
                return LlmRubrics.Outcome.none("rubric not asked: the model failed earlier in this report ("
                        + skip + ")", false);
            }
            LlmRubrics.Outcome o = rubrics.rubric(in.role().id(), in.role().name(), group.getFirst().question());
            if (o.modelUnavailable()) {
                down.compareAndSet(null, o.reason());
            }
            return o;
        });
        for (int i = 0; i < groups.size(); i++) {
            LlmRubrics.Outcome o = outcomes.get(i);
            for (ReportBuilder.Entry e : groups.get(i)) {
                uses.put(e, o.rubric() == null ? new RubricUse(e.question(), null, o.reason())
                        : new RubricUse(o.rubric().applyTo(e.question()), o.source(), null));
            }
        }
        return uses;
    }

    /** The grade of each answer (null where there is no grader or no rubric), in the answers' order. */
    private List<LlmGrader.Grade> grades(List<ReportBuilder.Entry> judged, Map<ReportBuilder.Entry, ScoredAnswer> scored,
                                         String roleName, AtomicReference<String> down) {
        return parallel(judged, (e, failure) -> new LlmGrader.Grade(scored.get(e), scored.get(e).assessment().score(),
                null, List.of(), List.of(), List.of(), 0, null, "grade not used: " + failure, false), e -> {
            ScoredAnswer offline = scored.get(e);
            if (grader == null || !hasRubric(e.question())) {
                return null;
            }
            String skip = down.get();
            if (skip != null) {
                return new LlmGrader.Grade(offline, offline.assessment().score(), null, List.of(), List.of(),
                        List.of(), 0, null, "grade not asked: the model failed earlier in this report (" + skip + ")",
                        false);
            }
            LlmGrader.Grade g = grader.grade(roleName, e.question(), e.answer(), offline);
            if (g.modelUnavailable()) {
                down.compareAndSet(null, g.fallbackReason());
            }
            return g;
        });
    }

    /** An answer the report judges: scored, and not a conversational turn (those never count towards a score). */
    private static boolean judged(ReportBuilder.Entry e) {
        return e.answer() != null && !e.answer().isBlank() && e.scored()
                && e.question().kind() != QuestionKind.CONVERSATIONAL;
    }

    private static boolean hasRubric(QuestionSpec q) {
        return !q.keyPoints().isEmpty() || !q.criteria().isEmpty()
                || (q.idealAnswer() != null && !q.idealAnswer().isBlank());
    }

    /**
     * {@code work} over the items with at most {@code concurrency} at once, results in the items' order; an
     * unexpected exception gives that item's {@code fallback}, so one odd reply cannot cost the whole report.
     */
    private <T, R> List<R> parallel(List<T> items, BiFunction<T, String, R> fallback, Function<T, R> work) {
        if (items.isEmpty()) {
            return List.of();
        }
        Semaphore permits = new Semaphore(concurrency);
        List<R> out = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return work.apply(item);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "An LLM step failed unexpectedly; the offline result stands");
                        return fallback.apply(item, "unexpected " + e.getClass().getSimpleName() + ": "
                                + ModelCall.firstLine(e.getMessage()));
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<R> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("an LLM step failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the LLM assessed a report", e);
                }
            }
        }
        return out;
    }
}
