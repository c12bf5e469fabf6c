package dev.brokerwatch.tests.peers;

import dev.brokerwatch.harness.KafkaDistribution;
import dev.brokerwatch.harness.KafkaVersion;
import dev.brokerwatch.harness.LocalJvmKafkaCluster;
import dev.brokerwatch.harness.LoopbackPorts;
import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Strimzi Metrics Reporter ({@code io.strimzi:metrics-reporter} 0.2.0): two Kafka plugins, one per metrics
 * registry, with an HTTP listener of their own. Its jars (and client_java's) are resolved from Maven Central by the
 * nested build of {@code tests/strimzi-reporter/pom.xml} into {@code target/strimzi-reporter/libs/} when missing,
 * and added to a private copy of a Kafka distribution's {@code libs/}.
 */
public final class StrimziMetricsReporter {
    public static final String KAFKA_REPORTER = "io.strimzi.kafka.metrics.KafkaPrometheusMetricsReporter";
    public static final String YAMMER_REPORTER = "io.strimzi.kafka.metrics.YammerPrometheusMetricsReporter";
    public static final String JMX_REPORTER = "org.apache.kafka.common.metrics.JmxReporter";
    public static final String LISTENER = "prometheus.metrics.reporter.listener";
    public static final String ALLOWLIST = "prometheus.metrics.reporter.allowlist";

    private StrimziMetricsReporter() {}

    /** The reporter's jars, fetched first if missing. */
    public static synchronized Path libs() {
        Path libs = HarnessPaths.targetDir().resolve("strimzi-reporter").resolve("libs");
        if (!hasReporterJar(libs)) {
            Path pom = HarnessPaths.testsBaseDir().resolve("strimzi-reporter").resolve("pom.xml");
            Path log = HarnessPaths.targetDir().resolve("strimzi-reporter").resolve("resolve.log");
            try {
                Files.createDirectories(log.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> cmd = new java.util.ArrayList<>(List.of(KafkaDistribution.mavenExecutable(), "-B", "-q", "-f",
                    pom.toString(), "package", "-Dreporter.dir=" + libs.toAbsolutePath()));
            String repo = System.getProperty("brokerwatch.maven.repo.local");
            if (repo != null && !repo.isBlank()) {
                cmd.add("-Dmaven.repo.local=" + repo);
            }
            ManagedProcess.Result r = ManagedProcess.run("mvn-strimzi-reporter", cmd, pom.getParent(), log, Duration.ofMinutes(5));
            if (!r.succeeded() || !hasReporterJar(libs)) {
                throw new IllegalStateException("cannot fetch the Strimzi Metrics Reporter (exit " + r.exitCode() + "), see "
                        + log + ":\n" + ManagedProcess.tailOf(log, 30));
            }
        }
        return libs.toAbsolutePath();
    }

    private static boolean hasReporterJar(Path libs) {
        if (!Files.isDirectory(libs)) {
            return false;
        }
        try (Stream<Path> files = Files.list(libs)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("metrics-reporter-"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A private copy of {@code version}'s distribution under {@code home} with the reporter's jars in its libs. */
    public static KafkaDistribution distribution(KafkaVersion version, Path home) {
        KafkaDistribution copy = KafkaDistribution.of(version).snapshotTo(home);
        try (Stream<Path> jars = Files.list(libs())) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, copy.libsDir().resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the reporter's jars to " + copy.libsDir(), e);
        }
        return copy;
    }

    /**
     * Turns the reporter on for node {@code nodeId}: both plugins, its listener on 127.0.0.1:{@code port}, an allowlist
     * (null: its default). Kafka's JmxReporter stays listed: since Kafka 4.0 {@code metric.reporters} replaces it rather
     * than adding to it, and without it no Kafka metric (socket-server, raft, coordinator metrics) is in JMX.
     */
    public static LocalJvmKafkaCluster.Builder enable(LocalJvmKafkaCluster.Builder builder, int nodeId, int port, String allowlist) {
        builder.nodeProperty(nodeId, "metric.reporters", JMX_REPORTER + "," + KAFKA_REPORTER)
                .nodeProperty(nodeId, "kafka.metrics.reporters", YAMMER_REPORTER)
                .nodeProperty(nodeId, LISTENER, "http://" + LoopbackPorts.HOST + ":" + port);
        if (allowlist != null) {
            builder.nodeProperty(nodeId, ALLOWLIST, allowlist);
        }
        return builder;
    }
}
