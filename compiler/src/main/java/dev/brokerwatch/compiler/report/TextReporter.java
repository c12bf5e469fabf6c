package dev.brokerwatch.compiler.report;

import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.DiagnosticRenderer;
import dev.brokerwatch.dsl.diag.Severity;
import java.io.PrintWriter;
import java.util.List;

/** For people at a terminal: each problem with its source line and caret, then a count. */
public final class TextReporter implements Reporter {
    @Override
    public void report(List<Diagnostic> diagnostics, PrintWriter out) {
        for (Diagnostic d : diagnostics) {
            out.print(DiagnosticRenderer.render(d));
            out.println();
        }
        long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        if (!diagnostics.isEmpty()) {
            out.println(plural(errors, "error") + ", " + plural(warnings, "warning"));
        }
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
