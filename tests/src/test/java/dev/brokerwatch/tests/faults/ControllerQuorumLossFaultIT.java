package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.tests.proof.AlertProofRig;
import dev.brokerwatch.tests.proof.Expectation;

/** Stop two of three controllers: no active controller, and the survivor's metadata log stops advancing. */
class ControllerQuorumLossFaultIT {
    @Test
    @Timeout(600)
    void losingTheQuorumAroundItsLeaderFiresAndResolves() {
        try (AlertProofRig rig = AlertProofRig.builder("ControllerQuorumLossFaultIT").start()) {
            Faults.settle(rig);
            // the two voters that are not the quorum leader go: the leader loses its majority, resigns and no
            // longer knows a leader, which is the one quorum loss KafkaMetadataQuorumLeaderUnknown sees
            int survivor = Faults.quorumLeader(rig);
            AlertProofRig.Fault f = rig.fault("controller-quorum-lost",
                    Expectation.of("KafkaNoActiveController", "namespace", AlertProofRig.NAMESPACE),
                    Expectation.of("KafkaMetadataQuorumLeaderUnknown", "namespace", AlertProofRig.NAMESPACE,
                            "pod", rig.cluster().nodeName(survivor)),
                    Expectation.of("KafkaMetadataLogStalled", "namespace", AlertProofRig.NAMESPACE,
                            "pod", rig.cluster().nodeName(survivor)));
            List<Integer> stopped = new ArrayList<>();
            f.inject(() -> stopped.addAll(Faults.stopAllControllersBut(rig, survivor)));
            Faults.trace(rig, "after stopping two controllers");
            f.awaitFiring(Duration.ofMinutes(2));
            f.repair(() -> stopped.forEach(rig.cluster()::startNode));
            f.awaitResolved(Duration.ofMinutes(2));
        }
    }

    @Test
    @Timeout(600)
    void losingTheQuorumWithItsLeaderFiresAndResolves() {
        try (AlertProofRig rig = AlertProofRig.builder("ControllerQuorumLossFaultIT").start()) {
            Faults.settle(rig);
            // the leader and one follower go: the survivor goes on naming the dead leader (pre-vote), so only the
            // stalled metadata log and the missing active controller tell
            int leader = Faults.quorumLeader(rig);
            int survivor = rig.cluster().controllerIds().stream().filter(id -> id != leader).findFirst().orElseThrow();
            AlertProofRig.Fault f = rig.fault("controller-quorum-lost-with-leader",
                    Expectation.of("KafkaNoActiveController", "namespace", AlertProofRig.NAMESPACE),
                    Expectation.of("KafkaMetadataLogStalled", "namespace", AlertProofRig.NAMESPACE,
                            "pod", rig.cluster().nodeName(survivor)));
            List<Integer> stopped = new ArrayList<>();
            f.inject(() -> stopped.addAll(Faults.stopAllControllersBut(rig, survivor)));
            Faults.trace(rig, "after stopping the quorum leader and a follower");
            f.awaitFiring(Duration.ofMinutes(2));
            f.repair(() -> stopped.forEach(rig.cluster()::startNode));
            f.awaitResolved(Duration.ofMinutes(2));
        }
    }
}
