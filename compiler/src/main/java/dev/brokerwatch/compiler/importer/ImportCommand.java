package dev.brokerwatch.compiler.importer;

import dev.brokerwatch.compiler.audit.AuditInputs;
import dev.brokerwatch.compiler.audit.AuditReader;
import dev.brokerwatch.compiler.audit.AuditTarget;
import dev.brokerwatch.compiler.audit.ExporterModel;
import dev.brokerwatch.compiler.audit.ExporterModels;
import dev.brokerwatch.compiler.audit.ExporterSpecException;
import dev.brokerwatch.compiler.audit.ExternalSeries;
import dev.brokerwatch.compiler.audit.InvalidTargetException;
import dev.brokerwatch.compiler.audit.ResolvedTarget;
import dev.brokerwatch.compiler.audit.TargetOptions;
import dev.brokerwatch.compiler.cli.ExitCode;
import dev.brokerwatch.compiler.report.Reporter;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import",
        description = {
                "Turn Prometheus rule files, PrometheusRule and VMRule resources into .bw sources: groups (interval, limit), "
                        + "alerts and recording rules with their expressions, for, keep_firing_for, labels and annotations exactly "
                        + "as written, and the YAML comments above and inside each group and rule.",
                "",
                "The sources are checked as they are written. Where a check would fire only because brokerwatch's house style "
                        + "is not the team's (their severity names, runbook: instead of runbook_url, one alert name used twice) "
                        + "the file says so in a '# brokerwatch: disable=...' comment with the reason. Then they are compiled back "
                        + "in memory and compared with what was read: compile gives the same rules. Anything the language cannot "
                        + "say is reported at its place in the YAML (import/not-carried), never dropped silently.",
                "",
                "With --exporter the catalog of the series the rules use is written too, so that check type-checks "
                        + "every expression against what that exporter really produces; without it, no catalog says which series "
                        + "exist and unknown metrics are not reported (the files disable promql/unknown-metric, saying why)."},
        footer = {"",
                "Without --out the sources are printed as one file (catalog included) on standard output; problems go to "
                        + "standard error. With --out DIR one .bw file per rule file or resource is written, plus catalog.bw; "
                        + "an existing file is never overwritten without --force.",
                "",
                "Exit codes: 0 everything imported, 1 something could not be carried or the YAML has problems (the rest is "
                        + "written), 2 usage or I/O error (nothing written), 3 internal error.",
                "",
                "Examples:%n"
                        + "  brokerwatch import prometheusrule.yaml > kafka.bw%n"
                        + "  brokerwatch import rules/ --exporter jmx-exporter:metrics.yaml --out bw/%n"
                        + "  brokerwatch import rules/ --exporter jmx-exporter:metrics.yaml \\%n"
                        + "      --jmx-inventory broker-1.inventory.gz --out bw/%n"
                        + "  brokerwatch check bw/*.bw && brokerwatch compile bw/*.bw --out out"},
        mixinStandardHelpOptions = true)
