package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.compiler.audit.exporter.JmxExporterModel;
import dev.brokerwatch.compiler.audit.inventory.InventorySource;
import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * {@code --exporter jmx-exporter[:CONFIG.yaml]}: the stock jmx_exporter's rule engine over a recorded MBean inventory.
 * Without a file, the one exporter configuration found among the audited files (a Strimzi metrics ConfigMap).
 * The inventory comes from {@code inventories}: the shipped ones, or the user's {@code --jmx-inventory}.
 */
final class JmxExporterModels {
    /**
     * The labels a scraped series carries besides the exporter's own: what Prometheus adds (job, instance) and what
     * the Prometheus Operator's pod and service monitors add, so that grouping by them is not reported as a missing
     * label. {@code --target-labels} narrows this to a setup's own.
     */
    static final List<String> TARGET_LABELS = List.of("job", "instance", "namespace", "pod", "container", "service",
            "endpoint");

    private JmxExporterModels() {
    }

    static ExporterModel create(String argument, List<ExporterConfigSource> found, InventorySource inventories)
            throws ExporterSpecException {
        if (argument != null) {
            Path path = Path.of(argument);
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new ExporterSpecException("--exporter jmx-exporter:" + argument + ": cannot read the configuration ("
                        + e.getMessage() + ")");
            }
            return JmxExporterModel.of(new SourceFile(argument, path, text), inventories).withTargetLabels(TARGET_LABELS);
        }
        if (found.size() == 1) {
            MappedText yaml = found.get(0).yaml();
            SourceFile config = yaml.asSource();
            return new InFile(JmxExporterModel.of(config, inventories).withTargetLabels(TARGET_LABELS), config, yaml);
        }
        throw new ExporterSpecException("--exporter jmx-exporter needs its configuration: "
                + (found.isEmpty() ? "none was found among the audited files"
                        : found.size() + " were found among the audited files (" + String.join(", ",
                                found.stream().map(ExporterConfigSource::where).toList()) + ")")
                + "; name one with --exporter jmx-exporter:FILE.yaml");
    }

    /** A configuration read out of a ConfigMap: its findings are placed back into the ConfigMap's file. */
    private record InFile(ExporterModel model, SourceFile config, MappedText yaml) implements ExporterModel {
        @Override
        public String name() {
            return model.name();
        }

        @Override
        public Catalog catalog(AuditTarget target) {
            return model.catalog(target);
        }

        @Override
        public List<Diagnostic> configFindings(AuditTarget target) {
            return model.configFindings(target).stream().map(this::placed).toList();
        }

        private Diagnostic placed(Diagnostic d) {
            Diagnostic moved = new Diagnostic(d.check(), d.severity(), place(d.span()), d.message(), d.hint(), List.of());
            for (Diagnostic.Related r : d.related()) {
                moved = moved.withRelated(place(r.span()), r.message());
            }
            return moved;
        }

        private Span place(Span span) {
            if (span == null || span.file() != config) {
                return span;
            }
            int length = yaml.text().length();
            int start = Math.min(span.start(), length);
            return yaml.span(start, Math.max(start, Math.min(span.end(), length)));
        }
    }
}
