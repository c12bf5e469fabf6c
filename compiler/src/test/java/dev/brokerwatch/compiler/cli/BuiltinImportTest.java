package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user pack reuses the curated catalog (or the whole pack) from the jar, with no path to where the jar lives. */
class BuiltinImportTest {
    private static final String MY_PACK = """
            import "brokerwatch:kafka-catalog"
            severities page, ticket

            group my-team {
              alert KafkaUnderReplicatedPartitions {
                expr sum by ($broker_labels) (kafka_server_replicamanager_underreplicatedpartitions) > 0
                for 10m
                severity page
                summary "{{ $labels.pod }} has {{ $value }} under-replicated partitions"
                description "Followers of partitions led by {{ $labels.pod }} are out of sync."
                annotations { runbook_url = "https://runbooks.example/kafka#urp" }
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aPackOfItsOwnOnTheCuratedCatalogIsClean() throws IOException {
        Path pack = Files.writeString(dir.resolve("my-pack.bw"), MY_PACK);

        Cli cli = Cli.run("check", pack.toString(), "--strict");

        assertThat(cli.exitCode()).as("an alert named like a curated one, its own severities and runbook_url are "
                + "no problems when only the catalog is imported:%n%s", cli.all()).isZero();
    }

    @Test
    void compilingItWritesOnlyTheUsersOwnGroups() throws IOException {
        Path pack = Files.writeString(dir.resolve("my-pack.bw"), MY_PACK);
        Path out = dir.resolve("out");

        Cli cli = Cli.run("compile", pack.toString(), "--out", out.toString());

        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(out.resolve("prometheus")).isDirectoryContaining(p -> p.getFileName().toString().equals("my-pack.rules.yml"));
        assertThat(Files.readString(out.resolve("prometheus/my-pack.rules.yml")))
                .as("the runbook_url annotation is written as the runbook").contains("runbook_url: https://runbooks.example/kafka#urp");
    }

    @Test
    void theWholeCuratedPackCanBeImportedNextToTheUsersSeverities() throws IOException {
        Path pack = Files.writeString(dir.resolve("all.bw"), MY_PACK.replace("brokerwatch:kafka-catalog", "brokerwatch:kafka")
                .replace("KafkaUnderReplicatedPartitions", "MyTeamUnderReplicated"));

        Cli cli = Cli.run("check", pack.toString());

        assertThat(cli.exitCode()).as("the curated alerts keep critical/warning/info, the user's file has page/ticket:%n%s",
                cli.all()).isZero();
    }

    @Test
    void anUnknownBuiltinNameSaysWhichOnesExist() throws IOException {
        Path pack = Files.writeString(dir.resolve("typo.bw"), "import \"brokerwatch:kafka-catalogue\"\n");

        Cli cli = Cli.run("check", pack.toString());

        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(1);
        assertThat(cli.out()).contains("typo.bw:1:8: error[import/unresolved]")
                .contains("\"brokerwatch:kafka-catalog\", \"brokerwatch:kafka\"");
    }
}
