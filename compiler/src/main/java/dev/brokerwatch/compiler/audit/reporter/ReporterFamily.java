package dev.brokerwatch.compiler.audit.reporter;

import java.util.SortedSet;

/**
 * A family the simulated reporter exposes: the name its allowlist is matched against, the name as in {@code # TYPE}
 * (a counter's with {@code _total}, an info's with {@code _info}), the kind ({@code counter}, {@code gauge},
 * {@code info}, {@code summary}), its label names ({@code quantile} not included), which registry it comes from
 * ({@code yammer} or {@code kafka}) and one MBean attribute it is read from.
 */
public record ReporterFamily(String name, String exposedName, String kind, SortedSet<String> labels, String registry, String example) {
    public static final String COUNTER = "counter";
    public static final String GAUGE = "gauge";
    public static final String INFO = "info";
    public static final String SUMMARY = "summary";

    static String exposedName(String name, String kind) {
        return switch (kind) {
            case COUNTER -> name + "_total";
            case INFO -> name + "_info";
            default -> name;
        };
    }
}
