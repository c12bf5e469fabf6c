package dev.brokerwatch.compiler.report;

import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.source.Span;
import java.io.PrintWriter;
import java.util.List;

/**
 * For tools: a JSON array, one flat object per problem with file, line, column, end position, code,
 * severity, message, hint and related places.
 */
public final class JsonReporter implements Reporter {
    @Override
    public void report(List<Diagnostic> diagnostics, PrintWriter out) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            json.append(i == 0 ? "\n  {" : ",\n  {");
            position(json, d.span());
            json.append(", \"code\": ").append(quote(d.code()));
            json.append(", \"severity\": ").append(quote(d.severity().label()));
            json.append(", \"message\": ").append(quote(d.message()));
            json.append(", \"hint\": ").append(d.hint() == null ? "null" : quote(d.hint()));
            json.append(", \"related\": [");
            for (int r = 0; r < d.related().size(); r++) {
                json.append(r == 0 ? "{" : ", {");
                position(json, d.related().get(r).span());
                json.append(", \"message\": ").append(quote(d.related().get(r).message())).append('}');
            }
            json.append("]}");
        }
        json.append(diagnostics.isEmpty() ? "]" : "\n]");
        out.println(json);
    }

    private static void position(StringBuilder json, Span span) {
        int endOffset = Math.max(span.start(), span.end());
        json.append("\"file\": ").append(quote(span.file().displayPath()))
                .append(", \"line\": ").append(span.line())
                .append(", \"column\": ").append(span.column())
                .append(", \"endLine\": ").append(span.file().lineOf(endOffset))
                .append(", \"endColumn\": ").append(span.file().columnOf(endOffset));
    }

    static String quote(String s) {
        return dev.brokerwatch.compiler.emit.Json.quote(s);
    }
}
