package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;

/**
 * Slow produce: acks=all producers while a follower of the partitions that node-4 leads keeps hanging
 * (SIGSTOP 6 s, SIGCONT 3 s; shorter than its session and the ISR lag timeout), so produce requests wait
 * seconds for it and node-4's produce p99 passes a second. Separate roles (one controller, three brokers),
 * so that the hanging follower is not also a controller.
 *
 * <p>The load is a slow 5 records/s: a producer has at most 5 requests in flight per connection, so however
 * fast it sends, only about 5 requests per pause wait for the follower. At 50 records/s they were 1% of the
 * requests and the p99 stayed at 14 ms; at 5 records/s they are about a fifth.
 */
class ProduceLatencyFaultIT {
    @Test
    @Timeout(1200)
    void aHangingFollowerMakesAcksAllProduceSlow() {
        try (AlertProofRig rig = AlertProofRig.builder("ProduceLatencyFaultIT").separateRoles(1, 3).start();
                Workload w = rig.cluster().workload()) {
            Faults.createAssignedTopic(w, "bw-acks-all", Map.of(0, List.of(4, 3, 2), 1, List.of(4, 3, 2)),
                    Map.of("min.insync.replicas", "2"));
            int follower = 3;
            try (Workload.ContinuousLoad load = w.startContinuous("bw-acks-all", "bw-acks-all-group", 5, 200,
                    Duration.ofMinutes(15))) {
                AlertProofRig.Fault f = rig.fault("acks-all-hanging-follower",
                        Expectation.of("KafkaProduceLatencyHigh", "namespace", AlertProofRig.NAMESPACE, "pod", "node-4"));
                Faults.settleBefore(rig, f);
                f.injectedNow();
                boolean[] paused = {false};
                try {
                    f.awaitFiring(Duration.ofMinutes(4), () -> {
                        rig.cluster().pauseNode(follower);
                        paused[0] = true;
                        Faults.sleep(Duration.ofSeconds(6));
                        rig.cluster().resumeNode(follower);
                        paused[0] = false;
                        Faults.sleep(Duration.ofSeconds(3));
                    });
                } finally {
                    f.repair(() -> {
                        if (paused[0]) {
                            rig.cluster().resumeNode(follower);
                        }
                    });
                }
                // the p99 comes from a reservoir biased to the last ~5 minutes
                f.awaitResolved(Duration.ofMinutes(10));
            }
        }
    }
}
