package dev.brokerwatch.compiler.report;

import dev.brokerwatch.dsl.diag.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/** Prints diagnostics, already sorted, in one output format. */
public interface Reporter {
    void report(List<Diagnostic> diagnostics, PrintWriter out);

    static Reporter forFormat(Format format) {
        return switch (format) {
            case text -> new TextReporter();
            case json -> new JsonReporter();
            case github -> new GithubAnnotationsReporter();
        };
    }

    /** The formats {@code --format} accepts. */
    enum Format { text, json, github }
}
