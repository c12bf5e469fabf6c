package dev.brokerwatch.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A class-data sharing archive of Kafka's server classes for one distribution and one java binary, so that the
 * node JVMs map the classes a broker loads instead of parsing and verifying them again: measured on this
 * project's 2-core machine, a combined node of Kafka 4.1.2 opens its listener in about 2.1 s instead of 3.8 s and
 * spends 3.6 instead of 6.5 s of CPU on its start; a live test starts dozens of nodes.
 *
 * <p>The archive is made once, by a training run: a single combined node formatted in a scratch directory, started
 * with {@code -XX:ArchiveClassesAtExit} until its listener answers, and stopped with SIGTERM, at which the JVM
 * writes the classes it loaded. It is kept beside the distribution's jars, named after the java binary and the
 * jars, and written under a temporary name first, so that a run that dies half-way leaves nothing. The JVM checks the archive
 * against its own build and the class path at every start and runs without it, with one warning line, when they
 * differ, so a stale archive costs speed, never correctness. When the training run fails the nodes simply start
 * without an archive; why is printed once. {@code -Dbrokerwatch.kafka.cds=false} turns it off (to compare, or to
 * rule it out).
 */
public final class ClassDataArchive {
    private static final Duration TRAINING_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration TRAINING_STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final ConcurrentHashMap<Path, Optional<Path>> ARCHIVES = new ConcurrentHashMap<>();
    private static final boolean ENABLED = !"false".equals(System.getProperty("brokerwatch.kafka.cds"));

    private ClassDataArchive() {
    }

    /** The JVM option that maps {@code archive}. */
    public static String jvmOption(Path archive) {
        return "-XX:SharedArchiveFile=" + archive.toAbsolutePath();
    }

    /**
     * The archive for {@code distribution} run by {@code java}: made by a training run the first time it is
     * asked for (other callers wait), then reused; empty when it cannot be made.
     */
    public static Optional<Path> of(KafkaDistribution distribution, Path java) {
        if (!ENABLED) {
            return Optional.empty();
        }
        Path archive = archivePath(distribution, java);
        return ARCHIVES.computeIfAbsent(archive, a -> Files.isRegularFile(a) ? Optional.of(a) : train(distribution, java, a));
    }

    /** The archive if it was made already, without training; for restarts and tools. */
    static Optional<Path> existing(KafkaDistribution distribution, Path java) {
        if (!ENABLED) {
            return Optional.empty();
        }
        Path archive = archivePath(distribution, java);
        return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    /**
     * Beside the jars, named after what the JVM checks it against: the java binary (real path, size, modification
     * time) and the jars (names, sizes, modification times), so that new jars or a new JDK get a new archive.
     */
    static Path archivePath(KafkaDistribution distribution, Path java) {
        StringBuilder key = new StringBuilder();
        try {
            Path real = java.toRealPath();
            key.append(real).append(' ').append(Files.size(real)).append(' ')
                    .append(Files.getLastModifiedTime(real).toMillis());
            key.append(jarsKey(distribution.libsDir()));
        } catch (IOException e) {
            key.append(java.toAbsolutePath());
        }
        return distribution.home().resolve(String.format(Locale.ROOT, "kafka-server-%08x.jsa", key.toString().hashCode()));
    }

    /**
     * What the JVM checks an archive's class path against, as text: each jar of {@code libsDir} (sorted) with its
     * size and modification time, a line each. Also the container runtime's archive key.
     */
    public static String jarsKey(Path libsDir) throws IOException {
        StringBuilder key = new StringBuilder();
        try (Stream<Path> jars = Files.list(libsDir)) {
            for (Path jar : jars.sorted().toList()) {
                key.append('\n').append(jar.getFileName()).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis());
            }
        }
        return key.toString();
    }

    /** False with {@code -Dbrokerwatch.kafka.cds=false}: nodes of every runtime start without an archive. */
    public static boolean enabled() {
        return ENABLED;
    }

    private static Optional<Path> train(KafkaDistribution distribution, Path java, Path archive) {
        Path dir = distribution.home().resolve("cds-training");
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        try {
            HarnessPaths.deleteRecursively(dir);
            Files.createDirectories(dir);
            Files.deleteIfExists(partial);
            int[] ports = LoopbackPorts.freePorts(2);
            Files.writeString(dir.resolve("server.properties"), String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@" + LoopbackPorts.address(ports[1]),
                    "listeners=PLAINTEXT://" + LoopbackPorts.address(ports[0]) + ",CONTROLLER://"
                            + LoopbackPorts.address(ports[1]),
                    "advertised.listeners=PLAINTEXT://" + LoopbackPorts.address(ports[0]),
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data").toAbsolutePath(),
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    ""));
            ManagedProcess.Result format = ManagedProcess.run("cds-training-format", List.of(java.toString(), "-Xmx256m",
                    "-cp", distribution.classpath(), KafkaDistribution.STORAGE_TOOL_CLASS, "format",
                    "--cluster-id", "cdsTrainingRun000000000", "--config",
                    dir.resolve("server.properties").toAbsolutePath().toString()),
                    dir, dir.resolve("format.log"), Duration.ofMinutes(2));
            if (!format.succeeded()) {
                return without(archive, "formatting the training node failed (exit " + format.exitCode() + ")");
            }
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m",
                    "-XX:ArchiveClassesAtExit=" + partial.toAbsolutePath(),
                    "-cp", distribution.classpath(), KafkaDistribution.SERVER_MAIN_CLASS,
                    dir.resolve("server.properties").toAbsolutePath().toString()));
            try (ManagedProcess node = ManagedProcess.builder("cds-training", command).workDir(dir)
                    .logFile(dir.resolve("console.log")).stopTimeout(TRAINING_STOP_TIMEOUT).start()) {
                long deadline = System.nanoTime() + TRAINING_START_TIMEOUT.toNanos();
                while (!answers(ports[0])) {
                    if (!node.isAlive() || System.nanoTime() > deadline) {
                        return without(archive, "the training node did not open its listener within "
                                + TRAINING_START_TIMEOUT + " (" + dir.resolve("console.log") + ")");
                    }
                    Thread.sleep(100);
                }
                node.stop();
            }
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                return without(archive, "the training node wrote no archive (" + dir.resolve("console.log") + ")");
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            HarnessPaths.deleteRecursively(dir);
            // archives of older jars or JDKs are never used again (a JVM that maps one keeps its mapping)
            try (Stream<Path> old = Files.list(distribution.home())) {
                for (Path stale : old.filter(p -> p.getFileName().toString().matches("kafka-server-[0-9a-f]{8}\\.jsa")
                        && !p.equals(archive)).toList()) {
                    Files.deleteIfExists(stale);
                }
            }
            return Optional.of(archive);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return without(archive, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return without(archive, "interrupted");
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LoopbackPorts.HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> without(Path archive, String why) {
        System.err.println("class-data sharing archive " + archive + " not made, nodes start without it: " + why);
        return Optional.empty();
    }
}
