package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;

/** A replication-factor-1 partition whose only replica (node-3) is down: offline partitions. */
class OfflinePartitionsFaultIT {
    @Test
    @Timeout(600)
    void aPartitionWhoseOnlyReplicaIsDownIsOffline() {
        try (AlertProofRig rig = AlertProofRig.builder("OfflinePartitionsFaultIT").start();
                Workload w = rig.cluster().workload()) {
            Faults.createAssignedTopic(w, "bw-single", Map.of(0, List.of(3), 1, List.of(3)), Map.of());
            w.produce("bw-single", 100, 100);
            AlertProofRig.Fault f = rig.fault("rf1-replica-down",
                    Expectation.of("KafkaOfflinePartitions", "namespace", AlertProofRig.NAMESPACE));
            Faults.settleBefore(rig, f);
            f.inject(() -> rig.cluster().stopNode(3));
            f.awaitFiring(Duration.ofMinutes(2));
            f.repair(() -> rig.cluster().startNode(3));
            f.awaitResolved(Duration.ofMinutes(2));
        }
    }
}
