package dev.brokerwatch.dsl.diag;

import dev.brokerwatch.dsl.source.Span;

/**
 * The one place that turns a diagnostic into text for people: location, severity, code and message,
 * then the offending source line with a caret run under the exact span, then the hint.
 *
 * <pre>
 * alerts/kafka.bw:12:10: error[promql/rate-over-gauge]: rate() over the gauge kafka_log_log_size
 *    |
 * 12 |     expr rate(kafka_log_log_size[5m]) > 0
 *    |               ^^^^^^^^^^^^^^^^^^^^^^
 *    = hint: rate() needs a counter; use deriv() for the slope of a gauge
 * </pre>
 */
public final class DiagnosticRenderer {

    private DiagnosticRenderer() {
    }

    public static String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        out.append(d.span().location()).append(": ").append(d.severity().label())
                .append('[').append(d.code()).append("]: ").append(d.message()).append('\n');
        excerpt(out, d.span(), null);
        for (Diagnostic.Related related : d.related()) {
            out.append("   = note: ").append(related.span().location()).append(": ").append(related.message()).append('\n');
            excerpt(out, related.span(), null);
        }
        if (d.hint() != null && !d.hint().isBlank()) {
            out.append("   = hint: ").append(d.hint()).append('\n');
        }
        return out.toString();
    }

    /** The source line of the span's start with a caret run under it (clipped to that line). */
    private static void excerpt(StringBuilder out, Span span, String label) {
        int line = span.line();
        String text = span.file().lineText(line);
        String number = String.valueOf(line);
        String gutter = " ".repeat(number.length());
        int startCol = span.column();
        int lastLineOfSpan = span.file().lineOf(Math.max(span.start(), span.end() - 1));
        int endCol = lastLineOfSpan == line ? span.file().columnOf(span.end()) : text.length() + 1;
        int width = Math.max(1, endCol - startCol);
        out.append(gutter).append(" |\n");
        out.append(number).append(" | ").append(expandTabs(text)).append('\n');
        out.append(gutter).append(" | ").append(padding(text, startCol - 1)).append("^".repeat(width));
        if (label != null) {
            out.append(' ').append(label);
        }
        out.append('\n');
    }

    // keep the caret aligned when the line is indented with tabs
    private static String padding(String text, int columns) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < columns && i < text.length(); i++) {
            pad.append(text.charAt(i) == '\t' ? "    " : " ");
        }
        for (int i = text.length(); i < columns; i++) {
            pad.append(' ');
        }
        return pad.toString();
    }

    private static String expandTabs(String text) {
        return text.replace("\t", "    ");
    }
}
