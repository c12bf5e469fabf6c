package dev.brokerwatch.tests.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.compiler.audit.inventory.InventoryMBean;
import dev.brokerwatch.compiler.audit.inventory.InventoryRecorder;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import dev.brokerwatch.compiler.audit.inventory.NodeFacts;
import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Records the MBean inventories the audit ships: a combined node of three, and a broker-only node (of two) and a
 * controller-only node, of the Kafka version under test (-Dbrokerwatch.kafka.version), after traffic that makes the
 * per-topic, per-partition, per-listener, per-request, transaction, consumer-group, replica-fetcher, failed-request
 * and TLS-connection MBeans exist (RecordingWorkload). Writes them to target/inventories/, and
 * with -Dinventories.update=true also into the compiler's resources (docs/audit-inventories.md).
 */
class InventoryRecordingIT {
    static final Path RESOURCES = Path.of(System.getProperty("brokerwatch.tests.basedir", "."))
            .resolve("../compiler/src/main/resources/dev/brokerwatch/compiler/audit/inventories");

    @Test
    @Timeout(300)
    void combinedNodeInventoryHasPerTopicPartitionListenerAndRequestMBeans() throws Exception {
        // recorded from whichever node leads the metadata quorum: a combined node may lead at any time, and the
        // leader has MBeans the others have not
        int[] jmxPorts = LoopbackPorts.freePorts(3);
        LocalJvmKafkaCluster.Builder builder = RecordingWorkload.tlsOnNodes(
                LocalJvmKafkaCluster.builder("InventoryRecordingIT-combined").combinedNodes(3), 3);
        for (int id = 1; id <= 3; id++) {
            withJmx(builder, id, jmxPorts[id - 1]);
        }
        try (LocalJvmKafkaCluster cluster = builder.start()) {
            int recorded = cluster.quorumLeader(Duration.ofMinutes(1));
            try (AutoCloseable tls = RecordingWorkload.drive(cluster, recorded)) {
                MBeanInventory inventory = record(cluster.node(recorded), jmxPorts[recorded - 1], "combined");
                assertBrokerMBeans(inventory);
                assertControllerMBeans(inventory);
                assertThat(cluster.quorumLeader(Duration.ofMinutes(1))).as("the recorded node still leads the metadata quorum")
                        .isEqualTo(recorded);
            }
        }
    }

    @Test
    @Timeout(300)
    void brokerOnlyAndControllerOnlyNodeInventories() throws Exception {
        int controllerJmx = LoopbackPorts.freePort();
        int brokerJmx = LoopbackPorts.freePort();
        LocalJvmKafkaCluster.Builder builder = LocalJvmKafkaCluster.builder("InventoryRecordingIT-separate").separateRoles(1, 2)
                .tlsListener(2, RecordingWorkload.TLS_LISTENER, RecordingWorkload.TLS_KEY_BITS);
        withJmx(builder, 1, controllerJmx);
        withJmx(builder, 2, brokerJmx);
        try (LocalJvmKafkaCluster cluster = builder.start();
                AutoCloseable tls = RecordingWorkload.drive(cluster, 2)) {
            MBeanInventory broker = record(cluster.node(2), brokerJmx, "broker");
            MBeanInventory controller = record(cluster.node(1), controllerJmx, "controller");
            assertBrokerMBeans(broker);
            assertControllerMBeans(controller);
            assertThat(names(controller)).as("a controller-only node has no replica manager")
                    .noneMatch(n -> n.startsWith("kafka.server:type=ReplicaManager,"));
        }
    }

    private static LocalJvmKafkaCluster.Builder withJmx(LocalJvmKafkaCluster.Builder b, int nodeId, int port) {
        for (String option : List.of("-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false")) {
            b.nodeJvmOption(nodeId, option);
        }
        return b;
    }

    private static MBeanInventory record(KafkaNode node, int jmxPort, String role) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        MBeanInventory inventory;
        try (JMXConnector connector = JMXConnectorFactory.connect(url, new HashMap<>())) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            assertThat(NodeFacts.role(server)).as("role read from the MBeans of %s", node.name()).isEqualTo(role);
            inventory = InventoryRecorder.record(server, node.version().toString(), role);
        }
        String file = "kafka-" + node.version() + "-" + role + ".inventory.gz";
        Path target = Path.of(System.getProperty("brokerwatch.tests.target", "target")).resolve("inventories");
        Files.createDirectories(target);
        inventory.write(target.resolve(file));
        if (Boolean.getBoolean("inventories.update")) {
            Files.createDirectories(RESOURCES);
            inventory.write(RESOURCES.resolve(file));
        }
        return inventory;
    }

    private static Set<String> names(MBeanInventory inventory) {
        return inventory.mbeans().stream().map(InventoryMBean::generalizedName).collect(Collectors.toSet());
    }

    private static void assertBrokerMBeans(MBeanInventory inventory) {
        Set<String> names = names(inventory);
        assertThat(names).as("per-topic, per-partition, per-request, per-listener MBeans of a broker with traffic")
                .contains("kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic={topic}",
                        "kafka.log:type=Log,name=Size,topic={topic},partition={partition}",
                        "kafka.cluster:type=Partition,name=UnderReplicated,topic={topic},partition={partition}",
                        "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce",
                        "kafka.network:type=RequestMetrics,name=RequestsPerSec,request=Produce,version={version}",
                        "kafka.server:type=socket-server-metrics,listener={listener},networkProcessor={networkProcessor}",
                        "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions",
                        "kafka.server:type=BrokerTopicMetrics,name=FailedProduceRequestsPerSec,topic={topic}",
                        "kafka.server:type=BrokerTopicMetrics,name=FailedFetchRequestsPerSec,topic={topic}",
                        "kafka.server:type=FetcherLagMetrics,name=ConsumerLag,clientId={clientId},topic={topic},partition={partition}")
                .as("replica fetchers (the node follows partitions) and TLS connections by cipher and protocol")
                .anyMatch(n -> n.startsWith("kafka.server:type=FetcherStats,"))
                .anyMatch(n -> n.startsWith("kafka.server:type=socket-server-metrics,") && n.contains("cipher="))
                .anyMatch(n -> n.startsWith("kafka.server:type=transaction-coordinator-metrics"));
        InventoryMBean bytesIn = inventory.mbeans().stream()
                .filter(m -> m.generalizedName().equals("kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic={topic}")).findFirst().orElseThrow();
        assertThat(bytesIn.instances()).as("one BytesInPerSec MBean per topic with traffic").isGreaterThanOrEqualTo(2);
        assertThat(bytesIn.attributes()).extracting(a -> a.name()).as("a Yammer meter's attributes").contains("Count", "OneMinuteRate", "MeanRate");
    }

    private static void assertControllerMBeans(MBeanInventory inventory) {
        assertThat(names(inventory)).as("controller MBeans").contains("kafka.controller:type=KafkaController,name=ActiveControllerCount");
    }
}
