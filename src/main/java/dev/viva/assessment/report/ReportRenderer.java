package dev.viva.assessment.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Markdown and printable HTML renderings of a report, laid out like the report recruiters asked for (seed 000):
 * summary, recommendation, dimension scores with evidence, strengths, concerns, quotes, per-question breakdown,
 * follow-ups and the full transcript. Everything the candidate said is escaped: it is untrusted text.
 */
public final class ReportRenderer {

    private ReportRenderer() {
    }

    /** The heading that starts the appendix: everything before it is the report a person reads. */
    public static final String BREAKDOWN_HEADING = "## Question-by-Question Breakdown";
    public static final String TRANSCRIPT_HEADING = "## Full Transcript";

    public static String markdown(InterviewReport r) {
        StringBuilder md = new StringBuilder();
        var c = r.candidate();
        md.append("# Interview Report\n\n## Candidate Summary\n");
        md.append("- **Name**: ").append(mdText(c.name())).append('\n');
        md.append("- **Position**: ").append(mdText(c.roleName())).append(", ").append(c.level()).append(" level")
                .append(templateVersion(c)).append("\n");
        if (c.startedAt() != null) {
            md.append("- **Interview Date**: ").append(when(c.startedAt())).append('\n');
        }
        md.append("- **Duration**: ").append(c.duration()).append('\n');
        md.append("- **Questions**: ").append(c.questionsAsked()).append(" asked, ").append(c.answersAssessed())
                .append(" answers assessed\n");
        coverageLine(c).ifPresent(x -> md.append("- **Coverage**: ").append(mdText(x)).append('\n'));
        if (c.coverage() != null && !c.coverage().questionsForRecruiter().isEmpty()) {
            md.append("- **Questions for the recruiter**: ").append(mdText(String.join(" / ",
                    c.coverage().questionsForRecruiter()))).append('\n');
        }
        md.append('\n');
        md.append("## Overall Assessment\n\n### Recommendation: **").append(r.recommendation().label().toUpperCase(Locale.ROOT))
                .append("**\n**Overall Score**: ").append(r.overallScore()).append("/100 (")
                .append(String.format(Locale.ROOT, "%.1f", r.overallScoreOutOf5())).append(" / 5.0)  \n**Confidence**: ")
                .append(r.confidenceLabel()).append(confidenceLine(r).map(x -> " - " + mdText(x)).orElse(""))
                .append("\n\n");
        r.recommendationOverride().ifPresent(o -> md.append("**Reviewer's recommendation**: **")
                .append(o.recommendation().label().toUpperCase(Locale.ROOT)).append("** in place of ")
                .append(o.originalRecommendation().label()).append(" - ").append(mdText(reviewed(o))).append("\n\n"));
        md.append("## Executive Summary\n\n").append(mdText(r.executiveSummary())).append("\n\n");
        if (r.method().narrative() != null) {
            md.append("**Reviewer narrative (").append(mdText(r.method().llm())).append(")**: ")
                    .append(mdText(r.method().narrative())).append("\n\n");
        }
        md.append("## Dimension Scores\n\n");
        int i = 1;
        for (var d : r.dimensions()) {
            md.append("### ").append(i++).append(". ").append(d.name()).append(" (").append(d.weight()).append("%)\n");
            md.append("**Score**: ").append(d.score() == null ? "not assessed"
                    : String.format(Locale.ROOT, "%.1f / 5.0 (%d%%) - **%s**", d.score(), d.percent(), d.label())).append("\n\n");
            r.dimensionOverride(d.id()).ifPresent(o -> md.append("**Reviewer's score**: ")
                    .append(String.format(Locale.ROOT, "%.1f / 5.0", o.score())).append(" in place of ")
                    .append(o.originalScore() == null ? "not assessed" : String.format(Locale.ROOT, "%.1f", o.originalScore()))
                    .append(" - ").append(mdText(reviewed(o))).append("\n\n"));
            md.append(mdText(d.reasoning())).append("\n\n");
            if (!d.evidence().isEmpty()) {
                d.evidence().forEach(q -> md.append("- \"").append(mdText(q)).append("\"\n"));
                md.append('\n');
            }
        }
        points(md, "Key Strengths", r.strengths());
        points(md, "Areas of Concern", r.areasOfConcern());
        if (!r.suggestedFollowUps().isEmpty()) {
            md.append("## Suggested Follow-up Questions\n\n");
            int k = 1;
            for (var f : r.suggestedFollowUps()) {
                md.append(k++).append(". **").append(mdText(f.question())).append("**  \n")
                        .append(mdText(f.reason())).append("\n");
            }
            md.append('\n');
        }
        if (!r.flags().isEmpty()) {
            md.append("## For Human Review\n\n");
            r.flags().forEach(f -> md.append("- Answer ").append(f.seq()).append(": ").append(flagName(f.code())).append(" - ")
                    .append(mdText(f.detail())).append(f.quote() == null ? "" : ": \"" + mdText(f.quote()) + "\"").append('\n'));
            md.append('\n');
        }
        md.append(BREAKDOWN_HEADING).append("\n\n");
        for (var a : r.answers()) {
            md.append("- **").append(a.seq()).append(". ").append(mdText(shortQuestion(a.question()))).append("** ")
                    .append(a.assessment().score()).append("/100. ").append(mdText(a.summary() == null
                            ? a.assessment().justification() : a.summary())).append('\n');
        }
        md.append('\n');
        md.append(TRANSCRIPT_HEADING).append("\n\n");
        for (var t : r.transcript()) {
            md.append("**Interviewer** (").append(t.phase()).append("): ").append(mdText(t.question())).append("\n\n**Candidate**: ")
                    .append(t.answer() == null ? "_(no answer)_" : mdText(t.answer())).append("\n\n");
        }
        md.append("---\n\n**Report Generated**: ").append(when(r.generatedAt())).append("  \n**Assessment**: ")
                .append(r.method().assessor()).append(r.method().llm() == null ? "" : ", LLM " + r.method().llm())
                .append(r.method().fallbackReason() == null ? "" : " (LLM not used: " + r.method().fallbackReason() + ")")
                .append("  \n**Schema**: v").append(r.schemaVersion()).append('\n');
        return md.toString();
    }

