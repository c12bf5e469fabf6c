package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class CheckCommandTest {
    static final String CATALOG = """
            param target_labels = (job, instance, namespace, pod)
            metric kafka_server_replicamanager_underreplicatedpartitions gauge
              help "Under-replicated partitions"
              jmx "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions"
            family kafka_server_replicamanager counter
              jmx "kafka.server:type=ReplicaManager,name={member}"
              member IsrShrinksPerSec help "ISR shrinks"
            """;
    static final String CLEAN = CATALOG + """
            group broker {
              alert UnderReplicated {
                expr sum by (namespace, pod) (kafka_server_replicamanager_underreplicatedpartitions) > 0
                for 10m
                severity warning
                summary "{{ $labels.pod }} has under-replicated partitions"
                description "{{ $value }} partitions"
                runbook "https://runbooks/urp"
              }
            }
            """;
    static final String BROKEN = CATALOG + """
            group broker {
              alert IsrShrinks {
                expr rate(kafka_server_replicamanager_isrshrinks[5m]) > 0
                severity warning
                summary "s"
                description "d"
                runbook "r"
              }
            }
            """;
    static final String WARNS = CATALOG + """
            group broker {
              alert UnderReplicated {
                expr kafka_server_replicamanager_underreplicatedpartitions > 0
                severity warning
                summary "s"
              }
            }
            """;

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        return Cli.write(dir, name, text);
    }

    @Test
    void cleanSourcesExitZeroAndPrintNothing() throws IOException {
        Cli cli = Cli.run("check", write("ok.bw", CLEAN).toString());
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void problemsExitOneWithCaretAndHint() throws IOException {
        Cli cli = Cli.run("check", write("bad.bw", BROKEN).toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(cli.out())
                .contains("bad.bw:10:15: error[promql/unknown-metric]: unknown metric kafka_server_replicamanager_isrshrinks")
                .contains("^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^")
                .contains("did you mean kafka_server_replicamanager_isrshrinks_total?")
                .contains("1 error, 0 warnings");
    }

    @Test
    void warningsPassUnlessStrict() throws IOException {
        Path file = write("warns.bw", WARNS);
        assertThat(Cli.run("check", file.toString()).exitCode()).as("warnings alone pass").isEqualTo(ExitCode.OK);
        assertThat(Cli.run("check", "--strict", file.toString()).exitCode()).as("--strict fails on warnings").isEqualTo(ExitCode.PROBLEMS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonFormatIsAFlatListOfProblems() throws IOException {
        Cli cli = Cli.run("check", "--format", "json", write("bad.bw", BROKEN).toString());
        List<Map<String, Object>> problems = (List<Map<String, Object>>) new Yaml().load(cli.out());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("code", "promql/unknown-metric").containsEntry("severity", "error")
                    .containsEntry("line", 10).containsEntry("column", 15).containsEntry("endColumn", 53);
            assertThat((String) p.get("hint")).contains("isrshrinks_total");
        });
    }

    @Test
    void githubFormatPrintsWorkflowCommands() throws IOException {
        Path file = write("bad.bw", BROKEN);
        Cli cli = Cli.run("check", "--format", "github", file.toString());
        assertThat(cli.out().lines().toList()).singleElement().asString()
                .startsWith("::error file=" + file + ",line=10,col=15,endLine=10,endColumn=53,title=brokerwatch promql/unknown-metric::")
                .contains("%0Ahint: did you mean");
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        Cli cli = Cli.run("check", dir.resolve("nope.bw").toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err().lines().toList()).singleElement().asString().contains("nope.bw: cannot read: no such file");
    }

    @Test
    void unknownParameterInSetSuggestsTheRightOne() throws IOException {
        Path file = write("p.bw", "param under_replicated_for = 10m\n" + CLEAN);
        Cli cli = Cli.run("check", "--set", "under_replicated_fro=5m", file.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err().lines().toList()).singleElement().asString()
                .contains("--set under_replicated_fro: no parameter named under_replicated_fro; did you mean under_replicated_for?");
    }

    @Test
    void setValueOfTheWrongKindIsOneLine() throws IOException {
        Path file = write("p.bw", "param under_replicated_for = 10m\n" + CLEAN);
        Cli cli = Cli.run("check", "--set", "under_replicated_for=soon", file.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("not a duration");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli cli = Cli.run("check", "--colour");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("Unknown option: '--colour'").contains("--help");
    }

    @Test
    void theEmbeddedPackChecksClean() {
        Cli cli = Cli.run("check", "--strict");
        assertThat(cli.exitCode()).as("the curated pack has no problems, warnings included:%n%s", cli.all()).isEqualTo(ExitCode.OK);
    }

    @Test
    void userMistakesNeverPrintAStackTrace() throws IOException {
        Path garbage = write("garbage.bw", "}{ metric alert group (((( \"unterminated\n\u0000\u00ff $$$");
        Cli cli = Cli.run("check", garbage.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(cli.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpTeachesTheFormatsAndExitCodes() {
        Cli cli = Cli.run("check", "--help");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("text, json, github").contains("Exit codes");
    }
}
