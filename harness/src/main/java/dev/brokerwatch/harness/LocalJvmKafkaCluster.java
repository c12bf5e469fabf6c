package dev.brokerwatch.harness;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A KRaft cluster of local JVMs on 127.0.0.1, from Kafka's Maven Central jars.
 *
 * <pre>{@code
 * try (LocalJvmKafkaCluster cluster = LocalJvmKafkaCluster.builder("MyIT")
 *         .combinedNodes(3)                               // or .separateRoles(1, 2)
 *         .agent("stock", StockJmxExporter.catchAll())    // one free port per node for it
 *         .brokerProperty("num.io.threads", "4")
 *         .start()) {                                     // format, start, wait until all brokers run
 *     String bootstrap = cluster.bootstrapServers();
 *     int metricsPort = cluster.node(1).agentPort("stock");
 *     cluster.stopNode(3);                                // SIGTERM; killNode/pauseNode for harder faults
 *     cluster.startNode(3);                               // same data, waits until it runs again
 * }                                                       // every node stopped by pid, also on failure
 * }</pre>
 *
 * <p>The topology, broker defaults, quorum, faults and teardown are the {@link ClusterCore}'s; this runtime
 * formats each node's storage with the version's StorageTool and runs it as a child JVM ({@link KafkaNode}).
 * Logs and data go to {@code tests/target/live/<test>/node-<id>/}.
 */
public final class LocalJvmKafkaCluster extends ClusterCore<KafkaNode> {
    private final KafkaDistribution distribution;
    private final Path java;

    private LocalJvmKafkaCluster(Builder b, KafkaDistribution distribution, Path java) {
        super(b, distribution.version(), layout -> new KafkaNode(layout, distribution, java, b.agents()),
                hostPaths());
        this.distribution = distribution;
        this.java = java;
    }

    public static Builder builder(String testName) {
        return new Builder(testName);
    }

    /** Formats every node's storage, starts all JVMs and waits until every node runs and every broker is registered. */
    public synchronized LocalJvmKafkaCluster start() {
        startAll(() -> {
            ClassDataArchive.of(distribution, java); // the nodes map it from here on
            for (KafkaNode node : nodes()) {
                node.writeConfig();
            }
            runOnAll(nodes(), 3, n -> n.format(clusterId(), Duration.ofMinutes(2)));
            for (KafkaNode node : nodes()) {
                node.start();
            }
            for (KafkaNode node : nodes()) {
                node.awaitStarted(startupTimeout());
            }
        });
        return this;
    }

    public KafkaDistribution distribution() {
        return distribution;
    }

    @Override
    public String toString() {
        return "LocalJvmKafkaCluster[" + name() + ", Kafka " + version() + ", " + nodes() + "]";
    }

    /** What the cluster is built from: the shared settings of {@link ClusterSpec}, plus the JVM and the jars. */
    public static final class Builder extends ClusterSpec<Builder, JavaAgentAttachment> {
        private Path javaExecutable;
        private KafkaDistribution distribution;

        private Builder(String testName) {
            super(testName);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The jars to run (default: {@code KafkaDistribution.of(version)}); sets the version too. */
        public Builder distribution(KafkaDistribution distribution) {
            this.distribution = distribution;
            return version(distribution.version());
        }

        /** The java binary for the nodes (default: the test JVM's). */
        public Builder javaExecutable(Path java) {
            this.javaExecutable = java;
            return this;
        }

        /** Creates the cluster's directories and config (fetching Kafka's jars if needed); starts nothing. */
        public LocalJvmKafkaCluster build() {
            KafkaDistribution dist = distribution != null ? distribution : KafkaDistribution.of(requestedVersion());
            Path java = javaExecutable != null ? javaExecutable
                    : Path.of(System.getProperty("java.home"), "bin", "java");
            return new LocalJvmKafkaCluster(this, dist, java);
        }

        /** {@link #build()} and {@link LocalJvmKafkaCluster#start()}. */
        public LocalJvmKafkaCluster start() {
            return build().start();
        }
    }
}
