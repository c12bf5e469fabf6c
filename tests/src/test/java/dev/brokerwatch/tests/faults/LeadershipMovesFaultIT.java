package dev.brokerwatch.tests.faults;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.Workload;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;

/**
 * Partition leadership moved back and forth with every broker up, as a balancer or an operator shuffling leaders
 * does: the replicas of a topic are reordered every few seconds (the same brokers, so no data moves) and the new
 * preferred leaders elected. KafkaLeaderElectionsFrequent fires on the two brokers whose leader count keeps
 * changing, one ticket; a broker that is down inhibits it, and one restart stays under its threshold
 * (BrokerRestartFaultIT), so this is how it fires on its own.
 */
class LeadershipMovesFaultIT {
    private static final String TOPIC = "bw-shuffled";
    private static final int PARTITIONS = 4;

    @Test
    @Timeout(600)
    void leadersMovedBackAndForthFireLeaderElectionsFrequent() {
        try (AlertProofRig rig = AlertProofRig.builder("LeadershipMovesFaultIT")
                .beforeScraping(cluster -> {
                    try (Workload w = cluster.workload()) {
                        Map<Integer, List<Integer>> assignment = new LinkedHashMap<>();
                        for (int p = 0; p < PARTITIONS; p++) {
                            assignment.put(p, replicas(0));
                        }
                        Faults.createAssignedTopic(w, TOPIC, assignment, Map.of());
                    }
                })
                .start();
                Workload w = rig.cluster().workload()) {
            AlertProofRig.Fault f = rig.fault("leaders-moved-back-and-forth",
                    Expectation.of("KafkaLeaderElectionsFrequent", "namespace", AlertProofRig.NAMESPACE, "pod", "node-1"),
                    Expectation.of("KafkaLeaderElectionsFrequent", "namespace", AlertProofRig.NAMESPACE, "pod", "node-2"));
            Faults.settleBefore(rig, f);
            int[] moves = {0};
            f.injectedNow();
            f.awaitFiring(Duration.ofMinutes(3), Faults.every(Duration.ofSeconds(5), () -> moveLeaders(w, ++moves[0])));
            f.repair(() -> { }); // the moves stopped once it fired
            f.awaitResolved(Duration.ofMinutes(4));
        }
    }

    /** Every partition's replicas: led by node 2 after even moves (and at creation), by node 1 after odd ones. */
    private static List<Integer> replicas(int move) {
        return move % 2 == 0 ? List.of(2, 1, 3) : List.of(1, 2, 3);
    }

    /** Reorders the replicas of every partition and elects the new preferred leaders. */
    private static void moveLeaders(Workload w, int move) {
        Map<TopicPartition, Optional<NewPartitionReassignment>> reorder = new LinkedHashMap<>();
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        for (int p = 0; p < PARTITIONS; p++) {
            TopicPartition tp = new TopicPartition(TOPIC, p);
            partitions.add(tp);
            reorder.put(tp, Optional.of(new NewPartitionReassignment(replicas(move))));
        }
        try {
            w.admin().alterPartitionReassignments(reorder).all().get(30, TimeUnit.SECONDS);
            // per partition, an election that was not needed is no failure: the leader already moved
            w.admin().electLeaders(ElectionType.PREFERRED, partitions).partitions().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot move the leaders of " + TOPIC + " (move " + move + ")", e);
        }
    }
}
