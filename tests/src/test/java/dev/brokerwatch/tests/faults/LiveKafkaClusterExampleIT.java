package dev.brokerwatch.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;
import dev.brokerwatch.harness.proof.junit.LiveKafkaCluster;

/**
 * How a user proves a pack with the JUnit 5 extension: here the curated pack as shipped inside the compiler (no
 * {@code pack}; a pack of one's own is {@code pack = "path/to/pack.bw"}) on one combined node, compiled in-process
 * with the params given in the annotation (as {@code brokerwatch compile --set ...}). The pack's Alertmanager config
 * is proven too: a shorter group_interval lets the resolution be notified within the test's time. With
 * {@code perClass = true} both tests run on one cluster, started for the first and stopped after the last.
 */
@LiveKafkaCluster(nodes = 1, perClass = true, set = {"scrape_interval=2s", "evaluation_interval=2s",
        "broker_down_for=10s", "broker_down_keep_firing_for=20s", "notification_group_interval=10s"})
class LiveKafkaClusterExampleIT {
    private static final AtomicReference<AlertProofRig> SHARED = new AtomicReference<>();

    @Test
    @Timeout(300)
    void aStoppedNodeIsReportedDown(AlertProofRig rig) {
        assertSharedRig(rig);
        AlertProofRig.Fault f = rig.fault("single-node-down (extension example)",
                Expectation.of("KafkaBrokerDown", "namespace", AlertProofRig.NAMESPACE, "pod", "node-1"));
        f.inject(() -> rig.cluster().stopNode(1, Duration.ofSeconds(10)));
        f.awaitFiring(Duration.ofMinutes(2));
        f.repair(() -> rig.cluster().startNode(1));
        f.awaitResolved(Duration.ofMinutes(2));
    }

    @Test
    @Timeout(120)
    void theClassSharesOneClusterThatServesClients(AlertProofRig rig) {
        assertSharedRig(rig);
        try (Workload w = rig.cluster().workload()) {
            w.createTopic("bw-shared-example", 1, 1);
            w.produce("bw-shared-example", 100, 100);
            assertThat(w.consume("bw-shared-example", "bw-shared-example", 100, Duration.ofSeconds(60)))
                    .as("the shared cluster serves a client in the next test").isEqualTo(100);
        }
    }

    /** Whichever test runs first, both get the very same rig. */
    private static void assertSharedRig(AlertProofRig rig) {
        SHARED.compareAndSet(null, rig);
        assertThat(rig).as("perClass = true: one rig for every test of the class").isSameAs(SHARED.get());
        assertThat(rig.cluster().nodeIds()).containsExactly(1);
    }
}
