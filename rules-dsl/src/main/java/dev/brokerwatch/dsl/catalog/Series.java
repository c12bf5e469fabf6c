package dev.brokerwatch.dsl.catalog;

import dev.brokerwatch.dsl.ast.MetricType;
import java.util.SortedSet;

/**
 * One series name as PromQL sees it, with the type that matters to checks: a summary's quantile series is
 * a gauge, its {@code _count} a counter. {@code labels} includes the target labels.
 */
public record Series(String name, MetricType type, SortedSet<String> labels, CatalogMetric metric) {
    public boolean labelsKnown() {
        return metric.labelsKnown();
    }
}
