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
 * A small heap under load: node-3 is restarted with a 256 MiB heap of which the log cleaner's dedupe
 * buffer (log.cleaner.dedupe.buffer.size, allocated on the heap when the cleaner starts) holds 200 MiB,
 * leaving the broker about 56 MiB to work in (the default buffer is 128 MiB); produce load on its partitions keeps the heap full and the
 * collector busy. Repaired as an operator would: restart the broker with its normal heap and settings.
 *
 * <p>The GC rule's rate window is a fixed 5m: resolution of KafkaBrokerGcTimeHigh is awaited within 7m.
 */
@Tag("live-proof-full")
class HeapPressureFaultIT {
    static final String QUERIES = "sum by (pod) (jvm_memory_used_bytes{area=\"heap\",pod=\"node-3\"}) / "
            + "sum by (pod) (jvm_memory_max_bytes{area=\"heap\",pod=\"node-3\"}) or "
            + "label_replace(sum by (pod) (rate(jvm_gc_collection_seconds_sum{pod=\"node-3\"}[5m])), \"q\", \"gc\", \"pod\", \".*\")";

    @Test
    @Timeout(1200)
    void aSmallHeapUnderLoadFiresHeapAndGcAlerts() {
        try (AlertProofRig rig = AlertProofRig.builder("HeapPressureFaultIT").start();
                Workload w = rig.cluster().workload()) {
            Faults.createAssignedTopic(w, "bw-heap", Map.of(0, List.of(3, 1, 2), 1, List.of(3, 2, 1),
                    2, List.of(3, 1, 2)), Map.of("retention.bytes", "4194304", "segment.bytes", "1048576"));
            Faults.settle(rig);
            AlertProofRig.Fault heap = rig.fault("small-heap-under-load",
                    Expectation.of("KafkaBrokerHeapUsageHigh", "namespace", AlertProofRig.NAMESPACE, "pod", "node-3"));
            AlertProofRig.Fault gc = rig.fault("small-heap-under-load",
                    Expectation.of("KafkaBrokerGcTimeHigh", "namespace", AlertProofRig.NAMESPACE, "pod", "node-3"));
            ProduceFlood[] flood = new ProduceFlood[1];
            AssertionError gcFailure = null;
            try {
                gc.injectedNow();
                heap.inject(() -> {
                    // the fault: node-3 is rolled out with a small heap, then takes load
                    KafkaNode n3 = rig.cluster().node(3);
                    rig.cluster().stopNode(3);
                    n3.setProperty("log.cleaner.dedupe.buffer.size", Long.toString(200L * 1024 * 1024));
                    n3.setExtraJvmOptions(List.of("-Xms256m", "-Xmx256m"));
                    rig.cluster().startNode(3);
                    flood[0] = new ProduceFlood(w, "bw-heap", 12, 16 * 1024, "1", "none");
                });
                long[] next = {System.nanoTime()};
                Runnable trace = () -> {
                    if (System.nanoTime() > next[0]) {
                        System.out.println("[heap] " + rig.prometheus().query(QUERIES).stream()
                                .map(s -> s.labels() + "=" + s.value()).toList() + " acked " + flood[0].acked());
                        next[0] = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    }
                };
                heap.awaitFiring(Duration.ofMinutes(4), trace);
                try {
                    gc.awaitFiring(Duration.ofMinutes(3), trace);
                } catch (AssertionError e) {
                    gcFailure = e; // reported after the heap alert's repair and resolution
                }
            } finally {
                Runnable repair = () -> {
                    if (flood[0] != null) {
                        flood[0].close();
                    }
                    KafkaNode n3 = rig.cluster().node(3);
                    rig.cluster().stopNode(3);
                    n3.setProperty("log.cleaner.dedupe.buffer.size", null);
                    n3.setExtraJvmOptions(List.of());
                    rig.cluster().startNode(3);
                };
                heap.repair(repair);
                gc.repair(() -> { });
            }
            heap.awaitResolved(Duration.ofMinutes(3));
            if (gcFailure != null) {
                throw gcFailure;
            }
            gc.awaitResolved(Duration.ofMinutes(7));
        }
    }
}
