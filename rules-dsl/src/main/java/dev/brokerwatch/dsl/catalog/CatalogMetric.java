package dev.brokerwatch.dsl.catalog;

import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.source.Span;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A metric family of the catalog: name, type, own label names (target labels such as {@code job} come on
 * top, see {@link Catalog#labelsOf}), help, unit, origin, where it is declared, and for agent metrics how
 * to read it. {@code labelsKnown} is false for a recording rule whose expression could not be analysed
 * (its problem is already reported), so that rules built on it do not get follow-on errors. {@code conditional} says why it may be absent on a healthy broker (null: always present);
 * {@code since}/{@code until} bound the Kafka versions that have it (null: unbounded).
 */
public record CatalogMetric(String name, MetricType type, SortedSet<String> labels, String help, String unit,
                            Origin origin, String source, Span declaredAt, String conditional, String since,
                            String until, List<JmxBinding> jmx, String cgroupField, boolean labelsKnown) {
    public CatalogMetric {
        labels = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(labels));
        jmx = List.copyOf(jmx);
    }

    /**
     * True when the series are scraped from the Kafka node they describe (the agent's JMX and cgroup series, the
     * JVM's, a broker-side exporter's MBean series): they vanish when that node is down or unscraped, instead of
     * reporting a value. Series of other exporters (kafka_exporter, kubelet) and Prometheus's {@code up} stay.
     */
    public boolean scrapedFromNode() {
        return origin == Origin.JMX || origin == Origin.CGROUP || (origin == Origin.EXTERNAL && "jvm".equals(source))
                || !jmx.isEmpty();
    }

    /**
     * The label that carries the partition when every MBean source is a per-partition MBean (an ObjectName with a
     * {@code partition} key) that exports the key as a label: one series per partition.
     */
    public java.util.Optional<String> partitionLabel() {
        String label = null;
        for (JmxBinding b : jmx) {
            java.util.Optional<String> l = b.labels().stream().filter(k -> k.key().equals("partition")).map(JmxBinding.LabelKey::label).findFirst();
            if (l.isEmpty() || (label != null && !label.equals(l.get()))) {
                return java.util.Optional.empty();
            }
            label = l.get();
        }
        return label != null && labels.contains(label) ? java.util.Optional.of(label) : java.util.Optional.empty();
    }

    /**
     * The series names this family exposes: a summary has its quantile series, a {@code _count} and a
     * {@code _sum} (for Kafka's histograms the agent computes it as Mean x Count).
     */
    public List<String> seriesNames() {
        if (type != MetricType.SUMMARY) {
            return List.of(name);
        }
        return List.of(name, name + "_count", name + "_sum");
    }
}
