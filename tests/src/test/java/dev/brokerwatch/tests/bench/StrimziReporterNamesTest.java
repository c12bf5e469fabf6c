package dev.brokerwatch.tests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrimziReporterNamesTest {
    @Test
    void aYammerMetricIsNamedGroupTypeName() {
        assertThat(StrimziReporterNames.allowlist(
                "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions\tValue\n"))
                .containsExactly("kafka_server_replicamanager_underreplicatedpartitions");
    }

    @Test
    void aKafkaMetricIsNamedPrefixGroupAttributeWithPunctuationAsUnderscores() {
        assertThat(StrimziReporterNames.allowlist(
                "kafka.server:type=socket-server-metrics,listener=*,networkProcessor=*\tconnection-count\n"))
                .containsExactly("kafka_server_socket_server_metrics_connection_count");
    }

    @Test
    void aTotalSuffixIsDroppedAsTheReporterDropsItFromBaseNames() {
        assertThat(StrimziReporterNames.name("kafka.server_raft-metrics_commit-latency-total"))
                .isEqualTo("kafka_server_raft_metrics_commit_latency");
    }

    @Test
    void jvmBeansAreLeftToTheReportersOwnJvmCollectors() {
        assertThat(StrimziReporterNames.allowlist("java.lang:type=Memory\tHeapMemoryUsage\n")).isEmpty();
    }
}
