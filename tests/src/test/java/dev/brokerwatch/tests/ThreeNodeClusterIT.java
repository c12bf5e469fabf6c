package dev.brokerwatch.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.StockJmxExporter;
import dev.brokerwatch.harness.Workload;

/**
 * Three combined nodes; one is stopped and the survivors' exporters show under-replicated partitions;
 * it is started again and they return to zero.
 */
class ThreeNodeClusterIT {
    private static final String TOPIC = "bw-replicated";
    /** Only the beans this test reads, so three scraping agents stay cheap on a small machine. */
    private static final String EXPORTER_CONFIG = """
            includeObjectNames:
              - "kafka.server:type=ReplicaManager,*"
              - "kafka.server:type=KafkaServer,name=BrokerState"
            rules:
              - pattern: ".*"
            """;
    private static final Map<String, String> URP = Map.of("name", "UnderReplicatedPartitions");

    @Test
    @Timeout(300)
    void stoppingOneNodeShowsUnderReplicatedPartitionsOnTheSurvivors() {
        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("ThreeNodeClusterIT")
                .combinedNodes(3)
                .agent("stock", StockJmxExporter.attachment(EXPORTER_CONFIG, "jmx-exporter.yaml"))
                .start();
                Workload workload = cluster.workload()) {
            assertThat(cluster.brokers()).hasSize(3);
            assertThat(cluster.controllers()).hasSize(3);
            workload.createTopic(TOPIC, 3, 3);
            workload.produce(TOPIC, 300, 100);
            for (KafkaNode n : cluster.nodes()) {
                awaitUrp(n, v -> v == 0.0, "0 before the fault");
            }

            try (Workload.ContinuousLoad load = workload.startContinuous(TOPIC, "bw-load", 50, 100,
                    Duration.ofMinutes(3))) {
                KafkaNode victim = cluster.node(3);
                long pid = victim.pid().orElseThrow();
                cluster.stopNode(3);
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

                double total = awaitTotalUrp(List.of(cluster.node(1), cluster.node(2)), v -> v > 0,
                        "> 0 after stopping node-3");
                assertThat(total).isGreaterThan(0);

                cluster.startNode(3);
                awaitTotalUrp(cluster.nodes(), v -> v == 0.0, "0 after node-3 is back");

                assertThat(load.isRunning()).isTrue();
                load.close();
                assertThat(load.produced()).as("records produced during the fault").isGreaterThan(0);
                assertThat(load.consumed()).as("records consumed during the fault").isGreaterThan(0);
                assertThat(load.isRunning()).isFalse();
            }
        }
    }

    private static double urp(KafkaNode node) {
        OptionalDouble v = Scrape.metrics(node.agentPort("stock")).value("kafka_server_ReplicaManager_Value", URP);
        return v.orElseThrow(() -> new AssertionError("no UnderReplicatedPartitions sample from " + node));
    }

    private static void awaitUrp(KafkaNode node, java.util.function.DoublePredicate ok, String what) {
        awaitTotalUrp(List.of(node), ok, what + " on " + node.name());
    }

    private static double awaitTotalUrp(List<KafkaNode> nodes, java.util.function.DoublePredicate ok, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        double total = Double.NaN;
        while (System.nanoTime() < deadline) {
            total = nodes.stream().mapToDouble(ThreeNodeClusterIT::urp).sum();
            if (ok.test(total)) {
                return total;
            }
            sleep(1000);
        }
        throw new AssertionError("UnderReplicatedPartitions summed over " + nodes + " never became " + what
                + "; last: " + total);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
