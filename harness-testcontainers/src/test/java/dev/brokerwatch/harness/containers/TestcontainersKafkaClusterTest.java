package dev.brokerwatch.harness.containers;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import dev.brokerwatch.harness.KafkaVersion;

/** The parts of the Testcontainers backend that need no Docker engine. */
class TestcontainersKafkaClusterTest {
    private static final KafkaVersion FALLBACK = KafkaVersion.parse("4.1.2");

    @Test
    void officialImageTagNamesTheKafkaVersion() {
        assertThat(TestcontainersKafkaCluster.versionOfImage("apache/kafka:4.1.1", FALLBACK))
                .isEqualTo(KafkaVersion.parse("4.1.1"));
        assertThat(TestcontainersKafkaCluster.versionOfImage("registry.example:5000/apache/kafka:3.9.2", FALLBACK))
                .isEqualTo(KafkaVersion.parse("3.9.2"));
        assertThat(TestcontainersKafkaCluster.versionOfImage("apache/kafka:latest", FALLBACK)).isEqualTo(FALLBACK);
        assertThat(TestcontainersKafkaCluster.versionOfImage("my/kafka", FALLBACK)).isEqualTo(FALLBACK);
    }

    @Test
    void imageSwitch() {
        assertThat(TestcontainersKafkaCluster.builder("UnitTest").resolveImage())
                .isEqualTo(new TestcontainersKafkaCluster.Image(DockerEngine.LOCAL_JRE_IMAGE, true));
        assertThat(TestcontainersKafkaCluster.builder("UnitTest").image("apache/kafka:4.1.1").resolveImage())
                .isEqualTo(new TestcontainersKafkaCluster.Image("apache/kafka:4.1.1", false));
        assertThat(TestcontainersKafkaCluster.builder("UnitTest").image("brokerwatch/jre17:other").resolveImage().local())
                .isTrue();
    }

    @Test
    void neverPulls() {
        assertThat(new NeverPullPolicy().shouldPull(org.testcontainers.utility.DockerImageName.parse("any/image:1")))
                .isFalse();
    }
}
