package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.KafkaCluster;
import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;
import dev.brokerwatch.harness.faults.ProduceFlood;

/**
 * A small heap under load: node-3 is restarted with a 256 MiB heap of which the log cleaner's dedupe
 * buffer (log.cleaner.dedupe.buffer.size, allocated on the heap when the cleaner starts) holds 200 MiB,
 * leaving the broker about 56 MiB to work in (the default buffer is 128 MiB); produce load on its partitions keeps the heap full and the
 * collector busy. Repaired as an operator would: restart the broker with its normal heap and settings.
 *
 * <p>The time spent in GC under the same fault is {@link GcPressureFaultIT}'s concern.
 */
// runs alone (the ITs run several classes at once, tests/pom.xml): its load on a small heap loads the CPU with GC; beside another scenario both would be slower
@Isolated
class HeapPressureFaultIT {
    static final String QUERIES = "sum by (pod) (jvm_memory_used_bytes{area=\"heap\",pod=\"node-3\"}) / "
            + "sum by (pod) (jvm_memory_max_bytes{area=\"heap\",pod=\"node-3\"}) or "
            + "label_replace(sum by (pod) (rate(jvm_gc_collection_seconds_sum{pod=\"node-3\"}[5m])), \"q\", \"gc\", \"pod\", \".*\")";

    /**
     * The fault: node-3 is rolled out with a 256 MiB heap, {@code dedupeMib} of it taken by the log cleaner's
     * buffer.
     */
    static void restartWithSmallHeap(AlertProofRig rig, int dedupeMib) {
        KafkaCluster c = rig.cluster();
        c.stopNode(3);
        c.setNodeProperty(3, "log.cleaner.dedupe.buffer.size", Long.toString(dedupeMib * 1024L * 1024));
        c.setNodeJvmOptions(3, List.of("-Xms256m", "-Xmx256m"));
        c.startNode(3);
    }

    /** The repair, as an operator would: node-3 is rolled out again with its normal heap and settings. */
    static void restartWithNormalHeap(AlertProofRig rig) {
        KafkaCluster c = rig.cluster();
        c.stopNode(3);
        c.setNodeProperty(3, "log.cleaner.dedupe.buffer.size", null);
        c.setNodeJvmOptions(3, List.of());
        c.startNode(3);
    }

    /** Three partitions led by node-3, for the load. */
    static void createTopic(Workload w) {
        Faults.createAssignedTopic(w, "bw-heap", Map.of(0, List.of(3, 1, 2), 1, List.of(3, 2, 1),
                2, List.of(3, 1, 2)), Map.of("retention.bytes", "4194304", "segment.bytes", "1048576"));
    }

    @Test
    @Timeout(900)
    void aSmallHeapUnderLoadFiresHeapUsageHigh() {
        try (AlertProofRig rig = AlertProofRig.builder("HeapPressureFaultIT").start();
                Workload w = rig.cluster().workload()) {
            createTopic(w);
            AlertProofRig.Fault heap = rig.fault("small-heap-under-load",
                    Expectation.of("KafkaBrokerHeapUsageHigh", "namespace", AlertProofRig.NAMESPACE, "pod", "node-3"));
            Faults.settleBefore(rig, heap);
            ProduceFlood[] flood = new ProduceFlood[1];
            try {
                heap.inject(() -> {
                    restartWithSmallHeap(rig, 200);
                    flood[0] = new ProduceFlood(w, "bw-heap", 12, 16 * 1024, "1", "none");
                });
                heap.awaitFiring(Duration.ofMinutes(4), Faults.every(Duration.ofSeconds(10), () -> System.out.println(
                        "[heap] " + Faults.values(rig, QUERIES) + " acked " + flood[0].acked())));
            } finally {
                heap.repair(() -> {
                    if (flood[0] != null) {
                        flood[0].close();
                    }
                    restartWithNormalHeap(rig);
                });
            }
            heap.awaitResolved(Duration.ofMinutes(3));
        }
    }
}
