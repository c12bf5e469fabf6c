package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;

/**
 * The Kubernetes resource ({@code PrometheusRule}, {@code VMRule}) that holds rule groups: kind, name, namespace
 * (null when absent) and the labels and annotations of its metadata, as written; {@code span} is where the
 * metadata is.
 */
public record AuditResource(String kind, String name, String namespace, List<RuleEntry> labels, List<RuleEntry> annotations,
                            Span span) {
    public AuditResource {
        labels = List.copyOf(labels);
        annotations = List.copyOf(annotations);
    }
}
