package dev.viva.assessment.rest;

import dev.viva.assessment.report.InterviewReport;
import dev.viva.assessment.report.ReportPdf;
import dev.viva.assessment.report.ReportRenderer;
import dev.viva.platform.error.ApiProblem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/** Picks a report rendering from {@code ?format=json|md|html|pdf} or else the Accept header; JSON by default. */
final class ReportFormats {

    static final String PDF = "application/pdf";

    private ReportFormats() {
    }

    static Response respond(InterviewReport report, String format, String accept) {
        return switch (choose(format, accept)) {
            case "md" -> Response.ok(ReportRenderer.markdown(report), "text/markdown; charset=utf-8").build();
            case "html" -> Response.ok(ReportRenderer.html(report), MediaType.TEXT_HTML + "; charset=utf-8").build();
            case "pdf" -> Response.ok(ReportPdf.pdf(report), PDF).build();
            default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
        };
    }

    static String choose(String format, String accept) {
        if (format != null && !format.isBlank()) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            return switch (f) {
                case "json", "md", "html", "pdf" -> f;
                case "markdown" -> "md";
                default -> throw ApiProblem.badRequest("format", "unknown format '" + format + "' (json, md, html or pdf)");
            };
        }
        if (accept != null) {
            String a = accept.toLowerCase(Locale.ROOT);
            if (a.startsWith("text/markdown")) {
                return "md";
            }
            if (a.startsWith("text/html")) {
                return "html";
            }
            if (a.startsWith(PDF)) {
                return "pdf";
            }
        }
        return "json";
    }
}
