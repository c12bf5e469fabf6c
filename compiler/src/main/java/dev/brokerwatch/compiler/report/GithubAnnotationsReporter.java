package dev.brokerwatch.compiler.report;

import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.io.PrintWriter;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...::message}), which GitHub shows as
 * annotations on the pull request's diff. Needs no token.
 */
public final class GithubAnnotationsReporter implements Reporter {
    @Override
    public void report(List<Diagnostic> diagnostics, PrintWriter out) {
        for (Diagnostic d : diagnostics) {
            String command = switch (d.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            int end = Math.max(d.span().start(), d.span().end());
            StringBuilder line = new StringBuilder("::").append(command)
                    .append(" file=").append(property(d.span().file().displayPath()))
                    .append(",line=").append(d.span().line())
                    .append(",col=").append(d.span().column())
                    .append(",endLine=").append(d.span().file().lineOf(end));
            if (d.span().file().lineOf(end) == d.span().line()) {
                line.append(",endColumn=").append(d.span().file().columnOf(end));
            }
            line.append(",title=").append(property("brokerwatch " + d.code()))
                    .append("::").append(data(d.message() + (d.hint() == null ? "" : "\nhint: " + d.hint())));
            out.println(line);
        }
        if (diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR) && !diagnostics.isEmpty()) {
            out.println("::notice title=brokerwatch::" + data(TextReporter.plural(diagnostics.size(), "warning") + ", no errors"));
        }
    }

    // the escaping GitHub's runner applies to workflow command values and properties
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
