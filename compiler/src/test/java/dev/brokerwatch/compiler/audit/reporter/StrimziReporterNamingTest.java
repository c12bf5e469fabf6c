package dev.brokerwatch.compiler.audit.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrimziReporterNamingTest {
    @Test
    void aYammerMetricIsGroupTypeNameLowerCased() {
        assertThat(StrimziReporterNaming.yammerName("kafka.server", "ReplicaManager", "UnderReplicatedPartitions"))
                .as("dots and case of kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions")
                .isEqualTo("kafka_server_replicamanager_underreplicatedpartitions");
    }

    @Test
    void aKafkaMetricIsNamespaceGroupNameWithDashesAsUnderscores() {
        assertThat(StrimziReporterNaming.kafkaName("kafka.server", "socket-server-metrics", "connection-count"))
                .isEqualTo("kafka_server_socket_server_metrics_connection_count");
    }

    @Test
    void aTotalSuffixIsStrippedBeforeTheTypeIsKnown() {
        assertThat(StrimziReporterNaming.kafkaName("kafka.server", "socket-server-metrics", "connection-creation-total"))
                .as("a Kafka metric ending in -total loses it, whatever its kind")
                .isEqualTo("kafka_server_socket_server_metrics_connection_creation");
        assertThat(StrimziReporterNaming.kafkaName("kafka.server", "app-info", "commit-id-info-total"))
                .as("suffixes are stripped repeatedly").isEqualTo("kafka_server_app_info_commit_id");
    }

    @Test
    void suffixesAreStrippedBeforeLowerCasingSoAnUpperCaseTotalStays() {
        assertThat(StrimziReporterNaming.yammerName("kafka.server", "X", "Bytes_Total"))
                .as("client_java compares case-sensitively, the reporter lower-cases afterwards")
                .isEqualTo("kafka_server_x_bytes_total");
    }

    @Test
    void runsOfIllegalCharactersAreNotCollapsed() {
        assertThat(StrimziReporterNaming.yammerName("kafka.server", "KafkaServer", "linux-disk--read"))
                .isEqualTo("kafka_server_kafkaserver_linux_disk__read");
    }

    @Test
    void labelNamesKeepCaseAndLoseLeadingUnderscoresPairwise() {
        assertThat(StrimziReporterNaming.labelName("client-id")).isEqualTo("client_id");
        assertThat(StrimziReporterNaming.labelName("BrokerId")).as("case is kept").isEqualTo("BrokerId");
        assertThat(StrimziReporterNaming.labelName("__x")).as("a reserved __ prefix is cut to one _").isEqualTo("_x");
        assertThat(StrimziReporterNaming.labelName("1st")).as("a leading digit is replaced").isEqualTo("_st");
    }
}
