package dev.brokerwatch.dsl.ast;

import java.util.Locale;

/**
 * The Prometheus type of a catalog metric. {@code SUMMARY} is the shape of Kafka's Yammer Timer and
 * Histogram MBeans: quantile gauges plus a {@code _count} (and {@code _sum}) counter.
 */
public enum MetricType {
    COUNTER, GAUGE, SUMMARY, UNTYPED;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
