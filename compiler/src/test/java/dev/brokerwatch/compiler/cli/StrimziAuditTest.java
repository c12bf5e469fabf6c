package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Strimzi's shipped kafka-metrics.yaml, Kafka alert rules and dashboards (third-party test input, see its README)
 * audited on Kafka 4.1 with the labels Strimzi's PodMonitor gives: the report docs/audit-strimzi.md discusses.
 */
class StrimziAuditTest {
    static final Path STRIMZI = Path.of("src/test/resources/third-party/strimzi");
    /** The labels Strimzi's kafka-resources-metrics PodMonitor and the Prometheus Operator put on every series. */
    static final String TARGET_LABELS = "job,instance,namespace,pod,container,endpoint,kubernetes_pod_name,node_name,node_ip,"
            + "strimzi_io_cluster,strimzi_io_kind,strimzi_io_name,strimzi_io_pool_name,strimzi_io_broker_role,strimzi_io_controller_role";

    @Test
    void strimzisShippedMonitoringGivesTheGoldenReport() throws IOException {
        Cli cli = Cli.run("audit", "--exporter", "jmx-exporter", "--kafka", "4.1", "--role", "combined",
                "--target-labels", TARGET_LABELS, STRIMZI.toString());
        Path expected = STRIMZI.resolve("audit.expected");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, cli.out());
        }
        assertThat(cli.err()).as("no usage error").isEmpty();
        assertThat(cli.out()).as("the audit of Strimzi's examples (-Dgolden.update=true rewrites %s)", expected)
                .isEqualTo(Files.readString(expected));
    }
}
