package dev.brokerwatch.tests.outside;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.HarnessVersion;
import dev.brokerwatch.harness.KafkaDistribution;
import dev.brokerwatch.harness.ManagedProcess;

/**
 * A user's build, outside this repository, depends on the installed harness ({@code mvn install}) and proves a pack
 * of its own on a live cluster: the Maven project in {@code src/test/resources/outside-project/} (a pom that depends on
 * {@code dev.brokerwatch:harness-proof}, a small pack that imports the curated catalog, one {@code @LiveKafkaCluster}
 * test) is copied to a temporary directory and built there with {@code mvn test}. Nothing of this checkout is on its
 * class path or in its settings: it finds Kafka's jars and the agent by their Maven coordinates, Prometheus and
 * Alertmanager on the PATH, and writes under its own {@code target/}.
 */
class OutsideProjectIT {
    private static final String ALERT = "TeamKafkaNodeUnreachable";

    @Test
    @Timeout(900)
    void aBuildOutsideThisRepositoryProvesAPackOfItsOwnWithTheInstalledHarness() throws Exception {
        Path project = Files.createTempDirectory("brokerwatch-outside-project-");
        copyProject(project);
        List<String> cmd = new ArrayList<>(List.of(KafkaDistribution.mavenExecutable(), "-B", "-ntp", "test"));
        String repo = System.getProperty("brokerwatch.maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        Path log = HarnessPaths.targetDir().resolve("outside-project-build.log");
        ManagedProcess.Result build = ManagedProcess.run("mvn-outside-project", cmd, project, log, Duration.ofMinutes(12));

        assertThat(build.exitCode()).as("`mvn test` of the outside project in %s (log %s):%n%s", project, log,
                ManagedProcess.tailOf(log, 60)).isZero();
        Path report = project.resolve("target/surefire-reports/TEST-com.example.kafka.TeamPackTest.xml");
        assertThat(report).as("its test ran").isRegularFile();
        assertThat(Files.readString(report)).as("its one test passed")
                .contains("tests=\"1\"").contains("errors=\"0\"").contains("failures=\"0\"").contains("skipped=\"0\"");

        JsonNode row = proofRow(project.resolve("target/proof/rows"));
        assertThat(row.path("fired_after_s").asDouble()).as("%s fired on the live cluster: %s", ALERT, row).isPositive();
        assertThat(row.path("resolved_after_s").isNumber()).as("and resolved after the repair: %s", row).isTrue();
        assertThat(row.path("labels").path("pod").asText()).isEqualTo("node-1");

        assertThat(project.resolve("target/agent/fetched/javaagent-agent.jar"))
                .as("the agent came from its Maven coordinates, not from this checkout").isRegularFile();
        assertThat(project.resolve("target/kafka")).as("Kafka's jars were resolved into the project's own target/")
                .isDirectory();
        deleteRecursively(project);
    }

    /** Copies the project from the test class path, naming the version under test in its pom. */
    private static void copyProject(Path to) throws IOException, URISyntaxException {
        Path from = Path.of(OutsideProjectIT.class.getResource("/outside-project").toURI());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(target, text.replace("@BROKERWATCH_VERSION@", HarnessVersion.get()), StandardCharsets.UTF_8);
            }
        }
    }

    private static JsonNode proofRow(Path rows) throws IOException {
        assertThat(rows).as("the proof recorded rows").isDirectory();
        try (Stream<Path> files = Files.list(rows)) {
            List<Path> mine = files.filter(p -> p.getFileName().toString().endsWith("__" + ALERT + ".json")).toList();
            assertThat(mine).as("one row for %s in %s", ALERT, rows).hasSize(1);
            return new ObjectMapper().readTree(mine.get(0).toFile());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
