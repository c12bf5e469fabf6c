package dev.brokerwatch.dsl.catalog;

import java.util.Set;

/**
 * Gauges that only grow, so that rate() and increase() over them are right although they are not typed counters:
 * Kafka offsets (a partition's log end and log start offset, a consumer group's committed offset: they move forward,
 * and fall only when a topic is recreated or a group's offsets are reset, which rate() reads as a reset) and the
 * broker's cumulative disk I/O byte counts, which Kafka registers as Yammer gauges.
 */
public final class GrowingGauges {
    private static final Set<String> GROWING_MBEANS = Set.of(
            "kafka.log:type=Log,name=LogEndOffset", "kafka.log:type=Log,name=LogStartOffset",
            "kafka.server:type=KafkaServer,name=linux-disk-read-bytes", "kafka.server:type=KafkaServer,name=linux-disk-write-bytes");

    private GrowingGauges() {
    }

    /** True when every source of the metric only grows: by its MBean, or kafka_exporter's offsets by their name. */
    public static boolean onlyGrows(CatalogMetric metric) {
        if (!metric.jmx().isEmpty()) {
            return metric.jmx().stream().allMatch(b -> GROWING_MBEANS.stream().anyMatch(m -> b.objectName().equals(m)
                    || b.objectName().startsWith(m + ",")) && "Value".equals(b.attribute()));
        }
        return "kafka_exporter".equals(metric.source()) && metric.name().endsWith("_offset");
    }
}
