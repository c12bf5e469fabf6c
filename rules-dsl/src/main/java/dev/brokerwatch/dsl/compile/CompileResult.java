package dev.brokerwatch.dsl.compile;

import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.List;

/**
 * The outcome of reading and checking a pack: the pack (null only when no source could be read), the
 * diagnostics in report order, and problems that have no source position (an unreadable root file, a
 * bad {@code --set}), each one line.
 */
public record CompileResult(Pack pack, List<Diagnostic> diagnostics, List<String> usageErrors) {
    public CompileResult {
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).distinct().toList();
        usageErrors = List.copyOf(usageErrors);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public boolean hasWarnings() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.WARNING);
    }
}
