package dev.brokerwatch.compiler.audit.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brokerwatch.compiler.audit.ExporterSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrimziAllowlistTest {
    @Test
    void entriesAreWholeMatchRegexesSplitAtCommasWithSpaces() throws ExporterSpecException {
        StrimziAllowlist a = StrimziAllowlist.ofValue(" kafka_server_replicamanager_.* , kafka_log_log_size", "test");
        assertThat(a.entries()).containsExactly("kafka_server_replicamanager_.*", "kafka_log_log_size");
        assertThat(a.allows("kafka_server_replicamanager_leadercount")).isTrue();
        assertThat(a.allows("kafka_log_log_size")).isTrue();
        assertThat(a.allows("kafka_log_log_size_extra")).as("the whole name must match").isFalse();
    }

    @Test
    void anEmptyValueAllowsNothing() throws ExporterSpecException {
        StrimziAllowlist a = StrimziAllowlist.ofValue("  ", "test");
        assertThat(a.entries()).isEmpty();
        assertThat(a.allows("kafka_server_replicamanager_leadercount")).isFalse();
    }

    @Test
    void anEntryThatIsNoJavaRegexIsRefusedByName() {
        assertThatThrownBy(() -> StrimziAllowlist.ofValue("kafka_.*,kafka_(", "--exporter strimzi-reporter:x"))
                .isInstanceOf(ExporterSpecException.class).hasMessageContaining("'kafka_('");
    }

    @Test
    void aBrokerPropertiesFileGivesItsAllowlistSetting(@TempDir Path dir) throws Exception {
        Path p = write(dir, "server.properties", "broker.id=1\nprometheus.metrics.reporter.allowlist=kafka_log_.*,\\\n  kafka_server_.*\n");
        assertThat(StrimziAllowlist.fromArgument(p.toString()).entries()).as("a continued line is one value")
                .containsExactly("kafka_log_.*", "kafka_server_.*");
    }

    @Test
    void aKafkaResourceWithoutAllowListGetsTheOperatorsDefault(@TempDir Path dir) throws Exception {
        Path p = write(dir, "kafka.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: my-cluster}
                spec:
                  kafka:
                    metricsConfig:
                      type: strimziMetricsReporter
                """);
        assertThat(StrimziAllowlist.fromArgument(p.toString()).entries()).isEqualTo(StrimziAllowlist.OPERATOR_DEFAULT);
    }

    @Test
    void aKafkaResourcesAllowListIsTaken(@TempDir Path dir) throws Exception {
        Path p = write(dir, "kafka.yaml", """
                kind: KafkaNodePool
                metadata: {name: broker}
                ---
                kind: Kafka
                spec:
                  kafka:
                    metricsConfig:
                      type: strimziMetricsReporter
                      values:
                        allowList:
                          - "kafka_server_replicamanager_.*"
                """);
        assertThat(StrimziAllowlist.fromArgument(p.toString()).entries()).containsExactly("kafka_server_replicamanager_.*");
    }

    @Test
    void aKafkaResourceWithTheJmxExporterPointsToThatModel(@TempDir Path dir) throws IOException {
        Path p = write(dir, "kafka.yaml", """
                kind: Kafka
                spec:
                  kafka:
                    metricsConfig:
                      type: jmxPrometheusExporter
                """);
        assertThatThrownBy(() -> StrimziAllowlist.fromArgument(p.toString())).hasMessageContaining("--exporter jmx-exporter");
    }

    @Test
    void aPlainFileHasOneEntryPerLineAndComments(@TempDir Path dir) throws Exception {
        Path p = write(dir, "allowlist.txt", "# brokers\nkafka_server_.*\n\nkafka_log_log_size\n");
        assertThat(StrimziAllowlist.fromArgument(p.toString()).entries()).containsExactly("kafka_server_.*", "kafka_log_log_size");
    }

    @Test
    void aMissingFileIsNotTakenForARegex() {
        assertThatThrownBy(() -> StrimziAllowlist.fromArgument("no-such-allowlist.properties")).hasMessageContaining("no such file");
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
