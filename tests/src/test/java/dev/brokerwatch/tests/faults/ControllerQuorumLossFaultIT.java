package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
            // the two voters that are not the quorum leader go: the leader loses its majority, resigns and no
            // longer knows a leader (see Faults.stopAllControllersBut for why not the leader itself)
            int survivor = Faults.quorumLeader(rig);
            AlertProofRig.Fault f = rig.fault("controller-quorum-lost",
                    Expectation.of("KafkaNoActiveController", "namespace", AlertProofRig.NAMESPACE),
                    Expectation.of("KafkaMetadataQuorumLeaderUnknown", "namespace", AlertProofRig.NAMESPACE,
                            "pod", rig.cluster().nodeName(survivor)));
            List<Integer> stopped = new ArrayList<>();
            f.inject(() -> stopped.addAll(Faults.stopAllControllersBut(rig, survivor)));
            Faults.trace(rig, "after stopping two controllers");
            f.awaitFiring(Duration.ofMinutes(2));
            f.repair(() -> stopped.forEach(rig.cluster()::startNode));
            f.awaitResolved(Duration.ofMinutes(2));
        }
    }
}
