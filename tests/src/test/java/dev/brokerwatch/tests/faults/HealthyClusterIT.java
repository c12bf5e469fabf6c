package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.KafkaCluster;
import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.ProofParams;

/** A healthy three-node cluster under normal load: for many evaluation cycles, no curated alert fires. */
// runs alone (the ITs run several classes at once, tests/pom.xml): it asserts that nothing fires: no other scenario may take the CPU it measures a quiet cluster on
@Isolated
class HealthyClusterIT {
    @Test
    @Timeout(600)
    void aHealthyClusterUnderNormalLoadFiresNothing() {
        try (AlertProofRig rig = AlertProofRig.builder("HealthyClusterIT")
                .beforeScraping(HealthyClusterIT::createTopicAndGroup)
                .start();
                Workload w = rig.cluster().workload()) {
            try (Workload.ContinuousLoad load = w.startContinuous("bw-orders", "bw-orders-group", 200, 500,
                    Duration.ofMinutes(10))) {
                Faults.settle(rig);
                // 45 evaluation cycles of every group, under load
                rig.assertNothingFires("healthy", ProofParams.EVALUATION_INTERVAL.multipliedBy(45));
                if (load.produced() == 0 || load.consumed() == 0) {
                    throw new AssertionError("the load did not run: produced " + load.produced() + ", consumed "
                            + load.consumed() + ", last error " + load.lastError());
                }
            }
        }
    }

    /**
     * The topic, the consumer-offsets topic and the group exist before Prometheus's first scrape: creating them
     * moves partition leadership (KafkaLeaderElectionsFrequent counts it), which is set-up, not the healthy
     * steady state this scenario watches.
     */
    private static void createTopicAndGroup(KafkaCluster cluster) {
        try (Workload w = cluster.workload()) {
            w.createTopic("bw-orders", 6, 3, Map.of("min.insync.replicas", "2", "retention.bytes", "4194304",
                    "segment.bytes", "1048576"));
            w.produce("bw-orders", 200, 500);
            w.consume("bw-orders", "bw-orders-group", 200, Duration.ofSeconds(60));
        }
    }
}
