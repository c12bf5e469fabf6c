package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of the curated sources through the whole command line: each is a problem in the sources
 * (exit 1, with file:line:col), never an internal error. The front end's mutation fuzz test in rules-dsl
 * covers thousands of such mutants; these are the kinds that once crashed.
 */
class MutatedSourcesCliTest {
    private static final Path REPO = Path.of("..");
    private static final String ROOT = "dashboards/kafka-dashboards.bw";

    @TempDir
    Path dir;

    @BeforeEach
    void copyCuratedSources() throws IOException {
        for (String folder : List.of("alerts", "dashboards")) {
            Files.createDirectories(dir.resolve(folder));
            try (Stream<Path> files = Files.list(REPO.resolve(folder))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".bw")).toList()) {
                    Files.copy(p, dir.resolve(folder).resolve(p.getFileName()));
                }
            }
        }
    }

    /** Replaces the first {@code old} in {@code file} by {@code replacement}; {@code <end>} cuts the file there. */
    private void mutate(String file, String old, String replacement) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        int at = text.indexOf(old);
        assertThat(at).as("%s must contain %s for this mutant", file, old).isNotNegative();
        String changed = replacement.equals("<end>") ? text.substring(0, at)
                : text.substring(0, at) + replacement + text.substring(at + old.length());
        Files.writeString(path, changed);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "alerts/kafka-metrics.bw         | family kafka_server_replicamanager gauge | family kafka_server_replicamanager gau",
            "alerts/kafka-metrics.bw         | family kafka_server_replicamanager gauge | family kafka_server_replicamanager",
            "alerts/kafka-broker.bw          | test \"fires when scrapes keep failing\"  | <end>",
            "alerts/kafka-broker.bw          | param under_replicated_for = 10m         | param under_replicated_for = 10",
            "dashboards/broker-detail.bw     | timeseries \"Request latency by type     | timeser \"Request latency by type",
            "dashboards/broker-detail.bw     | {                                        | ''",
            "alerts/kafka.bw                 | import \"kafka-catalog.bw\"                | import \"kafka-catalog",
    })
    void mutantIsAProblemInTheSourcesNotAnInternalError(String file, String old, String replacement) throws IOException {
        mutate(file, old, replacement);
        for (String command : List.of("check", "compile")) {
            Cli cli = command.equals("check") ? Cli.run("check", dir.resolve(ROOT).toString())
                    : Cli.run("compile", dir.resolve(ROOT).toString(), "--out", dir.resolve("out").toString());
            assertThat(cli.exitCode()).as("%s of a damaged %s:%n%s", command, file, cli.all()).isEqualTo(ExitCode.PROBLEMS);
            assertThat(cli.all()).as("problems point into the sources").containsPattern("\\.bw:\\d+:\\d+: error\\[");
        }
    }
}
