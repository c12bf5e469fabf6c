package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;

/** Stop two of three controllers: no active controller, and the survivor's metadata log stops advancing. */
class ControllerQuorumLossFaultIT {
    @Test
    @Timeout(600)
    void losingTheQuorumAroundItsLeaderFiresAndResolves() {
        // the two voters that are not the quorum leader go: the leader loses its majority, resigns and no
        // longer knows a leader, which is the one quorum loss KafkaMetadataQuorumLeaderUnknown sees
        loseQuorum("controller-quorum-lost", true);
    }

    @Test
    @Timeout(600)
    void losingTheQuorumWithItsLeaderFiresAndResolves() {
        // the leader and one follower go: the survivor goes on naming the dead leader (pre-vote), so only the
        // stalled metadata log and the missing active controller tell
        loseQuorum("controller-quorum-lost-with-leader", false);
    }

    private static void loseQuorum(String scenario, boolean leaderSurvives) {
        try (AlertProofRig rig = AlertProofRig.builder("ControllerQuorumLossFaultIT").start()) {
            Faults.settle(rig);
            int leader = Faults.quorumLeader(rig);
            int survivor = leaderSurvives ? leader
                    : rig.cluster().controllerIds().stream().filter(id -> id != leader).findFirst().orElseThrow();
            String pod = rig.cluster().nodeName(survivor);
            List<Expectation> expected = new ArrayList<>(List.of(
                    Expectation.of("KafkaNoActiveController", "namespace", AlertProofRig.NAMESPACE),
                    Expectation.of("KafkaMetadataLogStalled", "namespace", AlertProofRig.NAMESPACE, "pod", pod)));
            if (leaderSurvives) {
                expected.add(Expectation.of("KafkaMetadataQuorumLeaderUnknown", "namespace", AlertProofRig.NAMESPACE,
                        "pod", pod));
            }
            AlertProofRig.Fault f = rig.fault(scenario, expected);
            List<Integer> stopped = new ArrayList<>();
            f.inject(() -> stopped.addAll(Faults.stopAllControllersBut(rig, survivor)));
            Faults.trace(rig, scenario + ": after stopping two controllers");
            f.awaitFiring(Duration.ofMinutes(2));
            f.repair(() -> stopped.forEach(rig.cluster()::startNode));
            f.awaitResolved(Duration.ofMinutes(2));
        }
    }
}
