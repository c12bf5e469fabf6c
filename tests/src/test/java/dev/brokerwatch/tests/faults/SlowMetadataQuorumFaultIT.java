package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.KafkaCluster;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;

/**
 * A slow metadata quorum: one follower controller is down and the other one keeps hanging (SIGSTOP for
 * 1.8 s, SIGCONT for 0.2 s, as under long GC pauses), so every metadata commit waits for it.
 */
class SlowMetadataQuorumFaultIT {
    @Test
    @Timeout(900)
    void aHangingFollowerControllerMakesCommitsSlow() {
        try (AlertProofRig rig = AlertProofRig.builder("SlowMetadataQuorumFaultIT")
                .brokerProperty("controller.quorum.fetch.timeout.ms", "6000")
                .brokerProperty("broker.session.timeout.ms", "18000")
                .start()) {
            Faults.settle(rig);
            KafkaCluster cluster = rig.cluster();
            int leader = Faults.quorumLeader(rig);
            List<Integer> followers = cluster.nodeIds().stream().filter(n -> n != leader).toList();
            int down = followers.get(0);
            int hanging = followers.get(1);
            // two faults in one episode, one notification group each: the stopped controller pages as a down
            // broker, and the slow commits it lets the hanging one cause are a ticket of their own
            AlertProofRig.Fault stopped = rig.fault("controller-down",
                    Expectation.of("KafkaBrokerDown", "namespace", AlertProofRig.NAMESPACE, "pod", cluster.nodeName(down)));
            AlertProofRig.Fault f = rig.fault("hanging-follower-controller",
                    Expectation.of("KafkaMetadataCommitLatencyHigh", "namespace", AlertProofRig.NAMESPACE,
                            "pod", cluster.nodeName(leader)));
            stopped.inject(() -> cluster.stopNode(down, Duration.ofSeconds(10)));
            f.injectedNow();
            boolean[] paused = {false};
            Runnable hang = () -> {
                cluster.pauseNode(hanging);
                paused[0] = true;
                Faults.sleep(Duration.ofMillis(1800));
                cluster.resumeNode(hanging);
                paused[0] = false;
                Faults.sleep(Duration.ofMillis(200));
            };
            try {
                f.awaitFiring(Duration.ofMinutes(4), hang);
                stopped.awaitFiring(Duration.ofMinutes(1), hang);
            } finally {
                if (paused[0]) {
                    cluster.resumeNode(hanging);
                }
            }
            f.repair(() -> { }); // the hanging stopped with the loop
            stopped.repair(() -> cluster.startNode(down));
            f.awaitResolved(Duration.ofMinutes(3));
            stopped.awaitResolved(Duration.ofMinutes(3));
        }
    }
}
