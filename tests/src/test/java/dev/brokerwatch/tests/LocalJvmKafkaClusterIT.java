package dev.brokerwatch.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.KafkaVersion;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.StockJmxExporter;
import dev.brokerwatch.harness.Workload;

/**
 * One combined KRaft node with the stock jmx_prometheus_javaagent (catch-all rules): a workload makes the
 * per-topic beans exist, the scrape shows them under the stock default names, and the node is stopped by
 * pid. Runs on every version of {@link KafkaVersion#matrix()} (only the default one unless
 * {@code -Pall-kafka-versions}).
 */
class LocalJvmKafkaClusterIT {
    private static final String TOPIC = "bw-probe";

    static List<KafkaVersion> versions() {
        return KafkaVersion.matrix();
    }

    @ParameterizedTest(name = "Kafka {0}")
    @MethodSource("versions")
    @Timeout(240)
    void singleCombinedNodeExportsThroughTheStockAgentAndStopsByPid(KafkaVersion version) {
        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("LocalJvmKafkaClusterIT-" + version)
                .version(version)
                .agent("stock", StockJmxExporter.catchAll())
                .start()) {
            KafkaNode node = cluster.node(1);
            assertThat(node.roles()).containsExactlyInAnyOrder(KafkaNode.Role.BROKER, KafkaNode.Role.CONTROLLER);
            long pid = node.pid().orElseThrow();

            try (Workload workload = cluster.workload()) {
                workload.createTopic(TOPIC, 3, 1);
                assertThat(workload.produce(TOPIC, 1_000, 100)).isEqualTo(1_000);
                assertThat(workload.consume(TOPIC, "bw-probe-group", 1_000, Duration.ofSeconds(60))).isEqualTo(1_000);
            }

            Scrape.MetricFamilies m = Scrape.metrics(node.agentPort("stock"));

            assertThat(m.value("kafka_server_ReplicaManager_Value", Map.of("name", "UnderReplicatedPartitions")))
                    .hasValue(0.0);
            assertThat(m.value("kafka_server_KafkaServer_Value", Map.of("name", "BrokerState")))
                    .as("BrokerState RUNNING").hasValue(3.0);
            assertThat(m.value("kafka_controller_KafkaController_Value", Map.of("name", "ActiveControllerCount")))
                    .hasValue(1.0);
            double logBytes = IntStream.range(0, 3)
                    .mapToDouble(p -> m.value("kafka_log_Log_Value",
                            Map.of("name", "Size", "topic", TOPIC, "partition", Integer.toString(p))).orElseThrow())
                    .sum();
            assertThat(logBytes).as("log size of %s", TOPIC).isGreaterThan(100_000);
            assertThat(m.value("kafka_server_BrokerTopicMetrics_Count", Map.of("name", "MessagesInPerSec", "topic", TOPIC)))
                    .hasValue(1_000.0);
            assertThat(m.samples("kafka_cluster_Partition_Value", Map.of("name", "UnderReplicated", "topic", TOPIC)))
                    .hasSize(3);
            assertThat(m.names()).contains("jvm_memory_used_bytes", "jmx_scrape_duration_seconds");

            cluster.stopNode(1);

            assertThat(node.isRunning()).isFalse();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pid %d is gone", pid).isFalse();
            assertThat(node.process().exitCode()).as("exit code after SIGTERM").isPresent();
        }
    }
}
