package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.tests.harness.KafkaNode;
import dev.brokerwatch.tests.proof.AlertProofRig;
import dev.brokerwatch.tests.proof.Expectation;

/**
 * A slow metadata quorum: one follower controller is down and the other one keeps hanging (SIGSTOP for
 * 1.8 s, SIGCONT for 0.2 s, as under long GC pauses), so every metadata commit waits for it.
 */
@Tag("live-proof-full")
class SlowMetadataQuorumFaultIT {
    @Test
    @Timeout(900)
    void aHangingFollowerControllerMakesCommitsSlow() {
        try (AlertProofRig rig = AlertProofRig.builder("SlowMetadataQuorumFaultIT")
                .cluster(c -> c.brokerProperty("controller.quorum.fetch.timeout.ms", "6000")
                        .brokerProperty("broker.session.timeout.ms", "18000"))
                .start()) {
            Faults.settle(rig);
            KafkaNode leader = Faults.quorumLeader(rig);
            List<KafkaNode> followers = rig.cluster().nodes().stream().filter(n -> n != leader).toList();
            KafkaNode down = followers.get(0);
            KafkaNode hanging = followers.get(1);
            AlertProofRig.Fault f = rig.fault("hanging-follower-controller",
                    Expectation.of("KafkaMetadataCommitLatencyHigh", "namespace", AlertProofRig.NAMESPACE,
                            "pod", leader.name()));
            f.inject(() -> down.stop(Duration.ofSeconds(10)));
            try {
                f.awaitFiring(Duration.ofMinutes(4), () -> {
                    hanging.pause();
                    Faults.sleep(Duration.ofMillis(1800));
                    hanging.resume();
                    Faults.sleep(Duration.ofMillis(200));
                });
            } finally {
                if (hanging.process() != null && hanging.process().isPaused()) {
                    hanging.resume();
                }
            }
            f.repair(() -> {
                down.start();
                down.awaitStarted(Duration.ofMinutes(2));
            });
            f.awaitResolved(Duration.ofMinutes(3));
        }
    }
}
