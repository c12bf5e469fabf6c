package dev.brokerwatch.dsl.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What the value of a Kafka MBean attribute means over time, from the attribute's name, for the kinds of values
 * checks must not mistake for others. Kafka's broker metrics are Yammer metrics: a meter's {@code OneMinuteRate},
 * {@code FiveMinuteRate} and {@code FifteenMinuteRate} are exponentially weighted per-second rates of recent events;
 * its {@code MeanRate} is the count divided by the time since the broker started; a histogram's or timer's
 * {@code Mean}, {@code Max}, {@code Min} and {@code StdDev} cover every value since the broker started (only the
 * percentiles come from a decaying sample). A Kafka client-style metric ({@code org.apache.kafka.common.metrics})
 * named {@code *-rate} is a per-second rate over its sample window. Only MBeans of Kafka's {@code kafka.*}
 * domains are judged: the JVM's attributes have other names.
 */
public enum KafkaAttribute {
    /** a per-second rate of recent events: {@code OneMinuteRate} and its kin, a Kafka metric's {@code *-rate} */
    RECENT_RATE,
    /** a per-second rate averaged over the broker's whole lifetime: {@code MeanRate} */
    LIFETIME_RATE,
    /** an average of every value since the broker started: a histogram's {@code Mean} */
    LIFETIME_MEAN,
    /** an extreme or spread of every value since the broker started: {@code Max}, {@code Min}, {@code StdDev} */
    LIFETIME_EXTREME;

    private static final List<String> RECENT_RATES = List.of("OneMinuteRate", "FiveMinuteRate", "FifteenMinuteRate");
    private static final List<String> EXTREMES = List.of("Max", "Min", "StdDev");

    /** The meaning of {@code attribute} of an MBean named {@code objectName}, when it is one of these kinds. */
    public static Optional<KafkaAttribute> of(String objectName, String attribute) {
        if (objectName == null || attribute == null || !objectName.startsWith("kafka.")) {
            return Optional.empty();
        }
        if (RECENT_RATES.contains(attribute) || (attribute.endsWith("-rate") && !attribute.endsWith("-total"))) {
            return Optional.of(RECENT_RATE);
        }
        if (attribute.equals("MeanRate")) {
            return Optional.of(LIFETIME_RATE);
        }
        if (attribute.equals("Mean")) {
            return Optional.of(LIFETIME_MEAN);
        }
        if (EXTREMES.contains(attribute)) {
            return Optional.of(LIFETIME_EXTREME);
        }
        return Optional.empty();
    }

    /** The attribute's kind from a binding of the catalog. */
    public static Optional<KafkaAttribute> of(JmxBinding binding) {
        return of(binding.objectName(), binding.attribute());
    }

    public boolean isRate() {
        return this == RECENT_RATE || this == LIFETIME_RATE;
    }

    public boolean isLifetime() {
        return this != RECENT_RATE;
    }

    /** What the value is, for messages: "the lifetime mean (every value since the broker started)". */
    public String meaning() {
        return switch (this) {
            case RECENT_RATE -> "already a per-second rate of recent events";
            case LIFETIME_RATE -> "averaged over the broker's whole lifetime (its count divided by the time since start)";
            case LIFETIME_MEAN -> "the mean of every value since the broker started";
            case LIFETIME_EXTREME -> "taken over every value since the broker started";
        };
    }
}
