package dev.brokerwatch.compiler.audit.reporter;

import dev.brokerwatch.compiler.audit.ExporterSpecException;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The reporter's {@code prometheus.metrics.reporter.allowlist}: Java regular expressions, each wrapped in a group and
 * joined with {@code |}, that a metric's name (as {@link StrimziReporterNaming} forms it) must match whole. Kafka reads
 * the setting as a list: split at commas with the spaces around them, nothing at all for an empty value. The JVM's
 * series are not filtered by it.
 */
public record StrimziAllowlist(List<String> entries, String source, List<Span> spans) {
    public static final String PROPERTY = "prometheus.metrics.reporter.allowlist";
    /** The reporter's default: everything. */
    public static final StrimziAllowlist EVERYTHING = new StrimziAllowlist(List.of(".*"), "the reporter's default");

    /**
     * What the Strimzi operator sets when a Kafka resource's {@code metricsConfig} is {@code strimziMetricsReporter}
     * without {@code values.allowList} (its {@code KafkaCluster.DEFAULT_METRICS_ALLOW_LIST}, Strimzi 0.47 to 1.2).
     */
    public static final List<String> OPERATOR_DEFAULT = List.of(
            "kafka_cluster_partition.*",
            "kafka_controller_kafkacontroller.*",
            "kafka_controller_controllerstats_uncleanleaderelectionspersec",
            "kafka_log_log_size",
            "kafka_network_requestmetrics.*",
            "kafka_network_socketserver_networkprocessoravgidlepercent",
            "kafka_server_app_info.*",
            "kafka_server_brokertopicmetrics.*",
            "kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent",
            "kafka_server_kafkaserver_brokerstate",
            "kafka_server_kafkaserver_clusterid",
            "kafka_server_kafkaserver_linux.*",
            "kafka_server_raft.*",
            "kafka_server_replicamanager.*",
            "kafka_server_request_queue_size",
            "kafka_server_socket_server.*");

    private static final Pattern COMMA_WITH_WHITESPACE = Pattern.compile("\\s*,\\s*");

    /**
     * {@code spans} holds where each entry was written, one per entry, or nothing for a list nobody wrote (the
     * reporter's or the operator's default), which the checks leave alone.
     */
    public StrimziAllowlist {
        entries = List.copyOf(entries);
        spans = List.copyOf(spans);
        if (!spans.isEmpty() && spans.size() != entries.size()) {
            throw new IllegalArgumentException(entries.size() + " entries, " + spans.size() + " spans");
        }
    }

    /** A list nobody wrote: a default. */
    public StrimziAllowlist(List<String> entries, String source) {
        this(entries, source, List.of());
    }

    /** True when a user wrote the entries (an argument or a file), not a default. */
    public boolean written() {
        return !spans.isEmpty();
    }

    /** True when the reporter reads the metric of this name. */
    public boolean allows(String name) {
        return pattern().matcher(name).matches();
    }

    private Pattern pattern() {
        return Pattern.compile(entries.stream().map(e -> "(" + e + ")").collect(Collectors.joining("|")));
    }

    /**
     * The setting's value as Kafka reads it (comma-separated), as written in {@code --exporter}; an entry that is not a
     * Java regex is an error naming it.
     */
    public static StrimziAllowlist ofValue(String value, String source) throws ExporterSpecException {
        List<String> entries = split(value);
        return of(entries, source, AllowlistPositions.inOrder(SourceFile.ofString("--exporter", value), 0, entries));
    }

    private static List<String> split(String value) {
        String trimmed = value.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(COMMA_WITH_WHITESPACE.split(trimmed, -1));
    }

    static StrimziAllowlist of(List<String> entries, String source, List<Span> spans) throws ExporterSpecException {
        for (String entry : entries) {
            try {
                Pattern.compile(entry);
            } catch (PatternSyntaxException e) {
                throw new ExporterSpecException(source + ": the allowlist entry '" + entry + "' is not a Java regular expression ("
                        + e.getDescription() + " near index " + e.getIndex() + "); the reporter refuses to start with it");
            }
        }
        return new StrimziAllowlist(entries, source, spans);
    }

