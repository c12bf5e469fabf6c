package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;

/**
 * Separate roles: three controller-only nodes (1-3) and three broker-only nodes (4-6). A broker stops and
 * starts again; then two of the three controllers stop, and the brokers (quorum observers) and the last
 * controller see no quorum leader.
 */
class SeparateRolesFaultIT {
    @Test
    @Timeout(900)
    void brokerAndControllerFaultsFireOnSeparateRoles() {
        try (AlertProofRig rig = AlertProofRig.builder("SeparateRolesFaultIT").separateRoles(3, 3).heap("400m").start();
                Workload w = rig.cluster().workload()) {
            w.createTopic("bw-orders", 6, 3, Map.of("min.insync.replicas", "2"));
            try (Workload.ContinuousLoad load = w.startContinuous("bw-orders", "bw-orders-group", 50, 200,
                    Duration.ofMinutes(10))) {
                AlertProofRig.Fault broker = rig.fault("broker-restart",
                        Expectation.of("KafkaBrokerDown", "namespace", AlertProofRig.NAMESPACE, "pod", "node-6"),
                        Expectation.of("KafkaUnderReplicatedPartitions", "namespace", AlertProofRig.NAMESPACE),
                        Expectation.of("KafkaFencedBrokers", "namespace", AlertProofRig.NAMESPACE));
                Faults.settleBefore(rig, broker);
                broker.inject(() -> rig.cluster().stopNode(6));
                broker.awaitFiring(Duration.ofMinutes(2));
                broker.repair(() -> rig.cluster().startNode(6));
                broker.awaitResolved(Duration.ofMinutes(2));
            }
            // after the broker's restart its produce p99 may stay over a second for minutes (KafkaProduceLatencyHigh
            // fired here on a 2-CPU machine): the quorum fault's own alerts are what must be quiet
            Faults.settle(rig, "KafkaNoActiveController", "KafkaMetadataQuorumLeaderUnknown", "KafkaMetadataLogStalled");
            int survivor = Faults.quorumLeader(rig);
            AlertProofRig.Fault quorum = rig.fault("controller-quorum-lost",
                    Expectation.of("KafkaNoActiveController", "namespace", AlertProofRig.NAMESPACE),
                    Expectation.of("KafkaMetadataQuorumLeaderUnknown", "namespace", AlertProofRig.NAMESPACE,
                            "pod", rig.cluster().nodeName(survivor)),
                    Expectation.of("KafkaMetadataQuorumLeaderUnknown", "namespace", AlertProofRig.NAMESPACE,
                            "pod", "node-4"),
                    // a broker-only node is an observer of the metadata log: it stalls with the quorum
                    Expectation.of("KafkaMetadataLogStalled", "namespace", AlertProofRig.NAMESPACE, "pod", "node-4"));
            List<Integer> stopped = new ArrayList<>();
            quorum.inject(() -> stopped.addAll(Faults.stopAllControllersBut(rig, survivor)));
            quorum.awaitFiring(Duration.ofMinutes(2));
            quorum.repair(() -> stopped.forEach(rig.cluster()::startNode));
            quorum.awaitResolved(Duration.ofMinutes(2));
        }
    }
}
