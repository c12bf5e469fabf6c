package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;
import dev.brokerwatch.harness.faults.ProduceFlood;

/**
 * Large records on a small heap, the classic way a broker's collector gets busy: node-3 is rolled out with
 * {@link HeapPressureFaultIT}'s small heap (256 MiB, most of it the log cleaner's buffer) and producers send
 * 700 KiB records to partitions it leads. Each produce request is read into one buffer larger than half a G1
 * region (1 MiB on this heap), a humongous object that G1 places in the old generation; with the old
 * generation already past the marking threshold, every such allocation asks for a collection:
 * KafkaBrokerGcTimeHigh (the rate of GC seconds over gc_time_window above 0.1). Repaired by rolling it out
 * again with its normal heap.
 *
 * <p>Records of 16 KiB on the same heap kept G1 at about 4% (young collections of short-lived request
 * buffers are cheap); at 700 KiB it spent 13% of the time in young pauses.
 */
// runs alone (the ITs run several classes at once, tests/pom.xml): its large records on a small heap load the CPU with GC; beside another scenario both would be slower
@Isolated
class GcPressureFaultIT {
    static final int RECORD_BYTES = 700 * 1024;
    /** 48 MiB of the 256 MiB heap left for everything else: room for every producer's requests in flight. */
    static final int DEDUPE_BUFFER_MIB = 208;

    @Test
    @Timeout(900)
    void largeRecordsOnASmallHeapFireGcTimeHigh() {
        try (AlertProofRig rig = AlertProofRig.builder("GcPressureFaultIT").start();
                Workload w = rig.cluster().workload()) {
            Faults.createAssignedTopic(w, "bw-gc", Map.of(0, List.of(3, 1, 2), 1, List.of(3, 2, 1),
                    2, List.of(3, 1, 2)), Map.of("retention.bytes", "8388608", "segment.bytes", "4194304"));
            AlertProofRig.Fault gc = rig.fault("large-records-on-a-small-heap",
                    Expectation.of("KafkaBrokerGcTimeHigh", "namespace", AlertProofRig.NAMESPACE, "pod", "node-3"));
            Faults.settleBefore(rig, gc);
            ProduceFlood[] flood = new ProduceFlood[1];
            try {
                gc.inject(() -> {
                    HeapPressureFaultIT.restartWithSmallHeap(rig, DEDUPE_BUFFER_MIB);
                    flood[0] = new ProduceFlood(w, "bw-gc", 10, RECORD_BYTES, "1", "none", 1024 * 1024);
                });
                gc.awaitFiring(Duration.ofMinutes(5), Faults.every(Duration.ofSeconds(10), () -> System.out.println(
                        "[gc] " + Faults.values(rig, HeapPressureFaultIT.QUERIES) + " acked " + flood[0].acked()
                                + " errors " + flood[0].errors())));
            } finally {
                gc.repair(() -> {
                    if (flood[0] != null) {
                        flood[0].close();
                    }
                    HeapPressureFaultIT.restartWithNormalHeap(rig);
                });
            }
            gc.awaitResolved(Duration.ofMinutes(3));
        }
    }
}
