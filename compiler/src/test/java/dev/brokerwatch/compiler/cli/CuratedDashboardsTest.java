package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curated dashboards come out of the plain `brokerwatch compile`, clean under --strict, in every form. */
class CuratedDashboardsTest {
    static final List<String> UIDS = List.of("kafka-broker-detail", "kafka-cluster-overview", "kafka-consumer-lag",
            "kafka-jvm-memory", "kafka-kraft", "kafka-topics", "kafscale");

    @TempDir
    Path dir;

    @Test
    void compileWithoutArgumentsWritesEveryCuratedDashboardInEveryForm() throws IOException {
        Cli cli = Cli.run("compile", "--strict", "--out", dir.toString());
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).as("no warnings either: every alert links a panel, every variable is used").doesNotContain("warning[");
        for (String uid : UIDS) {
            assertThat(Files.readString(dir.resolve("grafana/" + uid + ".json")))
                    .contains("\"uid\": \"" + uid + "\"").contains("\"schemaVersion\": 41").contains("\"uid\": \"${datasource}\"");
            assertThat(Files.readString(dir.resolve("grafana-configmap/kafka-dashboard-" + uid + "-configmap.yaml")))
                    .contains("grafana_dashboard: '1'").contains(uid + ".json: |");
            assertThat(Files.readString(dir.resolve("grafana-operator/kafka-dashboard-" + uid + "-grafanadashboard.yaml")))
                    .contains("kind: GrafanaDashboard").contains("apiVersion: grafana.integreatly.org/v1beta1");
        }
    }

    @Test
    void everyCuratedAlertLinksThePanelThatExplainsIt() throws IOException {
        Cli cli = Cli.run("compile", "--out", dir.toString());
        assertThat(cli.exitCode()).as(cli.all()).isZero();
        String rules = Files.readString(dir.resolve("prometheus-operator/kafka-prometheusrule.yaml"));
        long alerts = rules.lines().filter(l -> l.strip().startsWith("- alert: ")).count();
        long links = rules.lines().filter(l -> l.strip().matches("dashboard: /d/[a-z-]+/[a-z0-9-]+\\?viewPanel=\\d+")).count();
        assertThat(alerts).isGreaterThan(30);
        assertThat(links).isEqualTo(alerts);
    }

    @Test
    void theDashboardsRootAloneCompilesTheSamePack() {
        Path root = Path.of(System.getProperty("brokerwatch.repo", ".."), "dashboards", "kafka-dashboards.bw");
        Cli cli = Cli.run("check", "--strict", root.toString());
        assertThat(cli.exitCode()).as(cli.all()).isZero();
    }
}
