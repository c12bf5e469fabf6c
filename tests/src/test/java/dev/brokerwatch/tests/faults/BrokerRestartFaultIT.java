package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.KafkaCluster;
import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;

/**
 * Stop a broker (SIGTERM: controlled shutdown) and start it again: broker down, under-replicated and
 * under-min-ISR partitions on the survivors and a fenced broker, one page; then a broker hangs
 * (SIGSTOP) for a while: the partition leaders shrink their ISRs, and it fails its scrapes: one page.
 */
class BrokerRestartFaultIT {
    static final String SCENARIO = "broker-restart";

    @Test
    @Timeout(1200)
    void stoppingAndStartingABrokerFiresAndResolvesItsAlerts() {
        try (AlertProofRig rig = AlertProofRig.builder("BrokerRestartFaultIT")
                .brokerProperty("replica.lag.time.max.ms", "5000")
                // the hung broker must be dropped from the ISRs by its leaders (after replica.lag.time.max.ms, checked
                // every half of it) before the controller fences it (after this): fenced first, no shrink is counted,
                // and on a loaded machine the default 9 s left too small a margin
                .brokerProperty("broker.session.timeout.ms", "15000")
                .beforeScraping(BrokerRestartFaultIT::createTopicsAndGroup)
                .start();
                Workload w = rig.cluster().workload()) {
            try (Workload.ContinuousLoad load = w.startContinuous("bw-orders", "bw-orders-group", 100, 200,
                    Duration.ofMinutes(12))) {
                AlertProofRig.Fault stop = rig.fault(SCENARIO,
                        Expectation.of("KafkaBrokerDown", "job", "kafka", "namespace", AlertProofRig.NAMESPACE, "pod", "node-3"),
                        Expectation.of("KafkaUnderReplicatedPartitions", "namespace", AlertProofRig.NAMESPACE),
                        Expectation.of("KafkaUnderMinIsrPartitions", "namespace", AlertProofRig.NAMESPACE),
                        Expectation.of("KafkaFencedBrokers", "namespace", AlertProofRig.NAMESPACE));
                Faults.settleBefore(rig, stop);
                stop.inject(() -> rig.cluster().stopNode(3));
                Faults.trace(rig, "after stop");
                stop.awaitFiring(Duration.ofMinutes(3));
                // KafkaBrokerDown lasts until the broker runs again (unfenced, caught up) and keeps firing a little
                // longer, so its symptoms clear while it still inhibits them: one notification group for the fault
                stop.repair(() -> rig.cluster().startNode(3));
                stop.awaitResolved(Duration.ofMinutes(3));

                // A stopped broker leaves the ISRs through the controller (its controlled shutdown; the
                // leaders' IsrShrinksPerSec stays 0). A hung one is dropped by the partition leaders
                // themselves after replica.lag.time.max.ms, before its session times out: an ISR shrink.
                // The hung broker fails its scrapes too: one page (KafkaBrokerDown), the shrink held back by it. It
                // stays hung until that page is sent (the repair waits for delivery), as a hang worth paging for does.
                // Not the quorum leader: the leaders' AlterPartition requests would wait on it until the controller
                // socket times out, and its fencing after broker.session.timeout.ms would take it out of the ISRs
                // first, so no shrink would be counted.
                Faults.settle(rig, "KafkaIsrShrinking", "KafkaBrokerDown");
                int hung = Faults.quorumLeader(rig) == 3 ? 2 : 3;
                AlertProofRig.Fault hang = rig.fault("broker-hang",
                        Expectation.of("KafkaIsrShrinking", "namespace", AlertProofRig.NAMESPACE),
                        Expectation.of("KafkaBrokerDown", "namespace", AlertProofRig.NAMESPACE, "pod", "node-" + hung));
                hang.inject(() -> rig.cluster().pauseNode(hung));
                try {
                    hang.awaitFiring(Duration.ofMinutes(2));
                } finally {
                    hang.repair(() -> rig.cluster().resumeNode(hung));
                }
                hang.awaitResolved(Duration.ofMinutes(3));
            }
        }
    }

    /**
     * The topics, the consumer-offsets topic and the group exist before Prometheus's first scrape: their creation
     * moves partition leadership, which KafkaLeaderElectionsFrequent would count with the restart's own moves.
     */
    private static void createTopicsAndGroup(KafkaCluster cluster) {
        try (Workload w = cluster.workload()) {
            w.createTopic("bw-orders", 6, 3, Map.of("min.insync.replicas", "2"));
            w.createTopic("bw-strict", 3, 3, Map.of("min.insync.replicas", "3"));
            w.produce("bw-orders", 100, 200);
            w.consume("bw-orders", "bw-orders-group", 100, Duration.ofSeconds(60));
        }
    }
}
