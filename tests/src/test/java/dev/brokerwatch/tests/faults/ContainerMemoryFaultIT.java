package dev.brokerwatch.tests.faults;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.faults.MemoryCgroup;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;
import dev.brokerwatch.harness.proof.ProofBackend;

/**
 * A container memory limit squeezed to the broker's resident memory: node-3's memory cgroup (the agent reads
 * its files) gets a limit 3% above the broker's RSS. Repaired by lifting the limit again. In a container that is
 * the container's own cgroup, written from this machine; a local JVM first moves into a cgroup of its own, as in
 * a container.
 */
// runs beside other scenarios: the limit and the RSS it is set from are node-3's own cgroup's, which no neighbour touches
class ContainerMemoryFaultIT {
    private static final long GENEROUS = 4L * 1024 * 1024 * 1024;

    @Test
    @Timeout(900)
    void aMemoryLimitAtTheBrokersRssFiresMemoryAlerts() {
        boolean local = ProofBackend.fromSystemProperty() == ProofBackend.LOCAL;
        try (MemoryCgroup own = local ? MemoryCgroup.create("brokerwatch-proof-node-3") : null;
                AlertProofRig rig = AlertProofRig.builder("ContainerMemoryFaultIT")
                        .nodeJvmOption(3, "-XX:+AlwaysPreTouch")
                        .start()) {
            // setup, not the fault: node-3 in a memory cgroup of its own, with a generous limit
            MemoryCgroup cgroup;
            if (local) {
                KafkaNode n3 = rig.localCluster("node-3 moves into a memory cgroup").node(3);
                own.limit(GENEROUS);
                rig.cluster().stopNode(3);
                n3.setCommandPrefix(own.wrapper());
                rig.cluster().startNode(3);
                cgroup = own;
            } else {
                cgroup = MemoryCgroup.ofProcess(rig.cluster().nodePid(3).orElseThrow(
                        () -> new IllegalStateException("node-3's container has no process")));
                cgroup.limit(GENEROUS);
            }
            AlertProofRig.Fault f = rig.fault("memory-limit-at-rss",
                    Expectation.of("KafkaContainerMemoryNearLimit", "namespace", AlertProofRig.NAMESPACE, "pod", "node-3"),
                    Expectation.of("KafkaContainerOomImminent", "namespace", AlertProofRig.NAMESPACE, "pod", "node-3"));
            Faults.settleBefore(rig, f);
            try {
                f.inject(() -> cgroup.limit(((long) (cgroup.rss() * 1.03) + 4095) / 4096 * 4096));
                f.awaitFiring(Duration.ofMinutes(2));
            } finally {
                f.repair(cgroup::unlimited);
            }
            f.awaitResolved(Duration.ofMinutes(2));
        }
    }
}
