package dev.brokerwatch.harness.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.testcontainers.DockerClientFactory;

import dev.brokerwatch.harness.ClassDataArchive;
import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.KafkaVersion;

/**
 * A class-data sharing archive of Kafka's server classes for the nodes of the local JRE image, the container
 * counterpart of {@code ClassDataArchive}: a node maps the classes a broker loads instead of parsing and verifying
 * them again, so a restarted container serves sooner (a crash-looping controller must be back within the proof's
 * broker_down_for).
 *
 * <p>It is made once per image and set of jars, by a training run: a one-node cluster of this runtime, its JVM
 * started with {@code -XX:ArchiveClassesAtExit} into its own (mounted) directory and stopped with SIGTERM once
 * it started, at which the JVM writes the classes it loaded. Kept under {@code target/container-cds/}, named after
 * the image's id and the jars (names, sizes, modification times: a node's jars are hard links of the same files,
 * and the JVM checks them), it is mounted read-only into every node. The JVM checks the archive against its own
 * build and the class path at every start and runs without it, with one warning line, when they differ; when the
 * training fails, the nodes start without an archive and why is printed once. Not used with another image (its
 * JRE and jars are its own), nor with {@code -Dbrokerwatch.kafka.cds=false}.
 */
final class ContainerClassDataArchive {
    /** Where a node's container sees the archive. */
    static final String MOUNT = "/opt/kafka-cds/kafka-server.jsa";
    private static final String TRAINED_NAME = "kafka-server.jsa";
    private static final ConcurrentHashMap<Path, Optional<Path>> ARCHIVES = new ConcurrentHashMap<>();

    private ContainerClassDataArchive() {
    }

    /** The archive for {@code image} and the jars in {@code kafkaLibs}: trained the first time (others wait). */
    static Optional<Path> of(TestcontainersKafkaCluster.Image image, KafkaVersion version, Path kafkaLibs) {
        if (!ClassDataArchive.enabled() || !image.local()) {
            return Optional.empty();
        }
        Path archive;
        try {
            archive = archivePath(image, version, kafkaLibs);
        } catch (IOException | RuntimeException e) {
            System.err.println("brokerwatch: container nodes start without a class-data archive: " + e);
            return Optional.empty();
        }
        return ARCHIVES.computeIfAbsent(archive,
                a -> Files.isRegularFile(a) ? Optional.of(a) : train(image, version, a));
    }

    /** The JVM option for a node whose container mounts the archive at {@value #MOUNT}. */
    static String jvmOption() {
        return "-XX:SharedArchiveFile=" + MOUNT;
    }

    static Path archivePath(TestcontainersKafkaCluster.Image image, KafkaVersion version, Path kafkaLibs)
            throws IOException {
        String key = DockerClientFactory.instance().client().inspectImageCmd(image.name()).exec().getId()
                + ClassDataArchive.jarsKey(kafkaLibs);
        return HarnessPaths.targetDir().resolve("container-cds")
                .resolve(String.format(Locale.ROOT, "kafka-%s-%08x.jsa", version, key.hashCode()));
    }

    private static Optional<Path> train(TestcontainersKafkaCluster.Image image, KafkaVersion version, Path archive) {
        String name = "ContainerCdsTraining-" + version;
        try {
            Files.createDirectories(archive.getParent());
            // a graceful stop: the JVM writes the archive on its way out, which takes a few seconds
            TestcontainersKafkaCluster training = TestcontainersKafkaCluster.builder(name).image(image.name())
                    .version(version).combinedNodes(1).withoutClassDataArchive()
                    .nodeJvmOption(1, "-XX:ArchiveClassesAtExit=" + TestcontainersKafkaCluster.NODE_DIR + "/"
                            + TRAINED_NAME)
                    .stopTimeout(Duration.ofSeconds(90)).teardownGrace(Duration.ofSeconds(90))
                    .build();
            try (training) {
                training.start();
            }
            Path trained = training.node(1).dir().resolve(TRAINED_NAME);
            if (!Files.isRegularFile(trained) || Files.size(trained) == 0) {
                return without(archive, "the training node wrote no archive (" + training.node(1).consoleLog() + ")");
            }
            Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
            Files.copy(trained, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.err.println("brokerwatch: container class-data archive " + archive + " (" + Files.size(archive)
                    + " bytes)");
            return Optional.of(archive);
        } catch (IOException | RuntimeException e) {
            return without(archive, e.toString());
        }
    }

    private static Optional<Path> without(Path archive, String why) {
        System.err.println("brokerwatch: container nodes start without a class-data archive (" + archive + "): " + why);
        return Optional.empty();
    }
}