    /** The one line that explains the confidence: its most important reason. */
    static java.util.Optional<String> confidenceLine(InterviewReport r) {
        return r.confidenceReasons().stream().findFirst();
    }

    /** The asking part of a question, at most about a line. */
    static String shortQuestion(String question) {
        String full = question.replace("*", "").replaceAll("\\s+", " ").strip();
        if (full.length() <= 80) {
            return full;
        }
        String q = dev.viva.assessment.service.QuestionProfiler.ask(question);
        if (q.length() <= 80 && q.length() >= 40) {
            return q;
        }
        int cut = full.lastIndexOf(' ', 70);
        return full.substring(0, cut < 40 ? 70 : cut).replaceAll("[,;:—-]+$", "").strip() + "...";
    }

    static String flagName(String code) {
        return switch (code) {
            case "INSTRUCTION_INJECTION" -> "instructions addressed to the evaluator";
            case "OFF_TOPIC" -> "off topic";
            default -> code.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static void points(StringBuilder md, String title, List<InterviewReport.Point> points) {
        if (points.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        int i = 1;
        for (var p : points) {
            md.append("### ").append(i++).append(". ").append(mdText(p.title()));
            if (p.severity() != null) {
                md.append(" (").append(p.severity()).append(')');
            }
            md.append("\n").append(mdText(p.detail())).append("\n\n");
            p.quotes().forEach(q -> md.append("- \"").append(mdText(q)).append("\"\n"));
            if (!p.quotes().isEmpty()) {
                md.append('\n');
            }
        }
    }

    /** Which version of the role template the questions and rubric came from; none for an assessed transcript. */
    private static String templateVersion(InterviewReport.Candidate c) {
        return c.roleVersion() == null ? "" : " (role template version " + c.roleVersion() + ")";
    }

    /** Candidate text must not become Markdown structure (headings, links, HTML) in a recruiter's viewer. */
    static String mdText(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[").replace("]", "\\]")
                .replace("*", "\\*").replace("_", "\\_").replace("#", "\\#").replace("`", "\\`").replace("\n", " ");
    }

    public static String html(InterviewReport r) {
        var c = r.candidate();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Interview report: ")
                .append(esc(c.name())).append("</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
                        + "h1,h2{border-bottom:1px solid #ddd;padding-bottom:.2rem}.rec{font-size:1.3rem;font-weight:700}"
                        + ".bar{background:#e8e8e8;border-radius:3px;height:1rem;width:100%}.bar>span{display:block;height:100%;"
                        + "background:#2a6ebb;border-radius:3px}table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;"
                        + "border-bottom:1px solid #eee;text-align:left;vertical-align:top}blockquote{border-left:4px solid #2a6ebb;"
                        + "margin:0 0 1rem;padding:.2rem 1rem;background:#f5f8fc}.sev-major{color:#a40000}.sev-moderate{color:#8a5300}"
                        + ".muted{color:#555}.override{color:#5b2a86}.nb{white-space:nowrap}"
                        // print and PDF: compact, so the report itself is a few pages and the transcript an appendix
                        + "@media print{body{margin:0;max-width:none;font:9.5pt/1.35 'DejaVu Sans',sans-serif}"
                        + "h1{font-size:16pt;margin:0 0 .4em}h2{font-size:12pt;margin:.9em 0 .3em;page-break-after:avoid}"
                        + "h3{font-size:10pt;margin:.6em 0 .2em;page-break-after:avoid}p{margin:.25em 0 .45em}"
                        + "blockquote{margin:0 0 .4em;padding:.1em .6em;page-break-inside:avoid}td,th{padding:.15em .4em}"
                        + ".noprint{display:none}.appendix{break-before:page;page-break-before:always}"
                        // an answer is read whole: never split by a page break (and its footer)
                        + ".appendix p,.appendix li{page-break-inside:avoid}}"
                        + "@page{size:A4;margin:16mm 15mm 18mm;@bottom-center{content:'Page ' counter(page) ' of ' "
                        + "counter(pages);font:8pt 'DejaVu Sans',sans-serif;color:#555}}"
                        + "</style></head><body>");
        h.append("<h1>Interview report</h1><section><table>")
                .append(row("Candidate", esc(c.name())))
                .append(row("Position", esc(c.roleName()) + ", " + esc(c.level()) + " level" + templateVersion(c)))
                .append(c.startedAt() == null ? "" : row("Interview date", esc(when(c.startedAt()))))
                .append(row("Duration", esc(c.duration())))
                .append(row("Answers assessed", c.answersAssessed() + " of " + c.questionsAsked() + " questions"))
                .append(coverageLine(c).map(x -> row("Coverage", esc(x))).orElse(""))
                .append(c.coverage() == null || c.coverage().questionsForRecruiter().isEmpty() ? ""
                        : row("Questions for the recruiter", esc(String.join(" / ",
                        c.coverage().questionsForRecruiter()))))
                .append("</table></section>");
        h.append("<section><h2>Overall assessment</h2><p class=\"rec\">").append(esc(r.recommendation().label().toUpperCase(Locale.ROOT)))
                .append(" \u00b7 ").append(r.overallScore()).append("/100 (").append(String.format(Locale.ROOT, "%.1f", r.overallScoreOutOf5()))
                .append(" / 5)</p><p>Confidence: <strong>").append(esc(r.confidenceLabel())).append("</strong>")
                .append(confidenceLine(r).map(x -> " \u2013 " + esc(x)).orElse("")).append("</p>");
        r.recommendationOverride().ifPresent(o -> h.append("<p class=\"override\"><strong>Reviewer's recommendation: ")
                .append(esc(o.recommendation().label().toUpperCase(Locale.ROOT))).append("</strong> in place of ")
                .append(esc(o.originalRecommendation().label())).append(" \u2013 ").append(esc(reviewed(o))).append("</p>"));
        h.append("<h2>Executive summary</h2><p>").append(esc(r.executiveSummary())).append("</p>");
        if (r.method().narrative() != null) {
            h.append("<p><strong>Reviewer narrative (").append(esc(r.method().llm())).append(")</strong>: ")
                    .append(esc(r.method().narrative())).append("</p>");
        }
        h.append("</section>");
        h.append("<section><h2>Dimension scores</h2><table><tr><th>Dimension</th><th>Weight</th><th>Score</th><th style=\"width:35%\">"
                + "</th></tr>");
        for (var d : r.dimensions()) {
            h.append("<tr><td>").append(esc(d.name())).append("</td><td>").append(d.weight()).append("%</td><td>")
                    .append(d.score() == null ? "not assessed" : String.format(Locale.ROOT, "%.1f / 5 (%d%%) %s", d.score(), d.percent(), esc(d.label())))
                    .append(r.dimensionOverride(d.id()).map(o -> String.format(Locale.ROOT,
                            "<br/><strong class=\"override\">reviewer: %.1f / 5</strong>", o.score())).orElse(""))
                    .append("</td><td><div class=\"bar\" role=\"img\" aria-label=\"").append(d.percent() == null ? 0 : d.percent())
                    .append(" percent\"><span style=\"width:").append(d.percent() == null ? 0 : d.percent()).append("%\"></span></div></td></tr>");
        }
        h.append("</table>");
        for (var d : r.dimensions()) {
            h.append("<h3>").append(esc(d.name())).append("</h3><p>").append(esc(d.reasoning())).append("</p>");
            r.dimensionOverride(d.id()).ifPresent(o -> h.append("<p class=\"override\"><strong>")
                    .append(String.format(Locale.ROOT, "Reviewer's score: %.1f / 5", o.score())).append("</strong> in place of ")
                    .append(o.originalScore() == null ? "not assessed" : String.format(Locale.ROOT, "%.1f", o.originalScore()))
                    .append(" \u2013 ").append(esc(reviewed(o))).append("</p>"));
            d.evidence().forEach(q -> h.append("<blockquote>").append(said(q)).append("</blockquote>"));
        }
        h.append("</section>");
        htmlPoints(h, "Key strengths", r.strengths());
        htmlPoints(h, "Areas of concern", r.areasOfConcern());
        if (!r.suggestedFollowUps().isEmpty()) {
            h.append("<section><h2>Suggested follow-up questions</h2><ol>");
            r.suggestedFollowUps().forEach(f -> h.append("<li><strong>").append(esc(f.question())).append("</strong><br/><span class=\"muted\">")
                    .append(esc(f.reason())).append("</span></li>"));
            h.append("</ol></section>");
        }
        if (!r.flags().isEmpty()) {
            h.append("<section><h2>For human review</h2><ul>");
            r.flags().forEach(f -> h.append("<li>Answer ").append(f.seq()).append(": ").append(esc(flagName(f.code()))).append(" \u2013 ")
                    .append(esc(f.detail())).append(f.quote() == null ? "" : ": <q>" + said(f.quote()) + "</q>").append("</li>"));
            h.append("</ul></section>");
        }
        h.append("<section class=\"appendix\"><h2>Question-by-question breakdown</h2><ol class=\"breakdown\">");
        for (var a : r.answers()) {
            h.append("<li id=\"answer-").append(a.seq()).append("\" value=\"").append(a.seq()).append("\"><strong>")
                    .append(esc(shortQuestion(a.question()))).append("</strong> ").append(a.assessment().score())
                    .append("/100. ").append(esc(a.summary() == null ? a.assessment().justification() : a.summary()))
                    .append("</li>");
        }
        h.append("</ol></section><section class=\"appendix\"><h2>Full transcript</h2>");
        for (var t : r.transcript()) {
            h.append("<p><strong>Interviewer</strong> <span class=\"muted\">(").append(esc(t.phase())).append(")</span>: ")
                    .append(esc(t.question())).append("</p><p><strong>Candidate</strong>: ")
                    .append(t.answer() == null ? "<em>(no answer)</em>" : said(t.answer())).append("</p>");
        }
        h.append("</section><p class=\"muted\">Generated ").append(esc(when(r.generatedAt()))).append(" \u00b7 ")
                .append(esc(r.method().assessor())).append(" \u00b7 schema v").append(r.schemaVersion()).append("</p></body></html>");
        return h.toString();
    }

    private static void htmlPoints(StringBuilder h, String title, List<InterviewReport.Point> points) {
        if (points.isEmpty()) {
            return;
        }
        h.append("<section><h2>").append(title).append("</h2>");
        for (var p : points) {
            h.append("<h3").append(p.severity() == null ? "" : " class=\"sev-" + esc(p.severity()) + "\"").append(">").append(esc(p.title()))
                    .append(p.severity() == null ? "" : " (" + esc(p.severity()) + ")").append("</h3><p>").append(esc(p.detail())).append("</p>");
            p.quotes().forEach(q -> h.append("<blockquote>").append(said(q)).append("</blockquote>"));
        }
        h.append("</section>");
    }

    /** "9 of 12 planned main questions, 5 of 6 phases (to soft-skills); ended by the candidate". */
    static Optional<String> coverageLine(InterviewReport.Candidate c) {
        InterviewReport.Coverage cov = c.coverage();
        if (cov == null) {
            return Optional.empty();
        }
        String end = c.endReason() == null ? "" : "; " + switch (c.endReason()) {
            case "PLAN_COMPLETE" -> "the plan was completed";
            case "TIME_UP" -> "ended when the time ran out";
            case "CANDIDATE_ENDED" -> "ended early by the candidate";
            case "ABANDONED" -> "the candidate left before the end";
            case "CANCELLED" -> "cancelled by a recruiter";
            default -> c.endReason();
        };
        return Optional.of(cov.mainQuestionsAsked() + " of " + cov.mainQuestionsPlanned() + " planned main questions, "
                + cov.phasesReached().size() + " of " + cov.phasesPlanned() + " phases"
                + (cov.phasesReached().isEmpty() ? "" : " (to " + cov.phasesReached().getLast() + ")") + end);
    }

    /** "by Dana Reviewer (API key), Wednesday 2 December 2026, 14:30 UTC: “reason”" */
    static String reviewed(InterviewReport.ReviewerOverride o) {
        String who = o.by() == null ? "a reviewer" : o.by().name() + switch (o.by().kind()) {
            case "key" -> " (API key)";
            case "system" -> " (system)";
            default -> "";
        };
        return "by " + who + ", " + when(o.at()) + ": \u201c" + o.reason() + "\u201d";
    }

    private static String row(String k, String v) {
        return "<tr><th>" + k + "</th><td>" + v + "</td></tr>";
    }

    private static final Pattern HYPHENATED = Pattern.compile("[^\\s<>]*[\\p{L}\\p{N}][-/][^\\s<>]*|[^\\s<>]*/[\\p{L}\\p{N}][^\\s<>]*");

    /**
     * The candidate's words on the page: escaped, and each word with a hyphen or slash kept on one line, so that a
     * quote copied or searched in the PDF reads as it was said ("back-off", not "back- off" across a line break).
     */
    static String said(String s) {
        return HYPHENATED.matcher(esc(s)).replaceAll("<span class=\"nb\">$0</span>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    /** "Wednesday 2 December 2026, 14:30 UTC": a date for people, not an ISO instant. */
    static String when(java.time.Instant instant) {
        return Phrases.date(instant);
    }
}
