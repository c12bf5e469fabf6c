package dev.brokerwatch.tests.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brokerwatch.harness.BrokerwatchAgentAttachment;
import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.KafkaCluster;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.PrometheusServer;
import dev.brokerwatch.harness.Workload;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every panel query of every curated dashboard, with its variables set to values Prometheus really has,
 * returns at least one series from a live KRaft node running the brokerwatch agent under a small workload,
 * scraped by a real Prometheus on loopback that also evaluates the pack's recording rules. Panels on metrics
 * this setup cannot produce are listed in {@link #EXTERNAL} with the reason; everything else must answer.
 */
public class DashboardQueriesIT {
    private static final String TEST = "DashboardQueriesIT";
    private static final Path REPO = HarnessPaths.testsBaseDir().getParent();
    private static final Map<String, String> TARGET_LABELS = Map.of("namespace", "kafka", "pod", "kafka-0");
    private static final Duration SCRAPE = Duration.ofSeconds(2);

    // Grafana's built-ins as Grafana would set them for this scrape interval (rate interval: 4 scrapes and more)
    private static final Map<String, String> BUILTINS = Map.of(
            "__rate_interval", "30s", "__interval", "10s", "__range", "5m", "__range_s", "300", "__interval_ms", "10000");

    /** Dashboards, panels or queries ("uid", "uid/panel title", "uid/panel title/refId") that no component of this test feeds. */
    static final Map<String, String> EXTERNAL = Map.of(
            "kafka-consumer-lag", "kafka_exporter metrics: the test runs no kafka_exporter",
            "kafscale", "Kafscale broker and operator metrics: the test runs no Kafscale",
            "kafka-broker-detail/Persistent volume free", "kubelet volume stats: the test runs on no Kubernetes node",
            "kafka-jvm-memory/OOM risk", "needs a container memory limit (cgroup memory.max); the test JVM has none",
            "kafka-jvm-memory/Unreclaimable memory of limit", "needs a container memory limit (cgroup memory.max); the test JVM has none",
            "kafka-jvm-memory/Container memory/D", "kafka_memory_limit_bytes: the test JVM has no container memory limit");

    record Failure(String dashboard, String panel, String query, String why) {
        @Override
        public String toString() {
            return dashboard + " / \"" + panel + "\": " + why + "\n    " + query.replace("\n", "\n    ");
        }
    }

    @Test
    @Timeout(300)
    void everyPanelQueryOfEveryKafkaDashboardReturnsSeries() throws Exception {
        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder(TEST)
                .combinedNodes(1)
                .agent("bw", BrokerwatchAgentAttachment.embedded())
                .start()) {
            assertEveryPanelQueryReturnsSeries(TEST, cluster, "bw");
        }
    }

    /**
     * The check itself, on a running one-node cluster of either backend whose node 1 runs the brokerwatch
     * agent registered as {@code agentName}: a workload, Prometheus scraping the node, every panel query.
     */
    public static void assertEveryPanelQueryReturnsSeries(String test, KafkaCluster cluster, String agentName)
            throws Exception {
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(REPO.resolve("alerts/out/grafana"))) {
            dashboards = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).as("compiled dashboards in alerts/out/grafana").isNotEmpty();

        try (Workload workload = cluster.workload()) {
            workload.createTopic("orders", 3, 1);
            workload.createTopic("payments", 2, 1);
            Path rules = recordingRules(cluster.dir());
            try (PrometheusServer prom = PrometheusServer.builder(test)
                    .scrapeInterval(SCRAPE).evaluationInterval(SCRAPE)
                    .target("kafka", LoopbackPorts.address(cluster.agentPort(1, agentName)), TARGET_LABELS)
                    .ruleFile(rules)
                    .start();
                 Workload.ContinuousLoad load = workload.startContinuous("orders", "orders-readers", 200, 256, Duration.ofMinutes(3))) {
                prom.awaitTargetsUp(Duration.ofSeconds(60));
                workload.produce("payments", 500, 128);
                workload.consume("payments", "payments-readers", 500, Duration.ofSeconds(60));
                // enough samples for rate() over $__rate_interval, deriv() and the recording rules
                prom.awaitQuery("count(kafka:log_size_bytes:sum)", r -> !r.isEmpty(), Duration.ofSeconds(60));
                prom.awaitQuery("count_over_time(up{job=\"kafka\"}[1m])", r -> !r.isEmpty() && r.get(0).value() >= 15, Duration.ofSeconds(90));

                List<Failure> failures = new ArrayList<>();
                List<String> checked = new ArrayList<>();
                ObjectMapper json = new ObjectMapper();
                for (Path file : dashboards) {
                    JsonNode dashboard = json.readTree(file.toFile());
                    String uid = dashboard.path("uid").asText();
                    if (EXTERNAL.containsKey(uid)) {
                        continue;
                    }
                    Map<String, String> variables = variables(dashboard, prom, uid, failures);
                    for (JsonNode panel : panels(dashboard)) {
                        String title = panel.path("title").asText();
                        if (EXTERNAL.containsKey(uid + "/" + title)) {
                            continue;
                        }
                        for (JsonNode target : panel.path("targets")) {
                            if (EXTERNAL.containsKey(uid + "/" + title + "/" + target.path("refId").asText())) {
                                continue;
                            }
                            String query = substitute(target.path("expr").asText(), variables);
                            checked.add(uid + "/" + title);
                            try {
                                if (prom.query(query).isEmpty()) {
                                    failures.add(new Failure(uid, title, query, "no series"));
                                }
                            } catch (RuntimeException e) {
                                failures.add(new Failure(uid, title, query, "query failed: " + e.getMessage()));
                            }
                        }
                    }
                }
                assertThat(checked).as("panels checked").hasSizeGreaterThan(50);
                assertThat(failures).as("panel queries that returned nothing (%d checked):%n%s", checked.size(),
                        String.join("\n", failures.stream().map(Failure::toString).toList())).isEmpty();
                assertThat(load.errors()).as("workload errors").isZero();
            }
        }
    }

    /** The pack's compiled recording rules, evaluated every scrape instead of every minute. */
    private static Path recordingRules(Path dir) throws IOException {
        String rules = Files.readString(REPO.resolve("alerts/out/prometheus/kafka-broker.rules.yml"));
        return Files.writeString(dir.resolve("kafka-broker.rules.yml"), rules.replace("interval: 1m", "interval: 2s"));
    }

    /** Rows' nested panels included; rows themselves have no queries. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            out.add(p);
            p.path("panels").forEach(out::add);
        }
        return out;
    }

    /**
     * Values for the dashboard's variables, in order (later ones may use earlier ones), as Grafana would pick
     * them: a query variable takes every value Prometheus has (the "All" choice, as a regex alternation), a
     * custom or interval variable its current value.
     */
    private static Map<String, String> variables(JsonNode dashboard, PrometheusServer prom, String uid, List<Failure> failures) {
        Map<String, String> values = new LinkedHashMap<>(BUILTINS);
        for (JsonNode v : dashboard.path("templating").path("list")) {
            String name = v.path("name").asText();
            switch (v.path("type").asText()) {
                case "datasource" -> values.put(name, "prometheus");
                case "custom", "interval" -> values.put(name, v.path("current").path("value").asText());
                case "query" -> {
                    String definition = substitute(v.path("query").path("query").asText(), values);
                    List<String> found = labelValues(prom, definition);
                    if (found.isEmpty()) {
                        failures.add(new Failure(uid, "variable " + name, definition, "no values"));
                    }
                    values.put(name, found.size() == 1 ? found.get(0) : "(" + String.join("|", found) + ")");
                }
                default -> throw new AssertionError("variable type " + v.path("type").asText() + " of " + uid + " is not handled here");
            }
        }
        return values;
    }

    // label_values(selector, label) is Grafana's call of /api/v1/label/<label>/values?match[]=<selector>
    private static List<String> labelValues(PrometheusServer prom, String definition) {
        String inner = definition.substring("label_values(".length(), definition.length() - 1);
        int comma = inner.lastIndexOf(',');
        String label = inner.substring(comma + 1).strip();
        String selector = inner.substring(0, comma).strip();
        JsonNode data = prom.api("/api/v1/label/" + label + "/values?match%5B%5D=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        data.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String substitute(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String name = e.getKey();
            out = out.replaceAll("\\$\\{" + name + "(:[^}]*)?}", java.util.regex.Matcher.quoteReplacement(e.getValue()))
                    .replace("[[" + name + "]]", e.getValue())
                    .replaceAll("\\$" + name + "(?![a-zA-Z0-9_])", java.util.regex.Matcher.quoteReplacement(e.getValue()));
        }
        return out;
    }
}
