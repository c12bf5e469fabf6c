package dev.brokerwatch.tests.faults;

import dev.brokerwatch.harness.faults.SmallFileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.DescribeReplicaLogDirsResult.ReplicaLogDirInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionReplica;
import org.apache.kafka.common.errors.RetriableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;
import dev.brokerwatch.harness.proof.ProofParams;

/**
 * node-3 has a second log directory on a tmpfs of this machine of {@link ProofParams#DISK_CAPACITY_BYTES} (the
 * pack's disk_capacity_bytes; a container sees it at the same path). A partition on it is filled to 90% (log size
 * near capacity; repaired by deleting records), then to the brim (the log directory goes offline; repaired by
 * growing the file system and restarting the broker, as an operator would).
 */
class LogDirFullFaultIT {
    private static final String TEST = "LogDirFullFaultIT";
    private static final String TOPIC = "bw-fill";

    @Test
    @Timeout(900)
    void fillingALogDirectoryFiresDiskAlerts() throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.mount(TEST, ProofParams.DISK_CAPACITY_BYTES)) {
            try (AlertProofRig rig = AlertProofRig.builder(TEST)
                    .nodeLogDir(3, fs.dir())
                    .brokerProperty("log.segment.delete.delay.ms", "1000")
                    .start();
                    Workload w = rig.cluster().workload()) {
                Faults.createAssignedTopic(w, TOPIC, Map.of(0, List.of(3)),
                        Map.of("segment.bytes", "4194304", "retention.ms", "-1"));
                moveReplica(w, new TopicPartitionReplica(TOPIC, 0, 3), fs.dir().toString());
                AlertProofRig.Fault nearFull = rig.fault("log-dir-filling",
                        Expectation.of("KafkaLogSizeNearCapacity", "namespace", AlertProofRig.NAMESPACE, "pod", "node-3"));
                Faults.settleBefore(rig, nearFull);
                nearFull.inject(() -> fill(w, fs, (long) (ProofParams.DISK_CAPACITY_BYTES * 0.9)));
                nearFull.awaitFiring(Duration.ofMinutes(2));
                nearFull.repair(() -> deleteAllRecords(w));
                nearFull.awaitResolved(Duration.ofMinutes(2));

                AlertProofRig.Fault full = rig.fault("log-dir-full",
                        Expectation.of("KafkaOfflineLogDirectory", "namespace", AlertProofRig.NAMESPACE, "pod", "node-3"));
                full.inject(() -> fill(w, fs, Long.MAX_VALUE));
                Faults.trace(rig, "after filling the log dir; tmpfs free " + fs.free());
                full.awaitFiring(Duration.ofMinutes(3));
                full.repair(() -> {
                    rig.cluster().stopNode(3);
                    fs.resize(4 * ProofParams.DISK_CAPACITY_BYTES);
                    rig.cluster().startNode(3);
                    deleteAllRecords(w);
                });
                full.awaitResolved(Duration.ofMinutes(3));
            }
        }
    }

    /**
     * Moves the replica to {@code dir} and waits until the broker reports it there. A broker learns of a new
     * partition from the metadata log a moment after the topic is created; until then it answers
     * UNKNOWN_TOPIC_OR_PARTITION (seen on 3.9.2), and until it has created the replica, NOT_LEADER_OR_FOLLOWER
     * (seen on a loaded machine; it has recorded the directory for the replica by then). Both are retriable: ask
     * again.
     */
    private static void moveReplica(Workload w, TopicPartitionReplica replica, String dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                w.admin().alterReplicaLogDirs(Map.of(replica, dir)).all().get(30, TimeUnit.SECONDS);
                ReplicaLogDirInfo info = w.admin().describeReplicaLogDirs(List.of(replica)).all()
                        .get(30, TimeUnit.SECONDS).get(replica);
                if (info != null && sameDirectory(dir, info.getCurrentReplicaLogDir()) && info.getFutureReplicaLogDir() == null) {
                    return;
                }
                last = new IllegalStateException("the broker reports the replica in " + (info == null ? "no directory"
                        : info.getCurrentReplicaLogDir() + " (moving to " + info.getFutureReplicaLogDir() + ")"));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException("cannot move " + replica + " to " + dir + ": " + e.getCause(),
                            e.getCause());
                }
                last = e.getCause();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("cannot move " + replica + " to " + dir + " within 60 s; last: " + last, last);
    }

    /** The same directory, as the broker names it: on a container, a path of its own may not exist here. */
    private static boolean sameDirectory(String a, String b) throws java.io.IOException {
        if (b == null) {
            return false;
        }
        Path pa = Path.of(a).normalize();
        Path pb = Path.of(b).normalize();
        if (pa.equals(pb)) {
            return true;
        }
        return Files.exists(pa) && Files.exists(pb) && pa.toRealPath().equals(pb.toRealPath());
    }

    /**
     * Produces 64 KiB records (acks=1) until {@code used} bytes are used on the file system, or node-3 reports the
     * directory offline (a write failed for want of space: the fault is in place).
     */
    private static void fill(Workload w, SmallFileSystem fs, long used) {
        var p = w.producerProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(1024 * 1024));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.RETRIES_CONFIG, "0");
        byte[] value = new byte[64 * 1024];
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        int failures = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            while (System.nanoTime() < deadline && fs.used() < used && failures < 20) {
                try {
                    for (int i = 0; i < 16; i++) {
                        producer.send(new ProducerRecord<>(TOPIC, 0, null, value));
                    }
                    producer.flush();
                    producer.send(new ProducerRecord<>(TOPIC, 0, null, value)).get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    failures++;
                    if (offline(w, fs)) {
                        return;
                    }
                    Faults.sleep(Duration.ofMillis(500));
                }
            }
        }
    }

    private static boolean offline(Workload w, SmallFileSystem fs) {
        try {
            LogDirDescription d = w.admin().describeLogDirs(List.of(3)).allDescriptions().get(30, TimeUnit.SECONDS)
                    .get(3).get(fs.dir().toString());
            return d != null && d.error() != null;
        } catch (Exception e) {
            return false; // ask again after the next failed write
        }
    }

    private static void deleteAllRecords(Workload w) {
        try {
            TopicPartition tp = new TopicPartition(TOPIC, 0);
            long end = w.admin().listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                    .partitionResult(tp).get(30, TimeUnit.SECONDS).offset();
            w.admin().deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(end))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot delete the records of " + TOPIC, e);
        }
    }
}
