package dev.brokerwatch.compiler.audit.reporter;

import java.util.Locale;

/**
 * How the Strimzi Metrics Reporter ({@code io.strimzi:metrics-reporter} 0.2.0, on client_java 1.3.6's
 * {@code PrometheusNaming}) names what it reads from Kafka's registries, learned from its source:
 * <ul>
 *   <li>a Yammer metric is {@code group_type_name}, a Kafka metric {@code namespace_group_name} (the namespace of its
 *       metrics context, {@code kafka.server} on a broker, with dots made underscores);</li>
 *   <li>that text is sanitized (characters outside {@code [a-zA-Z.]}, and a digit in first place, become {@code _};
 *       runs are not collapsed; the suffixes {@code _total}, {@code _created}, {@code _bucket}, {@code _info} and their
 *       dotted forms are stripped, repeatedly, case-sensitively), lower-cased, and its dots made underscores;</li>
 *   <li>label names are the Yammer scope's keys or the Kafka metric's tag keys, sanitized the same way, with leading
 *       {@code __}, {@code _.}, {@code ._}, {@code ..} cut off one character at a time.</li>
 * </ul>
 * The allowlist is matched against the name so formed, before the exposition adds {@code _total} or {@code _info}.
 */
public final class StrimziReporterNaming {
    private static final String[] RESERVED_SUFFIXES = {"_total", "_created", "_bucket", "_info", ".total", ".created", ".bucket", ".info"};

    private StrimziReporterNaming() {
    }

    /** The name of a Yammer metric: {@code kafka.server:type=ReplicaManager,name=LeaderCount} is {@code kafka_server_replicamanager_leadercount}. */
    public static String yammerName(String group, String type, String name) {
        return prometheusName(sanitizeMetricName(group + '_' + type + '_' + name).toLowerCase(Locale.ROOT));
    }

    /** The name of a Kafka metric of the given metrics-context namespace, group (the JMX {@code type}) and name (the JMX attribute). */
    public static String kafkaName(String namespace, String group, String name) {
        return prometheusName(sanitizeMetricName(prometheusName(namespace) + '_' + group + '_' + name).toLowerCase(Locale.ROOT));
    }

    /** The label name of a Yammer scope key or Kafka tag key. */
    public static String labelName(String key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("an empty label name");
        }
        String s = replaceIllegal(key);
        while (s.startsWith("__") || s.startsWith("_.") || s.startsWith("._") || s.startsWith("..")) {
            s = s.substring(1);
        }
        return s;
    }

    static String prometheusName(String name) {
        return name.replace('.', '_');
    }

    static String sanitizeMetricName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an empty metric name");
        }
        String s = replaceIllegal(name);
        boolean modified = true;
        while (modified) {
            modified = false;
            for (String suffix : RESERVED_SUFFIXES) {
                if (s.equals(suffix)) {
                    return suffix.substring(1);
                }
                if (s.endsWith(suffix)) {
                    s = s.substring(0, s.length() - suffix.length());
                    modified = true;
                }
            }
        }
        return s;
    }

    private static String replaceIllegal(String name) {
        char[] out = new char[name.length()];
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legal = c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            out[i] = legal ? c : '_';
        }
        return new String(out);
    }
}
