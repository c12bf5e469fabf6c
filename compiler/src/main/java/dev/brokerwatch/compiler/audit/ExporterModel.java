package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.diag.Diagnostic;
import java.util.List;

/**
 * An exporter as the audit sees it: the series it produces for a Kafka version and node role, as a catalog
 * every expression is checked against, and the problems of its own configuration (none for an exporter
 * without one).
 */
public interface ExporterModel {
    /** The name as {@code --exporter} spells it, e.g. {@code brokerwatch} or {@code jmx-exporter:kafka-metrics.yaml}. */
    String name();

    /** The series this exporter produces on that target; target labels (job, pod, ...) included. */
    Catalog catalog(AuditTarget target);

    /** Problems of the exporter's configuration on that target, with positions in the configuration. */
    List<Diagnostic> configFindings(AuditTarget target);
}
