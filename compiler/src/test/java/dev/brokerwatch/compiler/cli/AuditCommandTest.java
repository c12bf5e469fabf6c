package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brokerwatch audit}: exit codes, formats and usage errors as {@code check}; the acceptance cases. */
class AuditCommandTest {
    private static final Path SEED = Path.of("src/test/resources/audit/seed-000");
    private static final Path CURATED_OUT = Path.of(System.getProperty("brokerwatch.repo", ".."), "alerts", "out");

    private static final String GOOD_RULES = """
            groups:
            - name: kafka
              rules:
              - alert: UnderReplicated
                expr: sum by (pod) (kafka_server_replicamanager_underreplicatedpartitions) > 0
                for: 10m
                labels:
                  severity: page
                annotations:
                  summary: "{{ $labels.pod }} has under-replicated partitions"
                  runbook: "see the wiki"
            """;

    @Test
    void seedPrometheusRuleGivesTheGoldenReport() throws IOException {
        Cli cli = Cli.run("audit", "--exporter", "brokerwatch", "--kafka", "4.1", SEED.resolve("prometheusrule.yaml").toString());
        Path expected = SEED.resolve("audit-brokerwatch.expected");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, cli.out());
        }
        assertThat(cli.out()).as("the audit of seed 000's PrometheusRule (-Dgolden.update=true rewrites %s)", expected)
                .isEqualTo(Files.readString(expected));
        assertThat(cli.exitCode()).as("the seed has real defects: exit 1").isEqualTo(ExitCode.PROBLEMS);
    }

    @Test
    void seedAgainstItsOwnExporterConfigGivesTheGoldenReport() throws IOException {
        Cli cli = Cli.run("audit", "--exporter", "jmx-exporter", "--kafka", "4.1", SEED.toString());
        Path expected = SEED.resolve("audit-jmx-exporter.expected");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, cli.out());
        }
        assertThat(cli.out()).as("seed 000's rules and dashboards against the series its own jmx_exporter config"
                + " produces on Kafka 4.1 (-Dgolden.update=true rewrites %s)", expected)
                .isEqualTo(Files.readString(expected));
        assertThat(cli.exitCode()).as("the seed has real defects: exit 1").isEqualTo(ExitCode.PROBLEMS);
    }

    @Test
    void jmxExporterWithoutAConfigIsAUsageError(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES);
        Cli cli = Cli.run("audit", "--exporter", "jmx-exporter", rules.toString());
        assertThat(cli.err()).as("says where the configuration must come from").contains("jmx-exporter:FILE.yaml");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void seedsCorrectAlertsGetNoError() {
        Cli cli = Cli.run("audit", "--exporter", "brokerwatch", "--format", "json", SEED.toString());
        for (String correct : new String[] {"up{job=", "kafka_server_replicamanager_underreplicatedpartitions >",
                "kafka_controller_kafkacontroller_offlinepartitionscount", "kafka_consumergroup_lag > 10000"}) {
            assertThat(cli.out()).as("no problem is reported on the line of the correct alert using %s", correct)
                    .doesNotContain("\"source\":\"" + correct);
        }
        assertThat(cli.out()).as("house style is not audited: severity names, runbook vs runbook_url, alert names")
                .doesNotContain("rule/severity").doesNotContain("rule/annotations").doesNotContain("rule/duplicate");
    }

    @Test
    void curatedPacksCompiledOutputsAreClean() {
        Cli cli = Cli.run("audit", "--exporter", "brokerwatch",
                CURATED_OUT.resolve("prometheus").toString(), CURATED_OUT.resolve("grafana").toString(),
                CURATED_OUT.resolve("prometheus-operator").toString(), CURATED_OUT.resolve("victoriametrics").toString(),
                CURATED_OUT.resolve("grafana-configmap").toString(), CURATED_OUT.resolve("grafana-operator").toString());
        assertThat(cli.all()).as("the curated pack's own outputs audited against its own agent").isEmpty();
        assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void cleanFilesExitZeroWithNothingPrinted(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES);
        Cli cli = Cli.run("audit", rules.toString());
        assertThat(cli.all()).as("a correct rule file written in the team's own style").isEmpty();
        assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void githubFormatAnnotatesTheYamlLine(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES.replace("underreplicatedpartitions)", "underreplicated)"));
        Cli cli = Cli.run("audit", "--format", "github", rules.toString());
        assertThat(cli.out()).as("a GitHub annotation at the rule's expr line").contains("line=5,col=25").contains("::error ");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.PROBLEMS);
    }

    @Test
    void warningsFailOnlyWithStrict(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES.replace("for: 10m", "for: 10s"));
        assertThat(Cli.run("audit", rules.toString()).exitCode()).as("a for shorter than the interval is a warning").isEqualTo(ExitCode.OK);
        assertThat(Cli.run("audit", "--strict", rules.toString()).exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(Cli.run("audit", "--strict", "--disable", "rule/for-interval", rules.toString()).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void externalSeriesAreSelectable(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES.replace("sum by (pod) (kafka_server_replicamanager_underreplicatedpartitions) > 0",
                "kafka_consumergroup_lag > 1000"));
        assertThat(Cli.run("audit", rules.toString()).exitCode()).as("every external source by default").isEqualTo(ExitCode.OK);
        assertThat(Cli.run("audit", "--external", "kafka_exporter", rules.toString()).exitCode()).isEqualTo(ExitCode.OK);
        Cli without = Cli.run("audit", "--external", "kubelet", rules.toString());
        assertThat(without.out()).as("kafka_exporter's series without kafka_exporter").contains("unknown metric kafka_consumergroup_lag");
    }

    @Test
    void unknownExternalSourceIsAUsageError(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES);
        Cli cli = Cli.run("audit", "--external", "kafka_exportr", rules.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--external kafka_exportr").contains("kafka_exporter");
    }

    @Test
    void strimziReporterNamesYammerGaugesGroupTypeNameInLowerCase(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES);
        Cli cli = Cli.run("audit", "--exporter", "strimzi-reporter", "--kafka", "4.1", rules.toString());
        assertThat(cli.out()).as("the reporter exposes kafka_server_replicamanager_underreplicatedpartitions").doesNotContain("unknown metric");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void strimziReporterAllowlistKeepsOutWhatItDoesNotMatch(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES);
        Cli cli = Cli.run("audit", "--exporter", "strimzi-reporter:kafka_server_brokertopicmetrics.*", "--kafka", "4.1", rules.toString());
        assertThat(cli.out()).as("a series outside the allowlist is not produced")
                .contains("unknown metric kafka_server_replicamanager_underreplicatedpartitions");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.PROBLEMS);
    }

    @Test
    void strimziReporterAllowlistThatIsNoRegexIsAUsageError(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES);
        Cli cli = Cli.run("audit", "--exporter", "strimzi-reporter:kafka_server_(.*", rules.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).as("names the entry the reporter would refuse").contains("'kafka_server_(.*'").contains("not a Java regular expression");
    }

    @Test
    void unreadableExporterConfigIsAUsageError(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES);
        Cli cli = Cli.run("audit", "--exporter", "jmx-exporter:" + dir.resolve("missing.yaml"), rules.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).as("names the file it could not read").contains("missing.yaml");
    }

    @Test
    void agentMappingIsAModel(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES);
        Cli cli = Cli.run("audit", "--exporter", "brokerwatch:" + CURATED_OUT.resolve("agent/kafka-default.mapping"), rules.toString());
        assertThat(cli.all()).as("the compiled mapping exports the metric").isEmpty();
    }

    @Test
    void aMissingFileIsAUsageError() {
        Cli cli = Cli.run("audit", "no-such-rules.yml");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("no-such-rules.yml: no such file or folder");
    }

    @Test
    void filesWithNothingToAuditAreAUsageError(@TempDir Path dir) throws IOException {
        Path other = Cli.write(dir, "kafka.yaml", "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: k\n");
        Cli cli = Cli.run("audit", other.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("nothing to audit");
    }

    @Test
    void aBadRoleIsAUsageError(@TempDir Path dir) throws IOException {
        Path rules = Cli.write(dir, "rules.yml", GOOD_RULES);
        Cli cli = Cli.run("audit", "--role", "zookeeper", rules.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--role zookeeper");
    }
}
