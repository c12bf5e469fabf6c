package dev.brokerwatch.dsl.catalog;

import java.util.regex.Pattern;

/**
 * Kafka versions as the language writes them ({@code "4"}, {@code "4.2"}, {@code "3.9.1"}): a missing part
 * counts as 0, so {@code "4.2"} is the first 4.2 release. {@code since} is inclusive, {@code until} exclusive.
 */
public final class KafkaVersions {
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");

    private KafkaVersions() {
    }

    public static boolean isValid(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /** Negative, zero or positive as {@code a} is older than, the same as or newer than {@code b}; both valid. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = compareNumbers(part(x, i), part(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Whether a metric bounded by {@code since} (inclusive) and {@code until} (exclusive), either null, exists on {@code version}. */
    public static boolean within(String version, String since, String until) {
        return (since == null || compare(version, since) >= 0) && (until == null || compare(version, until) < 0);
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? parts[i] : "0";
    }

    // digit strings of any length, compared as numbers
    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
