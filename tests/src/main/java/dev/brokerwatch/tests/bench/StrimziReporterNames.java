package dev.brokerwatch.tests.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The comparable set for the Strimzi Metrics Reporter (io.strimzi:metrics-reporter 0.2.0): the catalog's JMX
 * metrics under the reporter's naming convention, which differs from JMX only by spelling. A Yammer metric
 * ({@code kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions}) is named group_type_name
 * ({@code kafka_server_replicamanager_underreplicatedpartitions}); a Kafka metric (an ObjectName without
 * {@code name=}, e.g. {@code kafka.server:type=socket-server-metrics} attribute {@code connection-count}) is named
 * prefix_group_attribute ({@code kafka_server_socket_server_metrics_connection_count}); both lower case, every
 * character outside {@code [a-zA-Z0-9_]} an underscore, {@code _total} dropped from the base name. The reporter's
 * allowlist is set to exactly these names, so it reads only the catalog's metrics, as brokerwatch's agent and the
 * stock agent with the generated config do.
 */
final class StrimziReporterNames {
    static final String KAFKA_REPORTER = "io.strimzi.kafka.metrics.KafkaPrometheusMetricsReporter";
    static final String YAMMER_REPORTER = "io.strimzi.kafka.metrics.YammerPrometheusMetricsReporter";

    private StrimziReporterNames() {}

    /** Allowlist entries (names of [a-z0-9_] only, so each is a regular expression matching itself) for the catalog's reads (floorReads). */
    static List<String> allowlist(String floorReads) {
        TreeSet<String> names = new TreeSet<>();
        for (String line : floorReads.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            ObjectName pattern;
            try {
                pattern = new ObjectName(f[0]);
            } catch (MalformedObjectNameException e) {
                throw new IllegalArgumentException("catalog ObjectName " + f[0], e);
            }
            String type = pattern.getKeyProperty("type");
            if (type == null || !pattern.getDomain().startsWith("kafka")) {
                continue; // JVM beans (java.lang:...): the reporter exports the JVM through its own collectors
            }
            String name = pattern.getKeyProperty("name");
            if (name != null && !name.contains("*")) {
                names.add(name(pattern.getDomain() + "_" + type + "_" + name));
            } else if (name == null) {
                for (int i = 1; i < f.length; i++) {
                    names.add(name(pattern.getDomain() + "_" + type + "_" + f[i]));
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.addAll(names); // only [a-z0-9_]: each name is a regular expression matching itself
        return out;
    }

    static String name(String raw) {
        String n = raw.replaceAll("[^a-zA-Z0-9_]", "_").toLowerCase(Locale.ROOT);
        return n.endsWith("_total") ? n.substring(0, n.length() - "_total".length()) : n;
    }
}
