package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.tests.harness.KafkaNode;
import dev.brokerwatch.tests.harness.Workload;
import dev.brokerwatch.tests.proof.AlertProofRig;
import dev.brokerwatch.tests.proof.Expectation;
import dev.brokerwatch.tests.proof.ProduceFlood;

/**
 * Many producers send one tiny record per request to broker node-4, which has one network thread, while
 * node-4 loses the fight for the machine's CPUs (nice 19 on every thread, a noisy neighbour): its only
 * network thread stops idling. Separate roles (one controller, three brokers), because on a combined node
 * the NetworkProcessorAvgIdlePercent gauge belongs to the controller's SocketServer, which registers the
 * same name first (docs/live-proof.md).
 *
 * <p>Not provoked at the shipped threshold on a 2-CPU machine yet (the load generator shares the CPUs and
 * the ratio settles at 0.34-0.36), so it is tagged {@code unproven-here}: the live proof runs it and
 * records what it saw; {@code mvn verify} does not.
 */
@Tag("unproven-here")
@Tag("local-only")
class NetworkProcessorSaturationFaultIT {
    static final String QUERIES = "kafka_network_socketserver_networkprocessoravgidle_percent{pod=\"node-4\"}";

    @Test
    @Timeout(900)
    void tinyRequestsOnOneStarvedNetworkThreadFireNetworkIdleLow() {
        try (AlertProofRig rig = AlertProofRig.builder("NetworkProcessorSaturationFaultIT")
                .separateRoles(1, 3)
                .nodeProperty(4, "num.network.threads", "1")
                .localOnly("node-4's threads are reniced by their ids on this machine")
                .start();
                Workload w = rig.cluster().workload()) {
            Faults.createAssignedTopic(w, "bw-tiny", Map.of(0, List.of(4, 2, 3), 1, List.of(4, 3, 2),
                    2, List.of(4, 2, 3), 3, List.of(4, 3, 2)), Map.of("retention.bytes", "4194304",
                    "segment.bytes", "1048576"));
            KafkaNode target = rig.localCluster("renices node-4").node(4);
            Faults.settle(rig);
            AlertProofRig.Fault f = rig.fault("produce-flood-tiny-requests",
                    Expectation.of("KafkaNetworkProcessorIdleLow", "namespace", AlertProofRig.NAMESPACE, "pod", "node-4"));
            ProduceFlood[] flood = new ProduceFlood[1];
            CpuStarvation[] starved = new CpuStarvation[1];
            try {
                f.inject(() -> {
                    starved[0] = CpuStarvation.of(target);
                    flood[0] = new ProduceFlood(w, "bw-tiny", 32, 64, "1", "none", 64);
                });
                f.awaitFiring(Duration.ofMinutes(3), Faults.every(Duration.ofSeconds(10), () -> System.out.println(
                        "[load] " + Faults.values(rig, QUERIES) + " acked " + flood[0].acked())));
            } finally {
                f.repair(() -> {
                    if (flood[0] != null) {
                        flood[0].close();
                    }
                    if (starved[0] != null) {
                        starved[0].close();
                    }
                });
            }
            f.awaitResolved(Duration.ofMinutes(8));
        }
    }
}
