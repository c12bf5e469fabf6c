package dev.brokerwatch.tests.faults;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.tests.proof.AlertProofRig;
import dev.brokerwatch.tests.proof.Expectation;

/** Stop two of three controllers: no active controller, the survivor knows no quorum leader. */
class ControllerQuorumLossFaultIT {
    @Test
    @Timeout(600)
    void losingTheQuorumFiresAndResolves() {
        try (AlertProofRig rig = AlertProofRig.builder("ControllerQuorumLossFaultIT").start()) {
            Faults.settle(rig);
            AlertProofRig.Fault f = rig.fault("controller-quorum-lost",
                    Expectation.of("KafkaNoActiveController", "namespace", AlertProofRig.NAMESPACE),
                    Expectation.of("KafkaMetadataQuorumLeaderUnknown", "namespace", AlertProofRig.NAMESPACE,
                            "pod", "node-3"));
            f.inject(() -> {
                // without a quorum a node cannot finish a controlled shutdown: short grace, then SIGKILL
                rig.cluster().stopNode(1, Duration.ofSeconds(5));
                rig.cluster().stopNode(2, Duration.ofSeconds(5));
            });
            Faults.trace(rig, "after stopping two controllers");
            f.awaitFiring(Duration.ofMinutes(2));
            f.repair(() -> {
                rig.cluster().startNode(1);   // with node-3, a quorum again
                rig.cluster().startNode(2);
            });
            f.awaitResolved(Duration.ofMinutes(2));
        }
    }
}
