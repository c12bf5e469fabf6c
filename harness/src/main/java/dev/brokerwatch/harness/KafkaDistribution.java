package dev.brokerwatch.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The jars of one Kafka version, in {@code tests/target/kafka/<version>/libs/}: a broker JVM's class
 * path ({@code java -cp 'libs/*' kafka.Kafka server.properties}).
 *
 * <p>They are resolved from their Maven coordinates ({@code org.apache.kafka:kafka_2.13:<version>} with its runtime
 * dependencies, plus the SLF4J binding that the version logs through) by a small pom, a resource of this
 * library ({@code kafka-dist-pom.xml}), in a nested Maven build: the local Maven repository caches them, and
 * {@link #of(KafkaVersion)} runs the build (bounded, logged to {@code <target>/kafka/<version>/resolve.log}) when a
 * version's jars are not there yet, so no version needs a manual step. This repository's {@code mvn verify}
 * fetches the default version before the ITs run, and {@code -Pall-kafka-versions} the other two.
 */
public final class KafkaDistribution {
    public static final String SERVER_MAIN_CLASS = "kafka.Kafka";
    public static final String STORAGE_TOOL_CLASS = "kafka.tools.StorageTool";
    private static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(10);

    private final KafkaVersion version;
    private final Path home;

    private KafkaDistribution(KafkaVersion version, Path home) {
        this.version = Objects.requireNonNull(version);
        this.home = home;
    }

    /** The distribution of {@code version}, fetched first if its jars are missing. */
    public static synchronized KafkaDistribution of(KafkaVersion version) {
        KafkaDistribution dist = locate(version);
        if (!dist.isComplete()) {
            dist.resolve();
        }
        return dist;
    }

    /** The default version's distribution ({@link KafkaVersion#defaultVersion()}). */
    public static KafkaDistribution defaultDistribution() {
        return of(KafkaVersion.defaultVersion());
    }

    /** Where the jars of {@code version} are or would be; fetches nothing. */
    public static KafkaDistribution locate(KafkaVersion version) {
        return new KafkaDistribution(version, HarnessPaths.targetDir().resolve("kafka").resolve(version.toString()));
    }

    /**
     * A private copy of this distribution's jars under {@code home}/libs (made once; reused while complete),
     * for runs that must not be disturbed by another build re-resolving {@code tests/target/kafka/<version>}
     * (its nested build cleans the libs directory first).
     */
    public KafkaDistribution snapshotTo(Path home) {
        // one lock for every instance: scenarios running at once snapshot the same version to the same home
        synchronized (KafkaDistribution.class) {
            return snapshotLocked(home);
        }
    }

    private KafkaDistribution snapshotLocked(Path home) {
        KafkaDistribution copy = new KafkaDistribution(version, home);
        if (copy.isComplete()) {
            return copy;
        }
        if (!isComplete()) {
            resolve();
        }
        Path tmp = home.resolve("libs.tmp-" + ProcessHandle.current().pid());
        try {
            HarnessPaths.freshDir(tmp);
            try (Stream<Path> jars = Files.list(libsDir())) {
                for (Path jar : jars.toList()) {
                    Files.copy(jar, tmp.resolve(jar.getFileName()));
                }
            }
            HarnessPaths.deleteRecursively(copy.libsDir());
            Files.move(tmp, copy.libsDir());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot copy the Kafka " + version + " jars to " + home, e);
        }
        if (!copy.isComplete()) {
            throw new IllegalStateException("the copy of Kafka " + version + " in " + home + " is incomplete");
        }
        return copy;
    }

    public KafkaVersion version() {
        return version;
    }

    public Path home() {
        return home;
    }

    public Path libsDir() {
        return home.resolve("libs");
    }

    /** The class path argument: {@code <libs>/*} (the JVM expands the wildcard). */
    public String classpath() {
        return libsDir().toAbsolutePath() + File.separator + "*";
    }

    /** True when the broker jars and the logging binding for this version are all present. */
    public boolean isComplete() {
        if (!Files.isDirectory(libsDir())) {
            return false;
        }
        List<String> required = new ArrayList<>(List.of(
                "kafka_2.13-" + version + ".jar",
                "kafka-clients-" + version + ".jar",
                "kafka-server-" + version + ".jar",
                "kafka-metadata-" + version + ".jar",
                "kafka-raft-" + version + ".jar",
                "kafka-storage-" + version + ".jar"));
        for (String jar : required) {
            if (!Files.isRegularFile(libsDir().resolve(jar))) {
                return false;
            }
        }
        String binding = version.usesLog4j2() ? "log4j-slf4j-impl-" : "slf4j-reload4j-";
        try (Stream<Path> files = Files.list(libsDir())) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(binding));
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs the nested Maven build of the resource {@code kafka-dist-pom.xml} for this version. */
    public void resolve() {
        Path pom = writeResolverPom(home);
        HarnessPaths.deleteRecursively(libsDir()); // no stale jars of another resolution
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(mavenExecutable(), "-B", "-q", "-f", pom.toString(), "package",
                "-Dkafka.dist.version=" + version, "-Dkafka.dist.dir=" + home.toAbsolutePath()));
        String repo = System.getProperty("brokerwatch.maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        if (!version.usesLog4j2()) {
            cmd.add("-Dkafka.dist.log4j1=true");
        }
        Path log = home.resolve("resolve.log");
        ManagedProcess.Result result = ManagedProcess.run("mvn-kafka-dist-" + version, cmd, pom.getParent(), log,
                RESOLVE_TIMEOUT);
        if (!result.succeeded() || !isComplete()) {
            throw new IllegalStateException("fetching Kafka " + version + " from Maven Central failed (exit "
                    + result.exitCode() + "); see " + log + ":\n" + ManagedProcess.tailOf(log, 40));
        }
    }

    /**
     * Writes the resource {@code kafka-dist-pom.xml} to {@code dir/kafka-dist-pom.xml} (a nested Maven build needs it
     * as a file) and returns its path.
     */
    static Path writeResolverPom(Path dir) {
        Path pom = dir.resolve("kafka-dist-pom.xml");
        try (var in = KafkaDistribution.class.getResourceAsStream("kafka-dist-pom.xml")) {
            if (in == null) {
                throw new IllegalStateException("the resource kafka-dist-pom.xml is missing from the harness jar");
            }
            Files.createDirectories(dir);
            Files.write(pom, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pom, e);
        }
        return pom;
    }

    /** The mvn executable: -Dbrokerwatch.maven.home, else the running Maven's home, else the PATH. */
    public static String mavenExecutable() {
        String home = System.getProperty("brokerwatch.maven.home", System.getProperty("maven.home"));
        if (home != null && !home.isBlank()) {
            Path mvn = Path.of(home, "bin", "mvn");
            if (Files.isExecutable(mvn)) {
                return mvn.toString();
            }
        }
        return ToolBinary.onPath("mvn").map(Path::toString).orElseThrow(() -> new IllegalStateException("cannot find Maven (mvn) to fetch Kafka's jars: set -Dbrokerwatch.maven.home"
                + " or put mvn on the PATH"));
    }

    /**
     * Copies one artifact ({@code group:artifact:version[:type:classifier]}) into {@code dir}, its version stripped
     * from the file name, with a nested {@code mvn dependency:copy} of the resolver pom (bounded, logged to
     * {@code log}); the caller checks the file and words the failure.
     */
    static ManagedProcess.Result copyArtifact(String processName, String coordinates, Path dir, Path log) {
        Path pom = writeResolverPom(dir);
        return ManagedProcess.run(processName, List.of(mavenExecutable(), "-B", "-q", "-f", pom.toString(),
                        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy", "-Dartifact=" + coordinates,
                        "-DoutputDirectory=" + dir, "-Dmdep.stripVersion=true", "-Dmdep.overWriteSnapshots=true"),
                dir, log, Duration.ofMinutes(5));
    }

    @Override
    public String toString() {
        return "Kafka " + version + " at " + home;
    }
}
