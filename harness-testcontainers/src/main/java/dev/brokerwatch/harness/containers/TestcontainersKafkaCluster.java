package dev.brokerwatch.harness.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.brokerwatch.harness.ClusterCore;
import dev.brokerwatch.harness.ClusterNode;
import dev.brokerwatch.harness.ClusterSpec;
import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.KafkaCluster;
import dev.brokerwatch.harness.KafkaDistribution;
import dev.brokerwatch.harness.KafkaVersion;

/**
 * A KRaft cluster whose nodes run in containers, through Testcontainers: the counterpart of
 * {@link dev.brokerwatch.harness.LocalJvmKafkaCluster} (same {@link KafkaCluster} interface, same node
 * ids, same broker defaults): both share the {@link ClusterCore}; this runtime runs each node in a container.
 *
 * <pre>{@code
 * try (TestcontainersKafkaCluster cluster = TestcontainersKafkaCluster.builder("MyIT")
 *         .combinedNodes(3)                               // or .separateRoles(1, 2)
 *         .agent("bw", ContainerAgent.brokerwatch())      // a free 127.0.0.1 port per node for it
 *         .start()) {                                     // engine + image checked, containers started, brokers registered
 *     int metricsPort = cluster.agentPort(1, "bw");
 *     cluster.stopNode(3);                                // docker stop: SIGTERM, controlled shutdown
 *     cluster.startNode(3);                               // a new container on the same data
 * }                                                       // every container stopped and removed, also on failure
 * }</pre>
 *
 * <p>Each node is a {@link org.testcontainers.containers.GenericContainer} with {@code withNetworkMode("host")}
 * and no exposed ports: the listeners and agents bind free 127.0.0.1 ports the test picked, so clients,
 * agents and Prometheus meet on the host's loopback exactly as with local JVMs. Two images:
 * <ul>
 *   <li>the default, local route: {@value DockerEngine#LOCAL_JRE_IMAGE} (Debian's JRE, built by
 *       {@code tests/docker/build-jre-image.sh}, never pulled), with Kafka's jars from Maven Central
 *       ({@link KafkaDistribution}) mounted read-only at {@value #KAFKA_LIBS};</li>
 *   <li>{@code -Dbrokerwatch.kafka.image=apache/kafka:4.1.1} (or {@link Builder#image(String)}): the official
 *       image (pulled if missing, where a registry is reachable), with its own jars at the same path and the
 *       same entrypoint; the Kafka version is the image tag's.</li>
 * </ul>
 * Logs and data go to {@code tests/target/live/<test>/node-<id>/}, wiped when the cluster is built.
 */
public final class TestcontainersKafkaCluster extends ClusterCore<ContainerKafkaNode> {
    /** Where a node's directory is mounted in its container. */
    public static final String NODE_DIR = "/var/lib/kafka-node";
    /** Where Kafka's jars are in the container (mounted from the host on the local route). */
    public static final String KAFKA_LIBS = "/opt/kafka/libs";
    /** The system property that switches to another image, e.g. {@code apache/kafka:4.1.1}. */
    public static final String IMAGE_PROPERTY = "brokerwatch.kafka.image";

    /** The image the nodes run on; {@code local}: the project's JRE image plus mounted Maven Central jars. */
    public record Image(String name, boolean local) {}

