package dev.brokerwatch.compiler.cli;

import dev.brokerwatch.compiler.emit.Json;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Severity;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "checks", mixinStandardHelpOptions = true,
        description = {"List every check code with its severity and what it catches; docs/checks/ has a page for each.",
                "Disable a code for a run with --disable, or in a .bw file with # brokerwatch: disable=<code>."},
        footer = {"",
                "Exit codes: 0 listed, 2 usage error.",
                "",
                "Example:%n"
                        + "  brokerwatch checks | grep promql/      # the checks of PromQL expressions"})
public final class ChecksCommand implements Callable<Integer> {
    /** The formats {@code --format} accepts. */
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            printJson(out);
        } else {
            for (CheckCode code : CheckCode.values()) {
                out.printf("%-29s %-16s %s%n", code.code(), code.severityText(), code.plainSummary());
            }
        }
        return ExitCode.OK;
    }

    private static void printJson(PrintWriter out) {
        StringBuilder json = new StringBuilder("[");
        CheckCode[] codes = CheckCode.values();
        for (int i = 0; i < codes.length; i++) {
            CheckCode code = codes[i];
            json.append(i == 0 ? "\n  {" : ",\n  {");
            json.append("\"code\": ").append(Json.quote(code.code()));
            json.append(", \"severities\": [");
            for (int s = 0; s < code.severities().size(); s++) {
                Severity severity = code.severities().get(s);
                json.append(s == 0 ? "" : ", ").append(Json.quote(severity.label()));
            }
            json.append("], \"summary\": ").append(Json.quote(code.summary()));
            json.append(", \"docs\": ").append(Json.quote(code.docsPage()));
            json.append(", \"disableable\": ").append(code.disableable()).append('}');
        }
        json.append("\n]");
        out.println(json);
    }
}
