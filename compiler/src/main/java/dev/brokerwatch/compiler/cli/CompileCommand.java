package dev.brokerwatch.compiler.cli;

import dev.brokerwatch.compiler.api.Compilation;
import dev.brokerwatch.compiler.api.PackCompiler;
import dev.brokerwatch.compiler.emit.EmitOptions;
import dev.brokerwatch.compiler.emit.Emitter;
import dev.brokerwatch.compiler.emit.Emitters;
import dev.brokerwatch.compiler.emit.OutputFile;
import dev.brokerwatch.dsl.compile.CompileResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compile",
        // the directory list is a table: its lines break where they must and fit in 80 columns
        description = {
                "Check the sources, then write every output format into the output directory.",
                "",
                "What goes where:",
                "  prometheus/           Prometheus rule files, one per .bw file with groups,%n"
                        + "                        clean under promtool check rules%n"
                        + "  prometheus-operator/  a PrometheusRule resource with every group%n"
                        + "  victoriametrics/      a VMRule resource with every group%n"
                        + "  promtool/             promtool unit tests from the test blocks%n"
                        + "                        (run: promtool test rules promtool/*.test.yml)%n"
                        + "  agent/                the mapping the brokerwatch agent exports%n"
                        + "  jmx-exporter/         a config for the stock jmx_prometheus_javaagent%n"
                        + "                        exporting the same families%n"
                        + "  strimzi/              that config as a ConfigMap for Strimzi's metricsConfig%n"
                        + "  docs/                 a Markdown reference of every metric and alert%n"
                        + "  grafana/              one Grafana dashboard JSON per dashboard (<uid>.json)%n"
                        + "  grafana-configmap/    each dashboard in a ConfigMap for the Grafana sidecar%n"
                        + "                        (grafana_dashboard: \"1\")%n"
                        + "  grafana-operator/     each dashboard as a grafana-operator GrafanaDashboard",
                "",
                "Nothing is written when the sources have errors. Output is byte-identical for identical sources."},
        footer = {"",
                "Exit codes: 0 written (or up to date with --verify), 1 problems found or outputs stale, "
                        + "2 usage or I/O error, 3 internal error.",
                "",
                "Examples:%n"
                        + "  brokerwatch compile                           # the embedded pack into ./out%n"
                        + "  brokerwatch compile my-pack.bw --out build/monitoring --namespace kafka%n"
                        + "  brokerwatch compile my-pack.bw --verify       # in CI: exit 1 when stale"},
        mixinStandardHelpOptions = true)
public final class CompileCommand implements Callable<Integer> {
    @Mixin
    SourceOptions sources;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "out", description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "kafka",
            description = "Name of the emitted Kubernetes resources and prefix of file names. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = "monitoring",
            description = "Namespace of the emitted Kubernetes resources. Default: ${DEFAULT-VALUE}.")
    String namespace;

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "A metadata label on the emitted resources, e.g. --label prometheus=platform. Repeatable.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--verify",
            description = "Write nothing; exit 1 if the output directory differs from what would be written (for CI).")
    boolean verify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Map<String, String> metadataLabels = new LinkedHashMap<>();
        for (String label : labels) {
            int eq = label.indexOf('=');
            if (eq <= 0) {
                err.println("brokerwatch: --label " + label + ": expected KEY=VALUE, e.g. --label prometheus=platform");
                return ExitCode.USAGE;
            }
            metadataLabels.put(label.substring(0, eq), label.substring(eq + 1));
        }
        PackCompiler compiler = sources.compiler(err);
        CompileResult result = compiler == null ? null : sources.load(compiler, stdout, err);
        if (result == null) {
            return ExitCode.USAGE;
        }
        if (sources.failed(result)) {
            err.println("brokerwatch: nothing written: fix the problems above first");
            return ExitCode.PROBLEMS;
        }
        Compilation compilation = compiler.emitOptions(new EmitOptions(name, namespace, metadataLabels)).emit(result);
        try {
            return verify ? verify(compilation.files(), stdout, err) : write(compilation, stdout);
        } catch (IOException e) {
            err.println("brokerwatch: cannot write " + out + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    private int write(Compilation compilation, PrintWriter stdout) throws IOException {
        Set<Path> written = compilation.writeTo(out);
        // files an earlier compile wrote that this one would not: stale, so remove them (only in our own subdirectories)
        for (Path stale : staleFiles(written)) {
            Files.delete(stale);
        }
        stdout.println("wrote " + compilation.files().size() + " files to " + out);
        return ExitCode.OK;
    }

    private int verify(List<OutputFile> files, PrintWriter stdout, PrintWriter err) throws IOException {
        List<String> differences = new ArrayList<>();
        Set<Path> expected = new TreeSet<>();
        for (OutputFile file : files) {
            Path target = out.resolve(file.path());
            expected.add(target.normalize());
            if (!Files.exists(target)) {
                differences.add("missing: " + target);
            } else if (!Files.readString(target, StandardCharsets.UTF_8).equals(file.content())) {
                differences.add("differs: " + target);
            }
        }
        for (Path stale : staleFiles(expected)) {
            differences.add("not produced any more: " + stale);
        }
        if (differences.isEmpty()) {
            stdout.println(out + " is up to date (" + files.size() + " files)");
            return ExitCode.OK;
        }
        differences.forEach(d -> err.println("brokerwatch: " + d));
        err.println("brokerwatch: " + out + " is stale: run brokerwatch compile --out " + out + " and commit the result");
        return ExitCode.PROBLEMS;
    }

    private List<Path> staleFiles(Set<Path> current) throws IOException {
        List<Path> stale = new ArrayList<>();
        for (Emitter emitter : Emitters.ALL) {
            Path dir = out.resolve(emitter.name());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).map(Path::normalize).filter(p -> !current.contains(p)).sorted().forEach(stale::add);
            }
        }
        return stale;
    }
}
