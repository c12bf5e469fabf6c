package dev.brokerwatch.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Apache Kafka release, {@code major.minor.patch}.
 *
 * <p>The versions the build knows come from the root pom ({@code kafka.version},
 * {@code kafka.newest.version}, {@code kafka.legacy.version}) through failsafe's system properties
 * {@code brokerwatch.kafka.version} (the default) and {@code brokerwatch.kafka.versions} (the matrix).
 */
public record KafkaVersion(int major, int minor, int patch) implements Comparable<KafkaVersion> {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    /** Used when no system property names a default (an IDE run); keep in step with the root pom. */
    static final String FALLBACK_DEFAULT = "4.1.2";

    public KafkaVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version component: " + major + "." + minor + "." + patch);
        }
    }

    public static KafkaVersion parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Kafka version (major.minor.patch): '" + text + "'");
        }
        return new KafkaVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }

    /** The version tests use unless they ask for another: {@code -Dbrokerwatch.kafka.version}, else 4.1.2. */
    public static KafkaVersion defaultVersion() {
        return parse(System.getProperty("brokerwatch.kafka.version", FALLBACK_DEFAULT));
    }

    /**
     * The versions a version-matrix test runs on: {@code -Dbrokerwatch.kafka.versions=4.1.2,4.4.0,3.9.2}
     * ({@code mvn verify -Pall-kafka-versions} sets all three), else only the default version.
     */
    public static List<KafkaVersion> matrix() {
        String prop = System.getProperty("brokerwatch.kafka.versions", "");
        List<KafkaVersion> out = new ArrayList<>();
        for (String part : prop.split(",")) {
            if (!part.isBlank()) {
                KafkaVersion v = parse(part);
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
        }
        if (out.isEmpty()) {
            out.add(defaultVersion());
        }
        return List.copyOf(out);
    }

    /** Kafka 4.x brokers log through log4j2; 3.x through reload4j (the log4j 1 API). */
    public boolean usesLog4j2() {
        return major >= 4;
    }

    /** Properties that a 3.x broker does not know (it would only warn), such as the share coordinator's. */
    public boolean hasShareCoordinator() {
        return major >= 4;
    }

    public boolean isAtLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    @Override
    public int compareTo(KafkaVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
