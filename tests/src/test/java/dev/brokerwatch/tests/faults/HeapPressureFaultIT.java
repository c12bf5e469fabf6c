package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

import dev.brokerwatch.harness.KafkaCluster;
import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.faults.ProduceFlood;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;
import dev.brokerwatch.harness.proof.junit.LiveKafkaCluster;

/**
 * A small heap, two ways to suffer from it, on one cluster: node-3 is rolled out with a 256 MiB heap of which the
 * log cleaner's dedupe buffer (log.cleaner.dedupe.buffer.size, allocated on the heap when the cleaner starts) holds
 * most (the default buffer is 128 MiB). Each fault is repaired as an operator would: node-3 is rolled out again with
 * its normal heap and settings, which leaves the cluster healthy for the next.
 * <ul>
 * <li>Small records under load keep the heap full: KafkaBrokerHeapUsageHigh.
 * <li>Large records, the classic way a broker's collector gets busy: each produce request is read into one buffer
 * larger than half a G1 region (1 MiB on this heap), a humongous object that G1 places in the old generation; with
 * the old generation already past the marking threshold, every such allocation asks for a collection:
 * KafkaBrokerGcTimeHigh (the rate of GC seconds over gc_time_window above 0.1). Records of 16 KiB on the same heap
 * kept G1 at about 4% (young collections of short-lived request buffers are cheap); at 700 KiB it spent 13% of the
 * time in young pauses.
 * </ul>
 */
// runs alone (the ITs run several classes at once, tests/pom.xml): its load on a small heap loads the CPU with GC; beside another scenario both would be slower
@Isolated
@LiveKafkaCluster(perClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeapPressureFaultIT {
    static final String QUERIES = "sum by (pod) (jvm_memory_used_bytes{area=\"heap\",pod=\"node-3\"}) / "
            + "sum by (pod) (jvm_memory_max_bytes{area=\"heap\",pod=\"node-3\"}) or "
            + "label_replace(sum by (pod) (rate(jvm_gc_collection_seconds_sum{pod=\"node-3\"}[5m])), \"q\", \"gc\", \"pod\", \".*\")";
    /** 56 MiB of the 256 MiB heap left for the broker: small records keep it full. */
    static final int HEAP_DEDUPE_BUFFER_MIB = 200;
    static final int GC_RECORD_BYTES = 700 * 1024;
    /** 48 MiB of the 256 MiB heap left for everything else: room for every producer's requests in flight. */
    static final int GC_DEDUPE_BUFFER_MIB = 208;

    @Test
    @Order(1)
    @Timeout(900)
    void aSmallHeapUnderLoadFiresHeapUsageHigh(AlertProofRig rig) {
        smallHeapFault(rig, "small-heap-under-load", "KafkaBrokerHeapUsageHigh", "bw-heap", "4194304", "1048576",
                HEAP_DEDUPE_BUFFER_MIB, Duration.ofMinutes(4),
                w -> new ProduceFlood(w, "bw-heap", 12, 16 * 1024, "1", "none"));
    }

    @Test
    @Order(2)
    @Timeout(900)
    void largeRecordsOnASmallHeapFireGcTimeHigh(AlertProofRig rig) {
        smallHeapFault(rig, "large-records-on-a-small-heap", "KafkaBrokerGcTimeHigh", "bw-gc", "8388608", "4194304",
                GC_DEDUPE_BUFFER_MIB, Duration.ofMinutes(5),
                w -> new ProduceFlood(w, "bw-gc", 10, GC_RECORD_BYTES, "1", "none", 1024 * 1024));
    }

    /**
     * One fault: a topic led by node-3; node-3 rolled out with the small heap and {@code load} started; {@code alert}
     * awaited on node-3; the repair stops the load and rolls node-3 back; then the topic is deleted.
     */
    private static void smallHeapFault(AlertProofRig rig, String scenario, String alert, String topic,
            String retentionBytes, String segmentBytes, int dedupeMib, Duration fireWithin,
            Function<Workload, ProduceFlood> load) {
        try (Workload w = rig.cluster().workload()) {
            createTopicLedByNode3(w, topic, retentionBytes, segmentBytes);
            AlertProofRig.Fault f = rig.fault(scenario,
                    Expectation.of(alert, "namespace", AlertProofRig.NAMESPACE, "pod", "node-3"));
            Faults.settleBefore(rig, f);
            ProduceFlood[] flood = new ProduceFlood[1];
            try {
                f.inject(() -> {
                    restartWithSmallHeap(rig, dedupeMib);
                    flood[0] = load.apply(w);
                });
                f.awaitFiring(fireWithin, Faults.every(Duration.ofSeconds(10), () -> System.out.println(
                        "[" + topic + "] " + Faults.values(rig, QUERIES) + " acked " + flood[0].acked()
                                + " errors " + flood[0].errors())));
            } finally {
                f.repair(() -> {
                    if (flood[0] != null) {
                        flood[0].close();
                    }
                    restartWithNormalHeap(rig);
                });
            }
            f.awaitResolved(Duration.ofMinutes(3));
            deleteTopic(w, topic);
        }
    }

    /** The fault: node-3 is rolled out with a 256 MiB heap, {@code dedupeMib} of it taken by the log cleaner's buffer. */
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

    /**
     * The next test gets the cluster as this one found it: the load's data on node-3 would otherwise count
     * towards the proof's small disk_capacity_bytes (KafkaLogSizeNearCapacity).
     */
    private static void deleteTopic(Workload w, String topic) {
        try {
            w.admin().deleteTopics(List.of(topic)).all().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot delete " + topic, e);
        }
    }

    /** Three partitions led by node-3, for the load. */
    private static void createTopicLedByNode3(Workload w, String topic, String retentionBytes, String segmentBytes) {
        Faults.createAssignedTopic(w, topic, Map.of(0, List.of(3, 1, 2), 1, List.of(3, 2, 1), 2, List.of(3, 1, 2)),
                Map.of("retention.bytes", retentionBytes, "segment.bytes", segmentBytes));
    }
}
