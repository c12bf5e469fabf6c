package dev.brokerwatch.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@link KafkaClusterSettings#nodeLogDir}: the server properties it gives a node (no broker is started). */
class NodeLogDirTest {
    private static final KafkaVersion VERSION = KafkaVersion.parse("4.1.2");

    private static LocalJvmKafkaCluster cluster(Path extra) {
        return LocalJvmKafkaCluster.builder("NodeLogDirTest")
                .distribution(KafkaDistribution.locate(VERSION))
                .combinedNodes(2)
                .nodeLogDir(2, extra)
                .build();
    }

    @Test
    void theExtraDirectoryFollowsTheNodesOwnAndTheMetadataLogStaysInItsOwn() {
        Path extra = Path.of("/mnt/small-disk");
        KafkaNode node = cluster(extra).node(2);
        String own = node.dataDir().toAbsolutePath().toString();
        assertThat(node.properties().getProperty("log.dirs"))
                .as("the node's own data directory first, then the extra one")
                .isEqualTo(own + "," + extra);
        assertThat(node.properties().getProperty("metadata.log.dir"))
                .as("the metadata log must not live on the extra directory (it may fill up)")
                .isEqualTo(own);
        assertThat(node.hostDirs()).as("what a container runtime mounts at the same path").containsExactly(extra);
    }

    @Test
    void aRelativeDirectoryBecomesAbsolute() {
        KafkaNode node = cluster(Path.of("target", "..", "target", "small")).node(2);
        Path expected = Path.of("target", "small").toAbsolutePath();
        assertThat(node.hostDirs()).containsExactly(expected);
        assertThat(node.properties().getProperty("log.dirs")).endsWith("," + expected);
    }

    @Test
    void otherNodesKeepOneLogDirectory() {
        KafkaNode node = cluster(Path.of("/mnt/small-disk")).node(1);
        assertThat(node.properties().getProperty("log.dirs"))
                .isEqualTo(node.dataDir().toAbsolutePath().toString());
        assertThat(node.properties().getProperty("metadata.log.dir")).as("Kafka's default: the first log directory")
                .isNull();
        assertThat(node.hostDirs()).isEmpty();
    }
}
