package dev.brokerwatch.dsl.catalog;

import dev.brokerwatch.dsl.ast.MetricType;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every metric a pack may query, known at compile time: the agent's JMX and cgroup metrics, external
 * metrics, and recording-rule outputs. Immutable; built by {@link CatalogBuilder}.
 */
public final class Catalog {
    private final SortedMap<String, CatalogMetric> metrics;
    private final SortedMap<String, Series> series;
    private final SortedSet<String> targetLabels;

    Catalog(Collection<CatalogMetric> metrics, Collection<String> targetLabels) {
        this.targetLabels = Collections.unmodifiableSortedSet(new TreeSet<>(targetLabels));
        SortedMap<String, CatalogMetric> byName = new TreeMap<>();
        SortedMap<String, Series> bySeries = new TreeMap<>();
        for (CatalogMetric m : metrics) {
            byName.put(m.name(), m);
            SortedSet<String> labels = new TreeSet<>(m.labels());
            if (m.origin() != Origin.RECORDING) {
                labels.addAll(this.targetLabels); // a recording rule's output has exactly the labels its expression keeps
            }
            if (m.type() == MetricType.SUMMARY) {
                SortedSet<String> quantileLabels = new TreeSet<>(labels);
                quantileLabels.add("quantile");
                bySeries.put(m.name(), new Series(m.name(), MetricType.GAUGE, Collections.unmodifiableSortedSet(quantileLabels), m));
                bySeries.put(m.name() + "_count", new Series(m.name() + "_count", MetricType.COUNTER,
                        Collections.unmodifiableSortedSet(labels), m));
                // Kafka's Yammer histograms have no sum attribute: the agent exports Mean x Count, read together
                bySeries.put(m.name() + "_sum", new Series(m.name() + "_sum", MetricType.COUNTER,
                        Collections.unmodifiableSortedSet(labels), m));
            } else {
                bySeries.put(m.name(), new Series(m.name(), m.type(), Collections.unmodifiableSortedSet(labels), m));
            }
        }
        this.metrics = Collections.unmodifiableSortedMap(byName);
        this.series = Collections.unmodifiableSortedMap(bySeries);
    }

    /** This catalog plus one more family (a recording rule's output). */
    public Catalog with(CatalogMetric metric) {
        List<CatalogMetric> all = new java.util.ArrayList<>(metrics.values());
        all.add(metric);
        return new Catalog(all, targetLabels);
    }

    /** A catalog of these families, each series carrying {@code targetLabels} too (an exporter model's catalog). */
    public static Catalog of(Collection<CatalogMetric> metrics, Collection<String> targetLabels) {
        return new Catalog(metrics, targetLabels);
    }

    public static Catalog empty() {
        return new Catalog(List.of(), List.of());
    }

    /** Families in name order. */
    public Collection<CatalogMetric> metrics() {
        return metrics.values();
    }

    public Optional<CatalogMetric> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** A series by the name PromQL selects it with. */
    public Optional<Series> series(String name) {
        return Optional.ofNullable(series.get(name));
    }

    public Set<String> seriesNames() {
        return series.keySet();
    }

    public SortedSet<String> targetLabels() {
        return targetLabels;
    }

    /** The label names a series carries in Prometheus, target labels included. */
    public SortedSet<String> labelsOf(String seriesName) {
        Series s = series.get(seriesName);
        return s == null ? Collections.emptySortedSet() : s.labels();
    }

    public Optional<String> suggest(String wrongName) {
        return DidYouMean.suggest(wrongName, series.keySet());
    }

    public Map<String, CatalogMetric> asMap() {
        return metrics;
    }
}
