package dev.brokerwatch.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.PrometheusServer;
import dev.brokerwatch.harness.Promtool;
import dev.brokerwatch.harness.StockJmxExporter;

/** A real Prometheus scraping a live node's stock exporter, with static labels and a rule file. */
class PrometheusServerIT {
    private static final Map<String, String> LABELS = Map.of("namespace", "bw-test", "pod", "node-1");

    @Test
    @Timeout(240)
    void scrapesTheExporterWithStaticLabelsAndLoadsAlertRules() throws IOException {
        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("PrometheusServerIT")
                .agent("stock", StockJmxExporter.catchAll())
                .start()) {
            KafkaNode node = cluster.node(1);
            Path rules = Files.writeString(cluster.dir().resolve("harness.rules.yml"), """
                    groups:
                      - name: brokerwatch-harness
                        interval: 2s
                        rules:
                          - alert: BrokerwatchHarnessBrokerRunning
                            expr: max by (namespace, pod) (kafka_server_KafkaServer_Value{name="BrokerState"}) == 3
                            labels:
                              severity: info
                            annotations:
                              summary: "{{ $labels.pod }} is running"
                    """);
            assertThat(Promtool.checkRules(rules).exitCode()).isZero();

            try (PrometheusServer prom = PrometheusServer.builder("PrometheusServerIT")
                    .scrapeInterval(Duration.ofSeconds(2))
                    .evaluationInterval(Duration.ofSeconds(2))
                    .target("kafka", LoopbackPorts.address(node.agentPort("stock")), LABELS)
                    .ruleFile(rules)
                    .start()) {
                List<PrometheusServer.Target> targets = prom.awaitTargetsUp(Duration.ofSeconds(60));
                assertThat(targets).hasSize(1);
                assertThat(targets.get(0).labels()).containsAllEntriesOf(LABELS).containsEntry("job", "kafka");

                List<PrometheusServer.VectorSample> up = prom.awaitQuery("up{job=\"kafka\"}",
                        r -> r.size() == 1 && r.get(0).value() == 1.0, Duration.ofSeconds(30));
                assertThat(up.get(0).labels()).containsAllEntriesOf(LABELS)
                        .containsEntry("instance", LoopbackPorts.address(node.agentPort("stock")));

                List<PrometheusServer.Alert> alerts = prom.awaitAlerts(
                        as -> as.stream().anyMatch(a -> "BrokerwatchHarnessBrokerRunning".equals(a.name())
                                && a.isFiring()),
                        Duration.ofSeconds(60));
                PrometheusServer.Alert alert = alerts.stream()
                        .filter(a -> "BrokerwatchHarnessBrokerRunning".equals(a.name())).findFirst().orElseThrow();
                assertThat(alert.labels()).containsAllEntriesOf(LABELS).containsEntry("severity", "info");
                assertThat(alert.annotations()).containsEntry("summary", "node-1 is running");

                assertThat(prom.queryValue("kafka_server_ReplicaManager_Value{name=\"UnderReplicatedPartitions\"}"))
                        .hasValue(0.0);
            }
        }
    }
}
