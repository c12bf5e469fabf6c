package dev.brokerwatch.tests.catalog;

import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.Origin;
import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.resolve.SourceLoader;

/**
 * The catalog of a brokerwatch pack, read with the compiler's own front end, and the committed outputs
 * compiled from the curated pack ({@code alerts/out/}). The curated pack is {@code alerts/kafka.bw}, the
 * same sources that the agent's embedded mapping and the stock exporter config were compiled from
 * (the compiler's tests fail when {@code alerts/out/} is stale).
 */
public final class PackCatalog {
    private static Catalog curated;

    private PackCatalog() {}

    /** {@code alerts/}. */
    public static Path alertsDir() {
        return BrokerwatchAgentAttachment.repoRoot().resolve("alerts");
    }

    /** The curated pack's root file, {@code alerts/kafka.bw}. */
    public static Path curatedRoot() {
        return alertsDir().resolve("kafka.bw");
    }

    /** The committed stock jmx_exporter config, {@code alerts/out/jmx-exporter/kafka-jmx-exporter.yaml}. */
    public static Path generatedJmxExporterConfig() {
        return alertsDir().resolve("out").resolve("jmx-exporter").resolve("kafka-jmx-exporter.yaml");
    }

    /** The committed agent mapping, {@code alerts/out/agent/kafka-default.mapping} (embedded in the agent jar). */
    public static Path generatedAgentMapping() {
        return alertsDir().resolve("out").resolve("agent").resolve("kafka-default.mapping");
    }

    /** The curated pack's catalog (read once per JVM). */
    public static synchronized Catalog curated() {
        if (curated == null) {
            curated = load(curatedRoot());
        }
        return curated;
    }

    /** The catalog of the pack rooted at {@code root}, with default parameters; fails on any compile error. */
    public static Catalog load(Path root) {
        CompileResult result = Frontend.run(List.of(root.toString()), SourceLoader.fileSystem(), Map.of());
        if (result.pack() == null || result.hasErrors() || !result.usageErrors().isEmpty()) {
            throw new IllegalStateException("cannot read the pack " + root + ": " + result.usageErrors() + " "
                    + result.diagnostics().stream().filter(d -> d.isError()).map(Object::toString)
                            .collect(Collectors.joining("; ")));
        }
        return result.pack().catalog();
    }

    /** The metrics the agent exports from MBeans ({@link Origin#JMX}) or the cgroup ({@link Origin#CGROUP}). */
    public static List<CatalogMetric> agentMetrics(Catalog catalog) {
        return catalog.metrics().stream()
                .filter(m -> m.origin() == Origin.JMX || m.origin() == Origin.CGROUP)
                .toList();
    }

    /**
     * The family of {@code metric} in a parsed scrape. A counter's {@code # TYPE} line names it with
     * {@code _total} in client_java 1.x's Prometheus text format and without it in OpenMetrics, so both are
     * looked up; the samples of a counter are always named {@code <name>_total}.
     */
    public static java.util.Optional<Scrape.MetricFamily> family(Scrape.MetricFamilies scrape, CatalogMetric metric) {
        java.util.Optional<Scrape.MetricFamily> exact = scrape.family(metric.name());
        if (exact.isPresent() || metric.type() != dev.brokerwatch.dsl.ast.MetricType.COUNTER
                || !metric.name().endsWith("_total")) {
            return exact;
        }
        return scrape.family(metric.name().substring(0, metric.name().length() - "_total".length()));
    }
}