    /**
     * Clusters not closed yet. Ryuk (Testcontainers' reaper) is off on this route, so a JVM shutdown hook kills
     * their containers when the test JVM exits or is interrupted (SIGTERM, a failsafe timeout); nothing can
     * catch SIGKILL of the test JVM: {@code scripts/docker-engine.sh stop} stops whatever is left.
     */
    private static final Set<TestcontainersKafkaCluster> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (TestcontainersKafkaCluster c : OPEN) {
                for (ContainerKafkaNode n : c.nodes()) {
                    try {
                        n.kill();
                    } catch (RuntimeException | Error ignored) {
                        // best effort at exit
                    }
                }
            }
        }, "brokerwatch-containers-reaper"));
    }

    private static final Pattern TAG_VERSION = Pattern.compile(".*:(\\d+\\.\\d+\\.\\d+)(?:[-_].*)?$");

    private final Image image;
    private final Path kafkaLibs;
    private final boolean classDataArchive;

    private TestcontainersKafkaCluster(Builder b, Image image, KafkaVersion version, Path kafkaLibs, String clusterName) {
        super(b, version, layout -> new ContainerKafkaNode(layout, image, clusterName, kafkaLibs, b.agents()), (node, file) -> NODE_DIR + "/" + node.dir().relativize(file));
        this.image = image;
        this.kafkaLibs = kafkaLibs;
        this.classDataArchive = b.classDataArchive;
    }

    public static Builder builder(String testName) {
        return new Builder(testName);
    }

    /**
     * A copy (hard links where possible) of the version's Maven Central jars for this cluster's containers:
     * every {@code mvn verify} of the tests module wipes and refills {@code target/kafka/<version>/libs}, and a
     * container that starts (or restarts) while another build does that must still find its jars.
     */
    static Path snapshotLibs(KafkaVersion version, Path target) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            KafkaDistribution dist = KafkaDistribution.of(version); // fetched if missing
            HarnessPaths.freshDir(target);
            try (Stream<Path> jars = Files.list(dist.libsDir())) {
                for (Path jar : jars.filter(Files::isRegularFile).toList()) {
                    Path copy = target.resolve(jar.getFileName());
                    try {
                        Files.createLink(copy, jar);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                // the directory was being rewritten by another build: try again
            }
            if (isComplete(version, target)) {
                return target;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot take a complete copy of Kafka " + version + "'s jars from "
                        + dist.libsDir() + " into " + target + " (another build keeps rewriting them?)");
            }
            ClusterNode.sleep(2_000);
        }
    }

    private static boolean isComplete(KafkaVersion version, Path libs) {
        for (String jar : List.of("kafka_2.13-" + version + ".jar", "kafka-clients-" + version + ".jar",
                "kafka-server-" + version + ".jar", "kafka-metadata-" + version + ".jar",
                "kafka-raft-" + version + ".jar", "kafka-storage-" + version + ".jar")) {
            if (!Files.isRegularFile(libs.resolve(jar))) {
                return false;
            }
        }
        String binding = version.usesLog4j2() ? "log4j-slf4j-impl-" : "slf4j-reload4j-";
        try (Stream<Path> files = Files.list(libs)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(binding));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code apache/kafka:4.1.1} → 4.1.1; a tag that names no version → {@code fallback}. */
    static KafkaVersion versionOfImage(String image, KafkaVersion fallback) {
        Matcher m = TAG_VERSION.matcher(image);
        return m.matches() ? KafkaVersion.parse(m.group(1)) : fallback;
    }

    /**
     * Checks the engine and the image (building the local image if missing), then starts every node's container
     * at once (a quorum needs a majority up before any node completes its start-up), waits for each node's
     * {@value ContainerKafkaNode#STARTED_LINE} line and until every broker is registered.
     */
    public synchronized TestcontainersKafkaCluster start() {
        startAll(() -> {
            if (image.local()) {
                DockerEngine.requireLocalImage(image.name());
            } else {
                DockerEngine.require();
            }
            if (classDataArchive && kafkaLibs != null) {
                Path archive = ContainerClassDataArchive.of(image, version(), kafkaLibs).orElse(null);
                nodes().forEach(n -> n.useClassDataArchive(archive));
            }
            OPEN.add(this);
            runOnAll(nodes(), nodes().size(), ContainerKafkaNode::start);
        });
        return this;
    }

    @Override
    protected void afterClose() {
        OPEN.remove(this);
    }

    public Image image() {
        return image;
    }

    /** Every container id any node ran in, per node id, oldest first. */
    public Map<Integer, List<String>> containerIds() {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (ContainerKafkaNode n : nodes()) {
            out.put(n.id(), n.containerIds());
        }
        return out;
    }


    @Override
    public String toString() {
        return "TestcontainersKafkaCluster[" + name() + ", Kafka " + version() + " on " + image.name() + ", "
                + nodes() + "]";
    }

    /** What the cluster is built from: the shared settings of {@link ClusterSpec}, plus the image. */
    public static final class Builder extends ClusterSpec<Builder, ContainerAgent> {
        private String imageName;
        private boolean classDataArchive = true;

        private Builder(String testName) {
            super(testName);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * The image: blank or {@code brokerwatch/jre17:<tag>} is the local route (Maven Central jars mounted);
         * anything else (e.g. {@code apache/kafka:4.1.1}) must hold Kafka at {@value #KAFKA_LIBS} and a JRE, and
         * may be pulled. Default: {@code -Dbrokerwatch.kafka.image}, else {@value DockerEngine#LOCAL_JRE_IMAGE}.
         * On the local route the version is the builder's; an official image's tag names its own.
         */
        public Builder image(String image) {
            this.imageName = image;
            return this;
        }

        /** Nodes without the class-data archive of {@link ContainerClassDataArchive} (its own training run). */
        Builder withoutClassDataArchive() {
            this.classDataArchive = false;
            return this;
        }

        Image resolveImage() {
            String name = imageName;
            if (name == null || name.isBlank()) {
                name = System.getProperty(IMAGE_PROPERTY, "");
            }
            if (name == null || name.isBlank()) {
                return new Image(DockerEngine.LOCAL_JRE_IMAGE, true);
            }
            name = name.trim();
            return new Image(name, name.startsWith("brokerwatch/jre17:"));
        }

        /** Creates the nodes' directories and config (fetching Kafka's jars if needed); starts nothing. */
        public TestcontainersKafkaCluster build() {
            Image image = resolveImage();
            KafkaVersion version = image.local() ? requestedVersion() : versionOfImage(image.name(), requestedVersion());
            Path kafkaLibs = image.local()
                    ? snapshotLibs(version, HarnessPaths.liveDir(testName()).resolve("kafka-libs")) : null;
            return new TestcontainersKafkaCluster(this, image, version, kafkaLibs, testName());
        }

        /** {@link #build()} and {@link TestcontainersKafkaCluster#start()}. */
        public TestcontainersKafkaCluster start() {
            return build().start();
        }
    }
}