public final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE_OR_DIR", arity = "1..*",
            description = "Rule files, PrometheusRule or VMRule resources, ConfigMaps holding rule files. A folder is read for its YAML files.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Write one .bw file per rule file or resource (and catalog.bw) into DIR. Default: one file on standard output.")
    Path out;

    @Option(names = "--force", description = "Overwrite .bw files that already exist in the --out folder.")
    boolean force;

    @Option(names = "--exporter", paramLabel = "SPEC",
            description = "Write the catalog for this exporter model: brokerwatch[:CATALOG.bw|MAPPING], jmx-exporter[:CONFIG.yaml], strimzi-reporter[:ALLOWLIST|FILE]. "
                    + "Default: no catalog.")
    String exporter;

    @Mixin
    TargetOptions target;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How problems are printed: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Reporter.Format format;

    @Spec
    CommandSpec spec;

    /** A usage or I/O problem: one line, exit code 2, nothing written. */
    private static final class Usage extends Exception {
        Usage(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Importer.Result result = run();
            if (!result.usageErrors().isEmpty()) {
                throw new Usage(String.join("; ", result.usageErrors()));
            }
            // problems go where they cannot mix with the sources printed on standard output
            PrintWriter problems = out == null ? err : stdout;
            Reporter.forFormat(format).report(sorted(result.problems()), problems);
            if (out == null) {
                stdout.print(result.files().get(result.files().size() - 1).text());
                stdout.flush();
            } else {
                write(result.files());
                stdout.println("imported " + result.groups() + " groups (" + result.alerts() + " alerts, " + result.records()
                        + " recording rules) into " + result.files().size() + " files in " + out + ": "
                        + String.join(", ", result.files().stream().map(f -> f.name()).toList()));
            }
            summary(result, out == null ? err : stdout);
            boolean lossy = result.problems().stream().anyMatch(d -> d.severity() != Severity.INFO);
            return lossy ? ExitCode.PROBLEMS : ExitCode.OK;
        } catch (Usage e) {
            err.println("brokerwatch: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    private Importer.Result run() throws Usage {
        ResolvedTarget resolved;
        try {
            resolved = target.resolve(exporter);
        } catch (InvalidTargetException e) {
            throw new Usage(e.getMessage());
        }
        AuditInputs inputs;
        try {
            inputs = AuditReader.read(files);
        } catch (AuditReader.Unreadable e) {
            throw new Usage(e.getMessage());
        }
        if (inputs.groups().isEmpty()) {
            if (!inputs.problems().isEmpty()) {
                Reporter.forFormat(format).report(sorted(inputs.problems()), spec.commandLine().getErr());
            }
            throw new Usage("nothing to import in " + String.join(", ", files) + ": no rule groups found (import reads Prometheus "
                    + "rule files, PrometheusRule and VMRule resources, ConfigMaps holding rule files)");
        }
        ImportCatalog catalog = null;
        if (exporter != null) {
            AuditTarget brokers = resolved.brokers();
            try {
                ExporterModel model = ExporterModels.parse(exporter, inputs.exporterConfigs(), resolved.inventories());
                List<CatalogMetric> externals = ExternalSeries.embedded().select(resolved.external());
                catalog = ImportCatalog.of(exporter, model, brokers, externals, inputs.groups(), userCatalog());
            } catch (ExporterSpecException e) {
                throw new Usage(e.getMessage());
            } catch (IllegalArgumentException e) { // no inventory recorded for that version and role
                throw new Usage("--exporter " + exporter + ": " + e.getMessage());
            }
        }
        String folder = out == null ? "" : out.toString();
        Importer.Result result = Importer.run(inputs, new Importer.Options(folder, out == null, catalog, resolved.brokers().kafkaVersion()));
        if (out != null && !force) {
            List<String> existing = result.files().stream().map(f -> out.resolve(f.name())).filter(Files::exists)
                    .map(Path::toString).toList();
            if (!existing.isEmpty()) {
                throw new Usage("not overwriting " + String.join(", ", existing) + ": pass --force to replace "
                        + (existing.size() == 1 ? "it" : "them") + ", or choose another --out folder");
            }
        }
        return result;
    }

    /** For {@code brokerwatch:FILE.bw}: the path the written sources import it by. */
    private String userCatalog() {
        String spec = exporter.strip();
        if (!spec.startsWith("brokerwatch:") || !spec.endsWith(".bw")) {
            return null;
        }
        Path catalog = Path.of(spec.substring("brokerwatch:".length())).toAbsolutePath().normalize();
        Path from = (out == null ? Path.of("") : out).toAbsolutePath().normalize();
        return from.relativize(catalog).toString().replace('\\', '/');
    }

    private void write(List<ImportedFile> written) throws Usage {
        try {
            Files.createDirectories(out);
            for (ImportedFile file : written) {
                Files.writeString(out.resolve(file.name()), file.text(), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            throw new Usage("cannot write to " + out + ": " + e.getMessage());
        }
    }

    /** One line on what check says about the written sources, and the command to see it. */
    private void summary(Importer.Result result, PrintWriter to) {
        long errors = result.findings().stream().filter(Diagnostic::isError).count();
        long warnings = result.findings().stream().filter(d -> d.severity() == Severity.WARNING).count();
        String sources = out == null ? "FILE.bw" : String.join(" ", result.files().stream().filter(f -> !f.name().equals("catalog.bw"))
                .map(f -> out.resolve(f.name()).toString()).toList());
        if (errors + warnings == 0) {
            to.println("check finds no problem in the imported sources; compile them with: brokerwatch compile " + sources);
        } else {
            to.println("check finds " + errors + " errors and " + warnings + " warnings in the imported sources (" + (exporter == null
                    ? "without --exporter only what needs no catalog" : "against --exporter " + exporter.strip())
                    + "); see them with: brokerwatch check " + sources);
        }
        to.flush();
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        out.sort(java.util.Comparator.comparing((Diagnostic d) -> d.span() == null ? "" : d.span().file().displayPath())
                .thenComparingInt(d -> d.span() == null ? 0 : d.span().start()));
        return out;
    }
}
