package dev.brokerwatch.compiler.cli;

import dev.brokerwatch.compiler.api.PackCompiler;
import dev.brokerwatch.compiler.report.Reporter;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.disable.DisableComments;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads sources shares. */
public final class SourceOptions {
    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Root .bw files (their imports are read too). Default: the embedded curated Kafka pack, alerts and dashboards.")
    List<String> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = {"Override a param, e.g. --set under_replicated_for=5m --set target_labels=cluster,namespace,pod. Repeatable.",
                    "--set kafka_version=4.2.0 targets a Kafka version (default 4.1): params take their `since` values "
                            + "for it, and queries on metrics that version lacks are reported (promql/metric-version)."})
    List<String> sets = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How problems are printed: ${COMPLETION-CANDIDATES} (GitHub Actions annotations). Default: ${DEFAULT-VALUE}.")
    Reporter.Format format;

    @Option(names = "--strict", description = "Treat warnings as problems (exit code 1).")
    boolean strict;

    @Option(names = "--disable", paramLabel = "CODE[,CODE]", split = ",",
            description = "Do not report these check codes in this run, e.g. --disable promql/counter-threshold,promql/range-window. "
                    + "In a .bw file: # brokerwatch: disable=<code> before a statement, disable-file=<code> for the file.")
    List<String> disable = new ArrayList<>();

    /** Reads and checks the sources, prints problems; null when a usage error was printed instead. */
    CompileResult load(PrintWriter out, PrintWriter err) {
        PackCompiler compiler = compiler(err);
        return compiler == null ? null : load(compiler, out, err);
    }

    /** Checks the sources of {@code compiler}, prints problems; null when a usage error was printed instead. */
    CompileResult load(PackCompiler compiler, PrintWriter out, PrintWriter err) {
        CompileResult result = compiler.check();
        if (!result.usageErrors().isEmpty()) {
            result.usageErrors().forEach(e -> err.println("brokerwatch: " + e));
            return null;
        }
        Reporter.forFormat(format).report(result.diagnostics(), out);
        return result;
    }

    /** The compiler of these sources with these params; null when a usage error was printed instead. */
    PackCompiler compiler(PrintWriter err) {
        PackCompiler compiler = files.isEmpty() ? PackCompiler.curated() : PackCompiler.locations(files);
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                err.println("brokerwatch: --set " + set + ": expected NAME=VALUE, e.g. --set under_replicated_for=5m");
                return null;
            }
            compiler.set(set.substring(0, eq).strip(), set.substring(eq + 1));
        }
        for (String name : disable) {
            String problem = disableProblem(name.strip());
            if (problem != null) {
                err.println("brokerwatch: --disable " + name.strip() + ": " + problem);
                return null;
            }
            compiler.disable(CheckCode.byCode(name.strip()).orElseThrow());
        }
        return compiler;
    }

    /** Why a code given to --disable cannot be disabled; null when it can. */
    public static String disableProblem(String name) {
        CheckCode code = CheckCode.byCode(name).orElse(null);
        if (code == null) {
            return "unknown check code" + DidYouMean.suggest(name, CheckCode.codes()).map(s -> "; did you mean " + s + "?").orElse("")
                    + " (brokerwatch checks lists every code)";
        }
        String whyNot = DisableComments.whyNotDisableable(code);
        return whyNot == null ? null : "cannot be disabled: " + whyNot;
    }

    boolean failed(CompileResult result) {
        List<Diagnostic> problems = result.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR || (strict && d.severity() == Severity.WARNING)).toList();
        return !problems.isEmpty();
    }
}
