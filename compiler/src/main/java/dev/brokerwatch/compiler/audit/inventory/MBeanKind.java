package dev.brokerwatch.compiler.audit.inventory;

import java.util.Locale;

/**
 * What registered an MBean, read from the class name in its MBeanInfo: a Yammer metric (Kafka's broker metrics:
 * meters, timers, histograms, gauges, counters), a Kafka metric (the {@code org.apache.kafka.common.metrics}
 * JmxReporter), the JVM, or anything else.
 */
public enum MBeanKind {
    YAMMER_METER, YAMMER_TIMER, YAMMER_HISTOGRAM, YAMMER_GAUGE, YAMMER_COUNTER, KAFKA_METRIC, JVM, OTHER;

    /** The word used in inventory files: {@code yammer-meter}, {@code kafka-metric}, {@code jvm}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MBeanKind ofWord(String word) {
        for (MBeanKind k : values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown MBean kind '" + word + "'");
    }

    public boolean isYammer() {
        return name().startsWith("YAMMER_");
    }

    /** The kind of an MBean from its domain and the class its MBeanInfo names. */
    public static MBeanKind of(String domain, String className) {
        String c = className == null ? "" : className;
        if (c.startsWith("com.yammer.metrics.reporting.JmxReporter$")) {
            String inner = c.substring(c.indexOf('$') + 1);
            return switch (inner) {
                case "Meter" -> YAMMER_METER;
                case "Timer" -> YAMMER_TIMER;
                case "Histogram" -> YAMMER_HISTOGRAM;
                case "Gauge" -> YAMMER_GAUGE;
                case "Counter" -> YAMMER_COUNTER;
                default -> OTHER;
            };
        }
        if (c.startsWith("org.apache.kafka.common.metrics.JmxReporter")) {
            return KAFKA_METRIC;
        }
        if (domain.equals("java.lang") || domain.equals("java.nio") || domain.equals("java.util.logging")
                || domain.startsWith("jdk.") || domain.startsWith("com.sun.management") || domain.equals("JMImplementation")) {
            return JVM;
        }
        return OTHER;
    }
}
