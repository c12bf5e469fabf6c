package dev.brokerwatch.tests.containers;

import dev.brokerwatch.harness.containers.DockerEngine;
import dev.brokerwatch.harness.containers.TestcontainersKafkaCluster;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testcontainers.DockerClientFactory;

import dev.brokerwatch.harness.KafkaCluster;
import dev.brokerwatch.harness.Workload;

/**
 * Separate roles in containers (one controller, two brokers) and the harder faults of the Testcontainers
 * backend: {@code docker kill} (SIGKILL, exit 137) and {@code docker pause} (frozen, sockets open), each
 * followed by recovery; written against the {@link KafkaCluster} interface that both backends implement.
 */
@ResourceLock(DockerEngine.CLUSTERS_LOCK)
class ContainerFaultsIT {
    private static final String TOPIC = "bw-faults";

    @Test
    @Timeout(600)
    void killAndPauseOfBrokerContainers() {
        try (TestcontainersKafkaCluster cluster = TestcontainersKafkaCluster.builder("ContainerFaultsIT")
                .separateRoles(1, 2)
                .heap("256m")
                .start()) {
            KafkaCluster c = cluster;
            assertThat(c.controllerIds()).containsExactly(1);
            assertThat(c.brokerIds()).containsExactly(2, 3);
            try (Workload workload = c.workload()) {
                workload.createTopic(TOPIC, 2, 2);
                workload.produce(TOPIC, 100, 100);
            }

            c.killNode(3);
            assertThat(c.isNodeRunning(3)).isFalse();
            assertThat(cluster.node(3).lastExitCode()).hasValue(137L);
            c.awaitBrokersRegistered(Set.of(2), Duration.ofSeconds(60));

            c.startNode(3); // a new container on the data the killed one left
            assertThat(cluster.node(3).containerIds()).hasSize(2);
            c.awaitBrokersRegistered(Set.of(2, 3), Duration.ofSeconds(60));

            c.pauseNode(2);
            String paused = cluster.node(2).containerId().orElseThrow();
            assertThat(DockerClientFactory.instance().client().inspectContainerCmd(paused).exec().getState().getPaused())
                    .isTrue();
            c.resumeNode(2);
            c.awaitBrokersRegistered(Set.of(2, 3), Duration.ofSeconds(60));
            try (Workload workload = c.workload()) {
                workload.produce(TOPIC, 100, 100);
                workload.consume(TOPIC, "bw-faults-group", 200, Duration.ofSeconds(60));
            }
        }
    }
}
