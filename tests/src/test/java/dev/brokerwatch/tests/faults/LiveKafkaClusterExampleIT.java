package dev.brokerwatch.tests.faults;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;
import dev.brokerwatch.harness.proof.junit.LiveKafkaCluster;

/**
 * How a user proves a pack with the JUnit 5 extension: here the curated pack as shipped inside the compiler (no
 * {@code pack}; a pack of one's own is {@code pack = "path/to/pack.bw"}) on one combined node, compiled in-process
 * with the params given in the annotation (as {@code brokerwatch compile --set ...}). The pack's Alertmanager config
 * is proven too: a shorter group_interval lets the resolution be notified within the test's time.
 */
@LiveKafkaCluster(nodes = 1, set = {"scrape_interval=2s", "evaluation_interval=2s",
        "broker_down_for=10s", "broker_down_keep_firing_for=20s", "notification_group_interval=10s"})
class LiveKafkaClusterExampleIT {
    @Test
    @Timeout(300)
    void aStoppedNodeIsReportedDown(AlertProofRig rig) {
        AlertProofRig.Fault f = rig.fault("single-node-down (extension example)",
                Expectation.of("KafkaBrokerDown", "namespace", AlertProofRig.NAMESPACE, "pod", "node-1"));
        f.inject(() -> rig.cluster().stopNode(1, Duration.ofSeconds(10)));
        f.awaitFiring(Duration.ofMinutes(2));
        f.repair(() -> rig.cluster().startNode(1));
        f.awaitResolved(Duration.ofMinutes(2));
    }
}
