package dev.brokerwatch.compiler.audit.exporter;

import dev.brokerwatch.compiler.audit.inventory.MBeanKind;
import java.util.Set;

/**
 * Whether an attribute value is cumulative (only grows: a counter) or a level (a gauge), from the kind of MBean that
 * holds it and Kafka's naming: a Yammer meter's, timer's or histogram's {@code Count} is cumulative, their rates,
 * means, extremes and percentiles are levels, a Yammer gauge's {@code Value} is a level; a Kafka metric named
 * {@code *-total} is cumulative and one named {@code *-rate}, {@code *-avg}, {@code *-max}, {@code *-min} or
 * {@code *-ratio} a level; the JVM's collection counts and times only grow. Anything else is not judged.
 */
public final class AttributeSemantics {
    public enum Nature { CUMULATIVE, LEVEL, UNKNOWN }

    private static final Set<String> JVM_CUMULATIVE = Set.of("CollectionCount", "CollectionTime", "TotalCompilationTime",
            "TotalStartedThreadCount", "TotalLoadedClassCount", "UnloadedClassCount", "ProcessCpuTime");

    private AttributeSemantics() {
    }

    public static Nature of(AttributeLeaf leaf) {
        MBeanKind kind = leaf.mbean().kind();
        String name = leaf.name();
        if (!leaf.attrKeys().isEmpty()) {
            return Nature.UNKNOWN;
        }
        switch (kind) {
            case YAMMER_METER, YAMMER_TIMER, YAMMER_HISTOGRAM -> {
                if (name.equals("Count")) {
                    return Nature.CUMULATIVE;
                }
                return name.equals("EventType") || name.equals("RateUnit") || name.equals("LatencyUnit") || name.equals("DurationUnit")
                        ? Nature.UNKNOWN : Nature.LEVEL;
            }
            case YAMMER_GAUGE -> {
                return name.equals("Value") ? Nature.LEVEL : Nature.UNKNOWN;
            }
            case KAFKA_METRIC -> {
                if (name.endsWith("-total")) {
                    return Nature.CUMULATIVE;
                }
                for (String suffix : new String[] {"-rate", "-avg", "-max", "-min", "-ratio"}) {
                    if (name.endsWith(suffix)) {
                        return Nature.LEVEL;
                    }
                }
                return Nature.UNKNOWN;
            }
            case JVM -> {
                return JVM_CUMULATIVE.contains(name) ? Nature.CUMULATIVE : Nature.UNKNOWN;
            }
            default -> {
                return Nature.UNKNOWN;
            }
        }
    }
}
