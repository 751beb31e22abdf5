package dev.viva.assessment.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The report as a PDF to forward: the printable HTML of {@link ReportRenderer#html} (well-formed, with its print
 * styles: compact, the breakdown and transcript as an appendix from a new page) laid out by openhtmltopdf, with
 * DejaVu Sans embedded (subset) so that it looks the same everywhere and its text can be copied and searched.
 */
public final class ReportPdf {

    private static final String FAMILY = "DejaVu Sans";

    private ReportPdf() {
    }

    public static byte[] pdf(InterviewReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> font("DejaVuSans.ttf"), FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Oblique.ttf"), FAMILY, 400, FontStyle.ITALIC, true);
        builder.withHtmlContent(ReportRenderer.html(report), null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the PDF of report " + report.interviewId() + " failed", e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream("fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("fonts/" + file + " is missing from the application");
        }
        return in;
    }
}
