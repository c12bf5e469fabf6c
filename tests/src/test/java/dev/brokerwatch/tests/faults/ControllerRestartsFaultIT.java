package dev.brokerwatch.tests.faults;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;

/**
 * The quorum leader crashes (SIGKILL) and is restarted at once, four times in a row: the metadata quorum keeps
 * electing leaders. The rule's window is a fixed 15m, so resolution is awaited only with
 * -Dbrokerwatch.proof.awaitLongWindows=true.
 */
class ControllerRestartsFaultIT {
    @Test
    @Timeout(1500)
    void repeatedQuorumLeaderCrashesFireElectionsFrequent() {
        try (AlertProofRig rig = AlertProofRig.builder("ControllerRestartsFaultIT").start()) {
            AlertProofRig.Fault f = rig.fault("quorum-leader-crash-loop",
                    Expectation.of("KafkaMetadataQuorumElectionsFrequent", "namespace", AlertProofRig.NAMESPACE));
            Faults.settleBefore(rig, f);
            f.injectedNow();
            for (int i = 0; i < 4; i++) {
                int leader = Faults.quorumLeader(rig);
                double epoch = Faults.quorumEpoch(rig);
                rig.cluster().killNode(leader);
                // restarted at once, as a supervisor would: the node is back well within broker_down_for (a crash
                // that keeps a broker down longer pages KafkaBrokerDown, another fault); the others elect a
                // leader while it starts
                rig.cluster().startNode(leader);
                Faults.awaitQuorumEpochAbove(rig, epoch);
            }
            f.awaitFiring(Duration.ofMinutes(2));
            if (Boolean.getBoolean("brokerwatch.proof.awaitLongWindows")) {
                f.repair(() -> { });
                f.awaitResolved(Duration.ofMinutes(17));
            } else {
                f.recordWithoutResolution();
            }
        }
    }
}
