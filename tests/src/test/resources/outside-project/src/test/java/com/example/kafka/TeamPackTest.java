package com.example.kafka;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;
import dev.brokerwatch.harness.proof.junit.LiveKafkaCluster;

/** The team's alert fires on a live one-node cluster when the node stops, reaches Alertmanager, and resolves. */
@LiveKafkaCluster(nodes = 1, pack = "team-pack.bw")
class TeamPackTest {
    @Test
    void aStoppedNodeIsReportedUnreachable(AlertProofRig rig) {
        AlertProofRig.Fault f = rig.fault("node-stopped",
                Expectation.of("TeamKafkaNodeUnreachable", "namespace", AlertProofRig.NAMESPACE, "pod", "node-1"));
        f.inject(() -> rig.cluster().stopNode(1, Duration.ofSeconds(10)));
        f.awaitFiring(Duration.ofMinutes(2));
        f.repair(() -> rig.cluster().startNode(1));
        f.awaitResolved(Duration.ofMinutes(2));
    }
}
