package dev.brokerwatch.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.Scrape;
import dev.brokerwatch.harness.StockJmxExporter;
import dev.brokerwatch.harness.Workload;

/**
 * One controller-only node and two broker-only nodes; a broker is SIGKILLed and the controller's exporter
 * counts it as fenced.
 */
class SeparateRolesIT {
    private static final String EXPORTER_CONFIG = """
            includeObjectNames:
              - "kafka.controller:type=KafkaController,*"
              - "kafka.server:type=KafkaServer,name=BrokerState"
            rules:
              - pattern: ".*"
            """;

    @Test
    @Timeout(240)
    void controllerAndBrokersRunAsSeparateJvmsAndAKilledBrokerIsFenced() throws Exception {
        try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("SeparateRolesIT")
                .separateRoles(1, 2)
                .brokerProperty("broker.session.timeout.ms", "6000")
                .agent("stock", StockJmxExporter.attachment(EXPORTER_CONFIG, "jmx-exporter.yaml"))
                .start()) {
            KafkaNode controller = cluster.node(1);
            assertThat(controller.roles()).containsExactly(KafkaNode.Role.CONTROLLER);
            assertThatThrownBy(controller::bootstrapServers).hasMessageContaining("no broker role");
            assertThat(cluster.brokers()).extracting(KafkaNode::id).containsExactly(2, 3);
            assertThat(controller.properties().getProperty("process.roles")).isEqualTo("controller");
            assertThat(cluster.node(2).properties().getProperty("process.roles")).isEqualTo("broker");

            try (Admin admin = cluster.admin()) {
                Collection<Node> live = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
                assertThat(live.stream().map(Node::id).collect(Collectors.toSet())).containsExactlyInAnyOrder(2, 3);
            }
            try (Workload workload = cluster.workload()) {
                workload.createTopic("bw-two-brokers", 2, 2);
                assertThat(workload.produce("bw-two-brokers", 100, 50)).isEqualTo(100);
            }

            assertThat(controllerValue(controller, "ActiveControllerCount")).isEqualTo(1.0);
            assertThat(controllerValue(controller, "ActiveBrokerCount")).isEqualTo(2.0);
            for (KafkaNode broker : cluster.brokers()) {
                assertThat(Scrape.metrics(broker.agentPort("stock"))
                        .value("kafka_server_KafkaServer_Value", Map.of("name", "BrokerState"))).hasValue(3.0);
            }

            long pid = cluster.node(3).pid().orElseThrow();
            cluster.killNode(3);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(cluster.node(3).process().exitCode()).hasValue(128 + 9);

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            double fenced = controllerValue(controller, "FencedBrokerCount");
            while (fenced < 1.0 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                fenced = controllerValue(controller, "FencedBrokerCount");
            }
            assertThat(fenced).as("FencedBrokerCount after SIGKILL of node-3").isEqualTo(1.0);
            assertThat(controllerValue(controller, "ActiveBrokerCount")).isEqualTo(1.0);
        }
    }

    private static double controllerValue(KafkaNode controller, String name) {
        OptionalDouble v = Scrape.metrics(controller.agentPort("stock"))
                .value("kafka_controller_KafkaController_Value", Map.of("name", name));
        return v.orElseThrow(() -> new AssertionError("no KafkaController " + name + " on " + controller));
    }
}
