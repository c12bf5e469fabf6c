package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
    @TempDir
    Path dir;

    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void withoutArgumentsCompilesTheEmbeddedPackIntoEveryFormat() throws IOException {
        Path out = dir.resolve("out");
        Cli cli = Cli.run("compile", "--out", out.toString());
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
        assertThat(tree(out).keySet()).contains(
                "prometheus/kafka-broker.rules.yml", "prometheus-operator/kafka-prometheusrule.yaml",
                "victoriametrics/kafka-vmrule.yaml", "promtool/kafka-broker.test.yml", "agent/kafka-default.mapping",
                "jmx-exporter/kafka-jmx-exporter.yaml", "strimzi/kafka-metrics-configmap.yaml", "docs/reference.md");
    }

    @Test
    void theSameSourcesGiveByteIdenticalOutputs() throws IOException {
        Path first = dir.resolve("a");
        Path second = dir.resolve("b");
        assertThat(Cli.run("compile", "--out", first.toString()).exitCode()).isZero();
        assertThat(Cli.run("compile", "--out", second.toString()).exitCode()).isZero();
        assertThat(tree(second)).isEqualTo(tree(first));
    }

    @Test
    void resourceNameNamespaceAndLabelsAreConfigurable() throws IOException {
        Path out = dir.resolve("out");
        Cli cli = Cli.run("compile", "--out", out.toString(), "--name", "kafka-cluster", "--namespace", "messaging",
                "--label", "prometheus=platform", "--label", "role=alert-rules");
        assertThat(cli.exitCode()).as(cli.all()).isZero();
        String crd = Files.readString(out.resolve("prometheus-operator/kafka-cluster-prometheusrule.yaml"));
        assertThat(crd).contains("kind: PrometheusRule").contains("name: kafka-cluster").contains("namespace: messaging")
                .contains("prometheus: platform").contains("role: alert-rules");
    }

    @Test
    void setChangesTheEmittedRules() throws IOException {
        Path out = dir.resolve("out");
        assertThat(Cli.run("compile", "--out", out.toString(), "--set", "under_replicated_for=3m").exitCode()).isZero();
        String rules = Files.readString(out.resolve("prometheus/kafka-broker.rules.yml"));
        assertThat(rules).contains("alert: KafkaUnderReplicatedPartitions").contains("for: 3m");
    }

    @Test
    void sourcesWithErrorsWriteNothing() throws IOException {
        Path source = dir.resolve("bad.bw");
        Files.writeString(source, CheckCommandTest.BROKEN);
        Path out = dir.resolve("out");
        Cli cli = Cli.run("compile", "--out", out.toString(), source.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(out).doesNotExist();
        assertThat(cli.err()).contains("nothing written");
    }

    @Test
    void verifyFailsOnAStaleOutputAndNamesTheFile() throws IOException {
        Path out = dir.resolve("out");
        assertThat(Cli.run("compile", "--out", out.toString()).exitCode()).isZero();
        assertThat(Cli.run("compile", "--verify", "--out", out.toString()).exitCode()).as("fresh outputs verify").isZero();
        Files.writeString(out.resolve("prometheus/kafka-broker.rules.yml"), "# edited by hand\n");
        Files.writeString(out.resolve("prometheus/leftover.rules.yml"), "groups: []\n");
        Cli cli = Cli.run("compile", "--verify", "--out", out.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(cli.err()).contains("differs: " + out.resolve("prometheus/kafka-broker.rules.yml"))
                .contains("not produced any more: " + out.resolve("prometheus/leftover.rules.yml"));
    }

    @Test
    void compileRemovesFilesAnEarlierCompileWroteButThisOneDoesNot() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("prometheus"));
        Files.writeString(out.resolve("prometheus/old-group.rules.yml"), "groups: []\n");
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        assertThat(Cli.run("compile", "--out", out.toString()).exitCode()).isZero();
        assertThat(out.resolve("prometheus/old-group.rules.yml")).doesNotExist();
        assertThat(out.resolve("notes.txt")).as("files outside the emitters' directories are left alone").exists();
    }

    @Test
    void theCommittedOutputsOfTheCuratedPackAreUpToDate() {
        Path committed = Path.of(System.getProperty("brokerwatch.repo", ".."), "alerts", "out");
        Cli cli = Cli.run("compile", "--verify", "--out", committed.toString());
        assertThat(cli.exitCode())
                .as("alerts/out is stale; regenerate it with: java -jar compiler/target/brokerwatch.jar compile --out alerts/out%n%s", cli.err())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void badLabelOptionIsAUsageError() {
        Cli cli = Cli.run("compile", "--out", dir.toString(), "--label", "noequals");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(List.of(cli.err().split("\n"))).singleElement().asString().contains("expected KEY=VALUE");
    }
}
