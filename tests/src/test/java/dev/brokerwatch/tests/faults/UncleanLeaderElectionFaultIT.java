package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;

/**
 * An unclean leader election: a topic with unclean.leader.election.enable=true on nodes 3 (leader) and
 * 2; node-2 stops and falls out of the ISR, records are written, node-3 stops too, then node-2 comes back
 * alone and is elected leader although it is not in sync. The rule's window is a fixed 10m: resolution
 * is awaited only with -Dbrokerwatch.proof.awaitLongWindows=true.
 */
class UncleanLeaderElectionFaultIT {
    @Test
    @Timeout(1500)
    void anOutOfSyncReplicaBecomingLeaderFiresUncleanElection() {
        try (AlertProofRig rig = AlertProofRig.builder("UncleanLeaderElectionFaultIT").start();
                Workload w = rig.cluster().workload()) {
            Faults.createAssignedTopic(w, "bw-unclean", Map.of(0, List.of(3, 2)),
                    Map.of("unclean.leader.election.enable", "true", "min.insync.replicas", "1"));
            w.produce("bw-unclean", 100, 100);
            AlertProofRig.Fault f = rig.fault("unclean-leader-election",
                    Expectation.of("KafkaUncleanLeaderElection", "namespace", AlertProofRig.NAMESPACE));
            Faults.settleBefore(rig, f);
            f.inject(() -> {
                rig.cluster().stopNode(2);
                w.produce("bw-unclean", 100, 100);   // only node-3 has these
                // two of three combined nodes down: no quorum, so no controlled shutdown either
                rig.cluster().stopNode(3, Duration.ofSeconds(5));
                rig.cluster().startNode(2);
            });
            f.awaitFiring(Duration.ofMinutes(3));
            if (Boolean.getBoolean("brokerwatch.proof.awaitLongWindows")) {
                f.repair(() -> rig.cluster().startNode(3));
                f.awaitResolved(Duration.ofMinutes(12));
            } else {
                f.recordWithoutResolution();
                rig.cluster().startNode(3);
            }
        }
    }
}
