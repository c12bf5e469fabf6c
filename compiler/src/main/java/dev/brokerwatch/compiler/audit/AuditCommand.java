package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.compiler.cli.ExitCode;
import dev.brokerwatch.compiler.cli.SourceOptions;
import dev.brokerwatch.compiler.report.Reporter;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.Params;
import dev.brokerwatch.dsl.resolve.Resolver;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "audit",
        description = {
                "Check the monitoring a team already runs: Prometheus rule files, PrometheusRule and VMRule resources, "
                        + "Grafana dashboards (JSON, ConfigMaps, GrafanaDashboard resources), against the series an exporter "
                        + "really produces on a Kafka version.",
                "",
                "Every expression gets the checks .bw sources get (unknown metrics with 'did you mean', rate over a gauge, "
                        + "labels through aggregation, $labels in templates, RE2 regexes, ranges against the scrape interval), "
                        + "reported at file:line:col inside the YAML or JSON with a caret under the exact span. brokerwatch's "
                        + "house style (severity names, runbook clauses, names the curated pack uses) is not checked."},
        footer = {"",
                "Exporter models: brokerwatch is the brokerwatch agent with its curated catalog; brokerwatch:FILE takes "
                        + "a catalog (.bw) or a compiled agent mapping of your own instead; jmx-exporter[:CONFIG.yaml] is the stock "
                        + "jmx_prometheus_javaagent 1.0.1 with that config; strimzi-reporter[:ALLOWLIST] is the Strimzi Metrics "
                        + "Reporter 0.2.0, ALLOWLIST being comma-separated regexes or a file (.properties, Kafka resource, one per line).",
                "",
                "MBean inventories: jmx-exporter and strimzi-reporter run over a recorded MBean inventory of a real node, by "
                        + "default the shipped one of --kafka and --role. --jmx-inventory FILE takes your own instead, recorded "
                        + "with brokerwatch record --jmx URL --out FILE: the audit is then of the Kafka version and role the "
                        + "file records, and --kafka or --role that say otherwise are a usage error.",
                "",
                "Exit codes: 0 no problems, 1 problems found, 2 usage or I/O error, 3 internal error.",
                "",
                "Examples:%n"
                        + "  brokerwatch audit --kafka 4.1 rules/ dashboards/%n"
                        + "  brokerwatch audit rules.yaml --format github%n"
                        + "  brokerwatch audit --exporter jmx-exporter:kafka-metrics.yaml \\%n"
                        + "      --jmx-inventory broker-1.inventory.gz rules/"},
        mixinStandardHelpOptions = true)
public final class AuditCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE_OR_DIR", arity = "1..*",
            description = "Rule files, PrometheusRule or VMRule resources, dashboard JSON, ConfigMaps. A folder is read for its YAML and JSON files.")
    List<String> files = new ArrayList<>();

    @Option(names = "--exporter", paramLabel = "SPEC", defaultValue = "brokerwatch",
            description = "The exporter that produces the brokers' series: brokerwatch[:CATALOG.bw|MAPPING], jmx-exporter[:CONFIG.yaml], "
                    + "strimzi-reporter[:ALLOWLIST]. Default: ${DEFAULT-VALUE}.")
    String exporter;

    @Mixin
    TargetOptions target;

    @Option(names = "--scrape-interval", paramLabel = "DURATION", defaultValue = "30s",
            description = "The scrape interval of the brokers' targets: ranges shorter than twice it are reported. Default: ${DEFAULT-VALUE}.")
    String scrapeInterval;

    @Option(names = "--target-labels", paramLabel = "LABEL[,LABEL]", split = ",",
            description = "Labels Prometheus attaches to every scraped series. Default: the exporter model's (brokerwatch: job, instance, namespace, pod).")
    List<String> targetLabels = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How problems are printed: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Reporter.Format format;

    @Option(names = "--strict", description = "Treat warnings as problems (exit code 1).")
    boolean strict;

    @Option(names = "--disable", paramLabel = "CODE[,CODE]", split = ",",
            description = "Do not report these check codes, e.g. --disable promql/counter-threshold.")
    List<String> disable = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            CompileResult result = run();
            Reporter.forFormat(format).report(result.diagnostics(), out);
            boolean failed = result.diagnostics().stream()
                    .anyMatch(d -> d.severity() == Severity.ERROR || (strict && d.severity() == Severity.WARNING));
            return failed ? ExitCode.PROBLEMS : ExitCode.OK;
        } catch (Usage e) {
            err.println("brokerwatch: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    /** A usage or I/O problem: one line, exit code 2. */
    static final class Usage extends Exception {
        Usage(String message) {
            super(message);
        }
    }

    CompileResult run() throws Usage {
        ResolvedTarget resolved;
        try {
            resolved = target.resolve(exporter);
        } catch (InvalidTargetException e) {
            throw new Usage(e.getMessage());
        }
        Set<CheckCode> disabled = new LinkedHashSet<>();
        for (String name : disable) {
            String problem = SourceOptions.disableProblem(name.strip());
            if (problem != null) {
                throw new Usage("--disable " + name.strip() + ": " + problem);
            }
            disabled.add(CheckCode.byCode(name.strip()).orElseThrow());
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put(Params.KAFKA_VERSION, resolved.brokers().kafkaVersion());
        overrides.put("scrape_interval", scrapeInterval);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Resolver.OverrideError> overrideErrors = new ArrayList<>();
        Params params = Resolver.params(List.of(), overrides, diagnostics, overrideErrors);
        if (!overrideErrors.isEmpty()) {
            throw new Usage(overrideErrors.get(0).message().replace("--set " + Params.KAFKA_VERSION, "--kafka")
                    .replace("--set scrape_interval", "--scrape-interval"));
        }
        AuditInputs inputs;
        try {
            inputs = AuditReader.read(files);
        } catch (AuditReader.Unreadable e) {
            throw new Usage(e.getMessage());
        }
        if (inputs.groups().isEmpty() && inputs.queries().isEmpty() && inputs.exporterConfigs().isEmpty() && inputs.problems().isEmpty()) {
            throw new Usage("nothing to audit in " + String.join(", ", files)
                    + ": no rule groups, Grafana dashboards or exporter configuration found");
        }
        AuditTarget brokers = new AuditTarget(params.kafkaVersion(), resolved.brokers().role());
        ExporterModel model;
        List<CatalogMetric> externals;
        try {
            model = ExporterModels.parse(exporter, inputs.exporterConfigs(), resolved.inventories());
            externals = ExternalSeries.embedded().select(resolved.external());
        } catch (ExporterSpecException e) {
            throw new Usage(e.getMessage());
        }
        Catalog catalog;
        List<Diagnostic> findings;
        try {
            catalog = AuditCatalog.assemble(model, brokers, externals, targetLabels);
            findings = model.configFindings(brokers);
        } catch (IllegalArgumentException e) { // no inventory recorded for that version and role
            throw new Usage("--exporter " + exporter + ": " + e.getMessage());
        }
        diagnostics.addAll(inputs.problems());
        diagnostics.addAll(findings);
        diagnostics.addAll(AuditChecker.check(inputs, catalog, params, model.name()));
        return new CompileResult(null, diagnostics.stream().filter(d -> !disabled.contains(d.check())).toList(), List.of());
    }
}
