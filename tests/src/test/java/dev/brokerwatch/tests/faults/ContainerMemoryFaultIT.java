package dev.brokerwatch.tests.faults;

import dev.brokerwatch.harness.faults.MemoryCgroup;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.KafkaNode;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.Expectation;

/**
 * A container memory limit squeezed to the broker's resident memory: node-3 runs in its own memory cgroup
 * (as in a container; the agent reads the cgroup's files), whose limit is lowered to 3% above the broker's
 * RSS. Repaired by lifting the limit again.
 */
@Tag("local-only")
// runs alone (the ITs run several classes at once, tests/pom.xml): it moves a node into a cgroup of its own under the test JVM's and measures its memory against a limit
@Isolated
class ContainerMemoryFaultIT {
    @Test
    @Timeout(900)
    void aMemoryLimitAtTheBrokersRssFiresMemoryAlerts() {
        try (MemoryCgroup cgroup = MemoryCgroup.create("brokerwatch-proof-node-3")) {
            try (AlertProofRig rig = AlertProofRig.builder("ContainerMemoryFaultIT")
                    .nodeJvmOption(3, "-XX:+AlwaysPreTouch")
                    .localOnly("node-3's JVM is started inside a memory cgroup of this machine")
                    .start()) {
                // setup, not the fault: node-3 moves into its cgroup with a generous limit
                KafkaNode n3 = rig.localCluster("node-3 runs in a memory cgroup").node(3);
                cgroup.limit(4L * 1024 * 1024 * 1024);
                rig.cluster().stopNode(3);
                n3.setCommandPrefix(cgroup.wrapper());
                rig.cluster().startNode(3);
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
}
