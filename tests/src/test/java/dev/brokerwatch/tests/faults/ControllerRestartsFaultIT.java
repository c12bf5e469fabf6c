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
        // A crashed broker's old incarnation holds its registration until its session expires, counted from when the
        // active controller took over (a new quorum leader starts every session afresh): the restarted broker is
        // turned away (DUPLICATE_BROKER_REGISTRATION) until then. With Kafka's 9 s session and the election, a
        // crashed node in a container served again only 11 to 13 s after the crash, past the proof's broker_down_for
        // of 10 s (the pack's 1m, shortened), and KafkaBrokerDown paged for what is a short crash. A 4 s session of
        // 1 s heartbeats keeps the crash short; the quorum's elections, which the rule counts, are the same.
        try (AlertProofRig rig = AlertProofRig.builder("ControllerRestartsFaultIT")
                .brokerProperty("broker.heartbeat.interval.ms", "1000")
                .brokerProperty("broker.session.timeout.ms", "4000")
                .start()) {
            AlertProofRig.Fault f = rig.fault("quorum-leader-crash-loop",
                    Expectation.of("KafkaMetadataQuorumElectionsFrequent", "namespace", AlertProofRig.NAMESPACE));
            Faults.settleBefore(rig, f);
            f.injectedNow();
            for (int i = 0; i < 4; i++) {
                int leader = Faults.quorumLeader(rig);
                double epoch = Faults.quorumEpoch(rig);
                rig.cluster().killNode(leader);
                // restarted at once, as a supervisor would; the others elect a leader while it starts
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
