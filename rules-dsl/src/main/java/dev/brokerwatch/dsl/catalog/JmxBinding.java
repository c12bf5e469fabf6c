package dev.brokerwatch.dsl.catalog;

import dev.brokerwatch.dsl.source.Span;
import java.util.List;
import java.util.Map;

/**
 * One MBean source of a metric, resolved: the ObjectName pattern (wildcard values are {@code *}), the
 * attribute read (for a summary, the quantile attributes, the count attribute and the mean attribute whose
 * product with the count is the lifetime sum), the scale factor, and which ObjectName keys become which labels;
 * {@code valueLabel}, when not null, is the label whose value is the attribute's String value, on a sample of
 * value 1.
 */
public record JmxBinding(Span span, String objectName, String attribute, Map<String, String> quantiles,
                         String countAttribute, String meanAttribute, double scale, List<LabelKey> labels,
                         String valueLabel) {
    public JmxBinding {
        quantiles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quantiles)); // keep the declared order
        labels = List.copyOf(labels);
    }

    /** A Prometheus label taken from an ObjectName key. */
    public record LabelKey(String label, String key) {
    }
}
