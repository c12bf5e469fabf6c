package dev.brokerwatch.dsl.parse;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.diag.Diagnostic;
import java.util.List;

/** A parsed file and every syntax problem found in it (recovery continues after each one). */
public record ParseResult(BwFile file, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
