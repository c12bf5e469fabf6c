package dev.brokerwatch.tests.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

import dev.brokerwatch.tests.harness.HarnessPaths;
import dev.brokerwatch.tests.harness.KafkaCluster;
import dev.brokerwatch.tests.harness.KafkaClusterSettings;
import dev.brokerwatch.tests.harness.KafkaDistribution;
import dev.brokerwatch.tests.harness.KafkaNode;
import dev.brokerwatch.tests.harness.TlsListener;
import dev.brokerwatch.tests.harness.KafkaVersion;
import dev.brokerwatch.tests.harness.LoopbackPorts;
import dev.brokerwatch.tests.harness.Workload;

/**
 * A KRaft cluster whose nodes run in containers, through Testcontainers: the counterpart of
 * {@link dev.brokerwatch.tests.harness.LocalJvmKafkaCluster} (same {@link KafkaCluster} interface, same node
 * ids, same broker defaults).
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
public final class TestcontainersKafkaCluster implements KafkaCluster {
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
                for (ContainerKafkaNode n : c.nodes.values()) {
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

    private final String name;
    private final Image image;
    private final KafkaVersion version;
    private final Path dir;
    private final String clusterId;
    private final Map<Integer, ContainerKafkaNode> nodes;
    private final Map<Integer, Map<String, TlsListener>> tlsListeners = new LinkedHashMap<>();
    private final Duration startupTimeout;
    private final Duration teardownGrace;
    private boolean started;
    private boolean closed;

    private TestcontainersKafkaCluster(Builder b) {
        this.name = b.testName;
        this.image = b.resolveImage();
        this.version = image.local() ? b.version : versionOfImage(image.name(), b.version);
        this.dir = HarnessPaths.liveDir(b.testName);
        Path kafkaLibs = image.local() ? snapshotLibs(version, dir.resolve("kafka-libs")) : null;
        this.clusterId = Uuid.randomUuid().toString();
        this.startupTimeout = b.startupTimeout;
        this.teardownGrace = b.teardownGrace;

        int controllers = b.combined ? b.combinedCount : b.controllerCount;
        int brokers = b.combined ? b.combinedCount : b.brokerCount;
        List<String> jvmOptions = new ArrayList<>();
        jvmOptions.add("-Xms" + b.heap);
        jvmOptions.add("-Xmx" + b.heap);
        jvmOptions.addAll(b.jvmOptions);

        Map<Integer, ContainerKafkaNode> created = new LinkedHashMap<>();
        int total = b.combined ? b.combinedCount : b.controllerCount + b.brokerCount;
        for (int id = 1; id <= total; id++) {
            Set<KafkaNode.Role> roles;
            if (b.combined) {
                roles = EnumSet.of(KafkaNode.Role.BROKER, KafkaNode.Role.CONTROLLER);
            } else if (id <= b.controllerCount) {
                roles = EnumSet.of(KafkaNode.Role.CONTROLLER);
            } else {
                roles = EnumSet.of(KafkaNode.Role.BROKER);
            }
            int brokerPort = roles.contains(KafkaNode.Role.BROKER) ? LoopbackPorts.freePort() : -1;
            int controllerPort = roles.contains(KafkaNode.Role.CONTROLLER) ? LoopbackPorts.freePort() : -1;
            Map<String, Integer> agentPorts = new LinkedHashMap<>();
            for (String agent : b.agents.keySet()) {
                agentPorts.put(agent, LoopbackPorts.freePort());
            }
            List<String> nodeJvm = new ArrayList<>(jvmOptions);
            nodeJvm.addAll(b.nodeJvmOptions.getOrDefault(id, List.of()));
            Path nodeDir = HarnessPaths.freshDir(dir.resolve("node-" + id));
            created.put(id, new ContainerKafkaNode(image, name, clusterId, id, roles, nodeDir, version, kafkaLibs,
                    brokerPort, controllerPort, b.agents, agentPorts, nodeJvm, b.stopTimeout, b.startupTimeout));
        }
        this.nodes = Collections.unmodifiableMap(created);

        String voters = nodes.values().stream().filter(ContainerKafkaNode::isController)
                .map(n -> n.id() + "@" + LoopbackPorts.address(n.controllerPort()))
                .collect(Collectors.joining(","));
        for (ContainerKafkaNode node : nodes.values()) {
            Map<String, String> props = new TreeMap<>(defaultProperties(node, voters, brokers, version));
            props.putAll(b.properties);
            props.putAll(b.nodeProperties.getOrDefault(node.id(), Map.of()));
            props.entrySet().removeIf(e -> e.getValue() == null);
            tlsListeners.put(node.id(), TlsListener.addAll(node.name(), node.isBroker(),
                    b.tlsListeners.getOrDefault(node.id(), Map.of()), node.dir(), props, k -> NODE_DIR + "/" + k.getFileName()));
            node.setProperties(props);
        }
    }

    @Override
    public TlsListener tlsListener(int nodeId, String name) {
        return TlsListener.of(tlsListeners, nodeId, name);
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
            sleep(2_000);
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

    /** The same broker defaults as LocalJvmKafkaCluster, with the log dir inside the container. */
    private static Map<String, String> defaultProperties(ContainerKafkaNode node, String voters, int brokers,
            KafkaVersion version) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("node.id", Integer.toString(node.id()));
        p.put("process.roles", node.roles().stream().map(KafkaNode.Role::configName).sorted()
                .collect(Collectors.joining(",")));
        p.put("controller.quorum.voters", voters);
        p.put("controller.listener.names", KafkaNode.CONTROLLER_LISTENER);
        p.put("listener.security.protocol.map",
                KafkaNode.BROKER_LISTENER + ":PLAINTEXT," + KafkaNode.CONTROLLER_LISTENER + ":PLAINTEXT");
        List<String> listeners = new ArrayList<>();
        if (node.isBroker()) {
            listeners.add(KafkaNode.BROKER_LISTENER + "://" + LoopbackPorts.address(node.brokerPort()));
            p.put("advertised.listeners", KafkaNode.BROKER_LISTENER + "://"
                    + LoopbackPorts.address(node.brokerPort()));
            p.put("inter.broker.listener.name", KafkaNode.BROKER_LISTENER);
        }
        if (node.isController()) {
            listeners.add(KafkaNode.CONTROLLER_LISTENER + "://" + LoopbackPorts.address(node.controllerPort()));
        }
        p.put("listeners", String.join(",", listeners));
        p.put("log.dirs", NODE_DIR + "/data");

        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "2");

        int rf = Math.min(3, brokers);
        String minIsr = Integer.toString(Math.min(2, rf));
        p.put("offsets.topic.replication.factor", Integer.toString(rf));
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", Integer.toString(rf));
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "10");
        if (version.hasShareCoordinator()) {
            p.put("share.coordinator.state.topic.replication.factor", Integer.toString(rf));
            p.put("share.coordinator.state.topic.min.isr", minIsr);
        }
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /**
     * Checks the engine and the image (building the local image if missing), then starts every node's container
     * at once (a quorum needs a majority up before any node completes its start-up), waits for each node's
     * {@value ContainerKafkaNode#STARTED_LINE} line and until every broker is registered.
     */
    public synchronized TestcontainersKafkaCluster start() {
        if (started) {
            throw new IllegalStateException("cluster " + name + " was already started");
        }
        started = true;
        try {
            if (image.local()) {
                DockerEngine.requireLocalImage(image.name());
            } else {
                DockerEngine.require();
            }
            OPEN.add(this);
            runOnAll(nodes.values(), nodes.size(), ContainerKafkaNode::start);
            awaitBrokersRegistered(Set.copyOf(brokerIds()), startupTimeout);
            return this;
        } catch (RuntimeException | Error e) {
            try {
                close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void runOnAll(Collection<ContainerKafkaNode> nodes, int threads,
            Consumer<ContainerKafkaNode> action) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(nodes.size(), threads)));
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (ContainerKafkaNode n : nodes) {
                futures.add(CompletableFuture.runAsync(() -> action.accept(n), pool));
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void awaitBrokersRegistered(Set<Integer> expected, Duration timeout) {
        if (expected.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Integer> seen = Set.of();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            String bootstrap = runningBrokers().stream().map(ContainerKafkaNode::bootstrapServers)
                    .collect(Collectors.joining(","));
            if (!bootstrap.isEmpty()) {
                try (Admin admin = Admin.create(adminProperties(bootstrap))) {
                    Collection<Node> live = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes().get(10, TimeUnit.SECONDS);
                    seen = live.stream().map(Node::id).collect(Collectors.toSet());
                    if (seen.equals(expected)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (Exception e) {
                    last = e;
                }
            }
            sleep(500);
        }
        IllegalStateException failure = new IllegalStateException("cluster " + name + ": brokers " + expected
                + " not all registered within " + timeout + "; describeCluster saw " + seen);
        if (last != null) {
            failure.addSuppressed(last);
        }
        throw failure;
    }

    @Override
    public Properties adminProperties() {
        return adminProperties(bootstrapServers());
    }

    private static Properties adminProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "brokerwatch-harness");
        return p;
    }

    @Override
    public Admin admin() {
        return Admin.create(adminProperties(runningBrokers().stream().map(ContainerKafkaNode::bootstrapServers)
                .collect(Collectors.joining(","))));
    }

    @Override
    public Workload workload() {
        return new Workload(bootstrapServers());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String clusterId() {
        return clusterId;
    }

    @Override
    public KafkaVersion version() {
        return version;
    }

    public Image image() {
        return image;
    }

    @Override
    public Path dir() {
        return dir;
    }

    public List<ContainerKafkaNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public ContainerKafkaNode node(int id) {
        ContainerKafkaNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node " + id + " in cluster " + name + "; nodes: " + nodes.keySet());
        }
        return n;
    }

    @Override
    public List<Integer> nodeIds() {
        return List.copyOf(nodes.keySet());
    }

    @Override
    public List<Integer> brokerIds() {
        return brokers().stream().map(ContainerKafkaNode::id).toList();
    }

    @Override
    public List<Integer> controllerIds() {
        return nodes.values().stream().filter(ContainerKafkaNode::isController).map(ContainerKafkaNode::id).toList();
    }

    @Override
    public boolean isNodeRunning(int id) {
        return node(id).isRunning();
    }

    @Override
    public int agentPort(int nodeId, String agentName) {
        return node(nodeId).agentPort(agentName);
    }

    public List<ContainerKafkaNode> brokers() {
        return nodes.values().stream().filter(ContainerKafkaNode::isBroker).toList();
    }

    public List<ContainerKafkaNode> runningBrokers() {
        return brokers().stream().filter(ContainerKafkaNode::isRunning).toList();
    }

    /** Every container id any node ran in, per node id, oldest first. */
    public Map<Integer, List<String>> containerIds() {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        nodes.forEach((id, n) -> out.put(id, n.containerIds()));
        return out;
    }

    @Override
    public String bootstrapServers() {
        return brokers().stream().map(ContainerKafkaNode::bootstrapServers).collect(Collectors.joining(","));
    }

    /** {@code docker stop} of the node's container: SIGTERM (controlled shutdown), bounded, then SIGKILL. */
    @Override
    public void stopNode(int id) {
        node(id).stop();
    }

    @Override
    public void stopNode(int id, Duration grace) {
        node(id).stop(grace);
    }

    @Override
    public void setNodeProperty(int id, String key, String value) {
        node(id).setProperty(key, value);
    }

    @Override
    public void setNodeJvmOptions(int id, List<String> options) {
        node(id).setExtraJvmOptions(options);
    }

    /** {@code docker kill}: SIGKILL. */
    @Override
    public void killNode(int id) {
        node(id).kill();
    }

    /** {@code docker pause}. */
    @Override
    public void pauseNode(int id) {
        node(id).pause();
    }

    @Override
    public void resumeNode(int id) {
        node(id).resume();
    }

    /** A new container on the node's data; waits until it runs (and, for a broker, is registered). */
    @Override
    public void startNode(int id) {
        ContainerKafkaNode n = node(id);
        n.start();
        if (n.isBroker()) {
            awaitBrokersRegistered(runningBrokers().stream().map(ContainerKafkaNode::id).collect(Collectors.toSet()),
                    startupTimeout);
        }
    }

    /**
     * Stops and removes every container: the broker-role nodes at once, then the controller-only ones (so the
     * brokers' controlled shutdown still finds a quorum), each with the teardown grace before SIGKILL. A failure
     * on one node does not keep the others running.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        List<ContainerKafkaNode> brokerNodes = nodes.values().stream().filter(ContainerKafkaNode::isBroker).toList();
        List<ContainerKafkaNode> controllerOnly = nodes.values().stream().filter(n -> !n.isBroker()).toList();
        for (List<ContainerKafkaNode> phase : List.of(brokerNodes, controllerOnly)) {
            if (phase.isEmpty()) {
                continue;
            }
            runOnAll(phase, phase.size(), n -> {
                try {
                    n.stop(teardownGrace);
                } catch (RuntimeException e) {
                    failures.add(e);
                    try {
                        n.kill();
                    } catch (RuntimeException ignored) {
                        // already reported
                    }
                }
            });
        }
        OPEN.remove(this);
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("cluster " + name + ": stopping containers failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "TestcontainersKafkaCluster[" + name + ", Kafka " + version + " on " + image.name() + ", "
                + nodes.values() + "]";
    }

    public static final class Builder implements KafkaClusterSettings<Builder> {
        private final String testName;
        private KafkaVersion version = KafkaVersion.defaultVersion();
        private String imageName;
        private boolean combined = true;
        private int combinedCount = 1;
        private int controllerCount;
        private int brokerCount;
        private String heap = "512m";
        private final List<String> jvmOptions = new ArrayList<>(List.of(
                "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
                "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true"));
        private final Map<Integer, List<String>> nodeJvmOptions = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<Integer, Map<String, String>> nodeProperties = new LinkedHashMap<>();
        private final Map<Integer, Map<String, Integer>> tlsListeners = new LinkedHashMap<>();
        private final Map<String, ContainerAgent> agents = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(120);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private Duration teardownGrace = Duration.ofSeconds(10);

        private Builder(String testName) {
            HarnessPaths.liveDir(testName); // validates the name
            this.testName = testName;
        }

        /** The Kafka version of the local route (its jars from Maven Central); an official image's tag wins. */
        public Builder version(KafkaVersion version) {
            this.version = version;
            return this;
        }

        public Builder version(String version) {
            return version(KafkaVersion.parse(version));
        }

        /**
         * The image: blank or {@code brokerwatch/jre17:<tag>} is the local route (Maven Central jars mounted);
         * anything else (e.g. {@code apache/kafka:4.1.1}) must hold Kafka at {@value #KAFKA_LIBS} and a JRE, and
         * may be pulled. Default: {@code -Dbrokerwatch.kafka.image}, else {@value DockerEngine#LOCAL_JRE_IMAGE}.
         */
        public Builder image(String image) {
            this.imageName = image;
            return this;
        }

        public Builder combinedNodes(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("need at least one node: " + n);
            }
            this.combined = true;
            this.combinedCount = n;
            return this;
        }

        public Builder separateRoles(int controllers, int brokers) {
            if (controllers < 1 || brokers < 1) {
                throw new IllegalArgumentException("need at least one controller and one broker: " + controllers
                        + "/" + brokers);
            }
            this.combined = false;
            this.controllerCount = controllers;
            this.brokerCount = brokers;
            return this;
        }

        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        public Builder jvmOption(String option) {
            this.jvmOptions.add(option);
            return this;
        }

        public Builder nodeJvmOption(int nodeId, String option) {
            nodeJvmOptions.computeIfAbsent(nodeId, k -> new ArrayList<>()).add(option);
            return this;
        }

        /** A broker property for every node; {@code null} removes a default. Paths are inside the container. */
        public Builder brokerProperty(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder nodeProperty(int nodeId, String key, String value) {
            nodeProperties.computeIfAbsent(nodeId, k -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        @Override
        public Builder tlsListener(int nodeId, String name, int rsaKeyBits) {
            tlsListeners.computeIfAbsent(nodeId, k -> new LinkedHashMap<>()).put(TlsListener.checkName(name), rsaKeyBits);
            return this;
        }

        /** A Java agent on every node under a name, each node with its own free loopback port for it. */
        public Builder agent(String name, ContainerAgent agent) {
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("agent name must be a plain file name: '" + name + "'");
            }
            if (agents.putIfAbsent(name, agent) != null) {
                throw new IllegalArgumentException("agent '" + name + "' is already attached");
            }
            return this;
        }

        /** Per node: until "Kafka Server started", then until all brokers are registered (default 120 s). */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** {@code docker stop}'s grace period of {@link TestcontainersKafkaCluster#stopNode(int)} (default 30 s). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /** The grace period of {@link TestcontainersKafkaCluster#close()} (default 10 s). */
        public Builder teardownGrace(Duration grace) {
            this.teardownGrace = grace;
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
            return new TestcontainersKafkaCluster(this);
        }

        /** {@link #build()} and {@link TestcontainersKafkaCluster#start()}. */
        public TestcontainersKafkaCluster start() {
            return build().start();
        }
    }
}
