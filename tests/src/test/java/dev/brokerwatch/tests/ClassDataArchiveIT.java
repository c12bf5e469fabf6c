package dev.brokerwatch.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.harness.ClassDataArchive;
import dev.brokerwatch.harness.KafkaDistribution;
import dev.brokerwatch.harness.KafkaVersion;
import dev.brokerwatch.harness.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The class-data sharing archive the local-JVM nodes start with is made, matches the distribution's class path
 * and the java binary, and really serves Kafka's classes: a JVM that must map it ({@code -Xshare:on}) starts, and
 * the StorageTool's run loads the broker's config classes from it (the tool itself is not in it: the training node
 * never loads it).
 */
class ClassDataArchiveIT {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    @Timeout(240)
    void kafkasClassesAreLoadedFromTheArchive() throws Exception {
        KafkaDistribution distribution = KafkaDistribution.of(KafkaVersion.defaultVersion());
        Path archive = ClassDataArchive.of(distribution, JAVA).orElseThrow(() -> new AssertionError(
                "no class-data sharing archive for " + distribution.home() + " (the reason is on the test JVM's stderr)"));
        assertThat(Files.size(archive)).as("archive %s", archive).isPositive();

        Path dir = Files.createDirectories(Path.of(System.getProperty("brokerwatch.tests.target", "target"),
                "live", "ClassDataArchiveIT"));
        ManagedProcess.Result run = ManagedProcess.run("cds-check", List.of(JAVA.toString(), "-Xshare:on",
                ClassDataArchive.jvmOption(archive), "-Xlog:class+load=info", "-cp", distribution.classpath(),
                KafkaDistribution.STORAGE_TOOL_CLASS, "random-uuid"), dir, dir.resolve("cds-check.log"),
                Duration.ofMinutes(1));

        assertThat(run.succeeded()).as("a JVM that must map %s starts (exit %s):%n%s", archive, run.exitCode(),
                run.output()).isTrue();
        assertThat(run.output()).as("the broker's config class comes from the archive's top (dynamic) layer, not from its jar")
                .contains("kafka.server.KafkaConfig source: shared objects file (top)");
    }
}