    /**
     * The allowlist {@code --exporter strimzi-reporter:ARGUMENT} names: an existing file (a broker's {@code .properties}
     * with {@value #PROPERTY}; a Strimzi {@code Kafka} resource whose {@code metricsConfig} is {@code strimziMetricsReporter};
     * or one entry per line, {@code #} starting a comment), else the setting's value itself.
     */
    public static StrimziAllowlist fromArgument(String argument) throws ExporterSpecException {
        if (isFile(argument)) {
            String text;
            try {
                text = Files.readString(Path.of(argument), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new ExporterSpecException("--exporter strimzi-reporter:" + argument + ": cannot read " + argument + " (" + e.getMessage() + ")");
            }
            return fromFile(argument, text);
        }
        if (argument.matches("[^,*|()\\[\\]{}+?^$\\\\]*\\.(properties|ya?ml|txt|conf)")) {
            throw new ExporterSpecException("--exporter strimzi-reporter:" + argument + ": no such file (give an existing file, or the "
                    + "allowlist itself: comma-separated regular expressions)");
        }
        return ofValue(argument, "--exporter strimzi-reporter:" + argument);
    }

    private static boolean isFile(String argument) {
        try {
            return Files.isRegularFile(Path.of(argument));
        } catch (RuntimeException invalidPath) {
            return false;
        }
    }

    /** The allowlist in a file's text ({@code file} names it in messages): a Kafka resource, a .properties, or one per line. */
    public static StrimziAllowlist fromFile(String file, String text) throws ExporterSpecException {
        SourceFile source = SourceFile.ofString(file, text);
        if (file.endsWith(".yaml") || file.endsWith(".yml")) {
            return fromKafkaResource(source);
        }
        if (file.endsWith(".properties") || text.lines().anyMatch(l -> l.strip().startsWith(PROPERTY))) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                throw new ExporterSpecException(file + ": not a properties file (" + e.getMessage() + ")");
            }
            String value = p.getProperty(PROPERTY);
            if (value == null) {
                return new StrimziAllowlist(EVERYTHING.entries(), file + " (no " + PROPERTY + ": the reporter's default)");
            }
            List<String> entries = split(value);
            return of(entries, file + ": " + PROPERTY, AllowlistPositions.inOrder(source, AllowlistPositions.after(text, PROPERTY), entries));
        }
        List<String> entries = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                entries.add(entry);
            }
        }
        return of(entries, file, AllowlistPositions.inOrder(source, 0, entries));
    }

    /** A Kafka resource's {@code spec.kafka.metricsConfig}: its {@code values.allowList}, or the operator's default without one. */
    private static StrimziAllowlist fromKafkaResource(SourceFile source) throws ExporterSpecException {
        String file = source.displayPath();
        String text = source.text();
        Yaml yaml = new Yaml(new LoaderOptions());
        try {
            for (Object doc : yaml.loadAll(text)) {
                if (!(doc instanceof Map<?, ?> resource) || !"Kafka".equals(resource.get("kind"))) {
                    continue;
                }
                Object metricsConfig = at(resource, "spec", "kafka", "metricsConfig");
                if (!(metricsConfig instanceof Map<?, ?> mc)) {
                    continue;
                }
                if (!"strimziMetricsReporter".equals(mc.get("type"))) {
                    throw new ExporterSpecException(file + ": the Kafka resource's metricsConfig is of type " + mc.get("type")
                            + ", not strimziMetricsReporter (for a jmxPrometheusExporter use --exporter jmx-exporter)");
                }
                Object allowList = at(mc, "values", "allowList");
                if (allowList == null) {
                    return new StrimziAllowlist(OPERATOR_DEFAULT, file + " (no values.allowList: the Strimzi operator's default)");
                }
                if (!(allowList instanceof List<?> list)) {
                    throw new ExporterSpecException(file + ": metricsConfig.values.allowList is not a list");
                }
                List<String> entries = list.stream().map(String::valueOf).toList();
                return of(entries, file + ": metricsConfig.values.allowList",
                        AllowlistPositions.inOrder(source, AllowlistPositions.after(text, "allowList"), entries));
            }
        } catch (YAMLException e) {
            throw new ExporterSpecException(file + ": not YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        throw new ExporterSpecException(file + ": no Kafka resource with spec.kafka.metricsConfig in it (give the Kafka "
                + "resource, a broker's .properties, or the allowlist itself)");
    }

    private static Object at(Map<?, ?> map, String... path) {
        Object current = map;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }
}
