package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source files of one name in different directories: both load; only outputs that would collide are reported. */
class SameNameSourcesTest {
    static String group(String name, String alert) {
        return """
                group %s {
                  alert %s {
                    expr kafka_server_replicamanager_underreplicatedpartitions > 0
                    for 10m
                    severity warning
                    summary "s"
                    description "d"
                    runbook "r"
                  }
                }
                """.formatted(name, alert);
    }

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        return Cli.write(dir, name, text);
    }

    @Test
    void twoFilesOfOneNameWhereOnlyOneHasRuleGroupsBothLoad() throws IOException {
        write("a/common.bw", CheckCommandTest.CATALOG);
        write("b/common.bw", group("team-b", "TeamBUnderReplicated"));
        Path main = write("main.bw", "import \"a/common.bw\"\nimport \"b/common.bw\"\n");
        Cli cli = Cli.run("compile", main.toString(), "--out", dir.resolve("out").toString());
        assertThat(cli.exitCode()).as("the catalog of a/ and the rules of b/ compile together: %s", cli.all()).isEqualTo(ExitCode.OK);
        assertThat(dir.resolve("out/prometheus/common.rules.yml")).as("b's rules, named after their file").exists();
    }

    @Test
    void twoFilesOfOneNameWithRuleGroupsAreReportedAtTheirImports() throws IOException {
        write("common.bw", CheckCommandTest.CATALOG);
        write("a/common.bw", group("team-a", "TeamAUnderReplicated"));
        write("b/common.bw", group("team-b", "TeamBUnderReplicated"));
        Path main = write("main.bw", "import \"common.bw\"\nimport \"a/common.bw\"\nimport \"b/common.bw\"\n");
        Cli cli = Cli.run("compile", main.toString(), "--out", dir.resolve("out").toString());
        assertThat(cli.exitCode()).as("a problem in the sources, not an internal error: %s", cli.all()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(cli.all()).as("the second import, with the first as a note")
                .contains("main.bw:3:8: error[import/name-clash]")
                .contains("both would be written to common.rules.yml")
                .contains("main.bw:2:8:");
        assertThat(dir.resolve("out")).as("nothing written").doesNotExist();
    }
}
