package dev.brokerwatch.tests.containers;

import dev.brokerwatch.harness.containers.ContainerAgent;
import dev.brokerwatch.harness.containers.DockerEngine;
import dev.brokerwatch.harness.containers.TestcontainersKafkaCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceLock;

import dev.brokerwatch.tests.live.DashboardQueriesIT;

/**
 * {@link DashboardQueriesIT} on the Testcontainers backend: the node runs in a container (host networking,
 * the local JRE image, Kafka's jars from Maven Central) with the brokerwatch agent, and every panel query of
 * every curated dashboard must return series from it, with the same explicit exceptions.
 */
@ResourceLock(DockerEngine.CLUSTERS_LOCK)
class ContainerDashboardQueriesIT {
    private static final String TEST = "ContainerDashboardQueriesIT";

    @Test
    @Timeout(360)
    void everyPanelQueryOfEveryKafkaDashboardReturnsSeriesFromAContainer() throws Exception {
        try (TestcontainersKafkaCluster cluster = TestcontainersKafkaCluster.builder(TEST)
                .combinedNodes(1)
                .agent("bw", ContainerAgent.brokerwatch())
                .start()) {
            DashboardQueriesIT.assertEveryPanelQueryReturnsSeries(TEST, cluster, "bw");
        }
    }
}
