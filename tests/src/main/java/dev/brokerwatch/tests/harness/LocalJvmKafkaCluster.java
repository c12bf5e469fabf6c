package dev.brokerwatch.tests.harness;

import java.nio.file.Path;
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
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

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
 * <p>Quorum: static voters ({@code controller.quorum.voters}), which works the same way on Kafka 3.9 and
 * 4.x. Node ids: the controllers first (1..c), then the brokers; in combined mode every node is both.
 * Logs and data go to {@code tests/target/live/<test>/node-<id>/}, each wiped when the cluster is built.
 */
public final class LocalJvmKafkaCluster implements KafkaCluster {
    private final String name;
    private final KafkaDistribution distribution;
    private final Path dir;
    private final String clusterId;
    private final Map<Integer, KafkaNode> nodes;
    private final Map<Integer, Map<String, TlsListener>> tlsListeners = new LinkedHashMap<>();
    private final Duration startupTimeout;
    private final Duration teardownGrace;
    private boolean started;
    private boolean closed;

    private LocalJvmKafkaCluster(Builder b, KafkaDistribution distribution) {
        this.name = b.testName;
        this.distribution = distribution;
        this.dir = HarnessPaths.liveDir(b.testName);
        this.clusterId = Uuid.randomUuid().toString();
        this.startupTimeout = b.startupTimeout;
        this.teardownGrace = b.teardownGrace;

        int controllers = b.combined ? b.combinedCount : b.controllerCount;
        int brokers = b.combined ? b.combinedCount : b.brokerCount;
        Path java = b.javaExecutable != null ? b.javaExecutable
                : Path.of(System.getProperty("java.home"), "bin", "java");

        List<String> jvmOptions = new ArrayList<>();
        jvmOptions.add("-Xms" + b.heap);
        jvmOptions.add("-Xmx" + b.heap);
        jvmOptions.addAll(b.jvmOptions);

        Map<Integer, KafkaNode> created = new LinkedHashMap<>();
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
            // only the node directories are wiped: a Prometheus of the same test may live beside them
            Path nodeDir = HarnessPaths.freshDir(dir.resolve("node-" + id));
            created.put(id, new KafkaNode(id, roles, nodeDir, distribution, java, brokerPort,
                    controllerPort, b.agents, agentPorts, nodeJvm, b.stopTimeout));
        }
        this.nodes = Collections.unmodifiableMap(created);

        String voters = nodes.values().stream().filter(KafkaNode::isController)
                .map(n -> n.id() + "@" + LoopbackPorts.address(n.controllerPort()))
                .collect(Collectors.joining(","));
        for (KafkaNode node : nodes.values()) {
            Map<String, String> props = new TreeMap<>(defaultProperties(node, voters, brokers, controllers,
                    distribution.version()));
            props.putAll(b.properties);
            props.putAll(b.nodeProperties.getOrDefault(node.id(), Map.of()));
            props.entrySet().removeIf(e -> e.getValue() == null);
            tlsListeners.put(node.id(), TlsListener.addAll(node.name(), node.isBroker(),
                    b.tlsListeners.getOrDefault(node.id(), Map.of()), node.dir(), props, k -> k.toAbsolutePath().toString()));
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

    private static Map<String, String> defaultProperties(KafkaNode node, String voters, int brokers,
            int controllers, KafkaVersion version) {
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
        p.put("log.dirs", node.dataDir().toAbsolutePath().toString());

        // small machine: fewer threads than the defaults
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "2");

        // internal topics fit the cluster size
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

    /** Formats every node's storage, starts all JVMs and waits until every node runs and every broker is registered. */
    public synchronized LocalJvmKafkaCluster start() {
        if (started) {
            throw new IllegalStateException("cluster " + name + " was already started");
        }
        started = true;
        try {
            for (KafkaNode node : nodes.values()) {
                node.writeConfig();
            }
            runOnAll(nodes.values(), 3, n -> n.format(clusterId, Duration.ofMinutes(2)));
            for (KafkaNode node : nodes.values()) {
                node.start();
            }
            for (KafkaNode node : nodes.values()) {
                node.awaitStarted(startupTimeout);
            }
            awaitBrokersRegistered(brokers().stream().map(KafkaNode::id).collect(Collectors.toSet()), startupTimeout);
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

    private static void runOnAll(Collection<KafkaNode> nodes, int threads, Consumer<KafkaNode> action) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(nodes.size(), threads)));
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (KafkaNode n : nodes) {
                futures.add(CompletableFuture.runAsync(() -> action.accept(n), pool));
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
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

    /**
     * Waits until {@code describeCluster} (asked of any running broker) lists exactly the broker ids in
     * {@code expected}.
     */
    public void awaitBrokersRegistered(Set<Integer> expected, Duration timeout) {
        if (expected.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Integer> seen = Set.of();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            String bootstrap = runningBrokers().stream().map(KafkaNode::bootstrapServers)
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
            KafkaNode.sleep(500);
        }
        IllegalStateException failure = new IllegalStateException("cluster " + name + ": brokers " + expected
                + " not all registered within " + timeout + "; describeCluster saw " + seen);
        if (last != null) {
            failure.addSuppressed(last);
        }
        throw failure;
    }

    /** Admin client properties for this cluster (short timeouts). */
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

    /** A new admin client for the running brokers; the caller closes it. */
    public Admin admin() {
        return Admin.create(adminProperties(runningBrokers().stream().map(KafkaNode::bootstrapServers)
                .collect(Collectors.joining(","))));
    }

    /** A {@link Workload} against this cluster; the caller closes it. */
    public Workload workload() {
        return new Workload(bootstrapServers());
    }

    public String name() {
        return name;
    }

    public String clusterId() {
        return clusterId;
    }

    public KafkaVersion version() {
        return distribution.version();
    }

    public KafkaDistribution distribution() {
        return distribution;
    }

    /** {@code tests/target/live/<test>/}. */
    public Path dir() {
        return dir;
    }

    public List<KafkaNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public KafkaNode node(int id) {
        KafkaNode n = nodes.get(id);
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
        return brokers().stream().map(KafkaNode::id).toList();
    }

    @Override
    public List<Integer> controllerIds() {
        return controllers().stream().map(KafkaNode::id).toList();
    }

    @Override
    public boolean isNodeRunning(int id) {
        return node(id).isRunning();
    }

    @Override
    public int agentPort(int nodeId, String agentName) {
        return node(nodeId).agentPort(agentName);
    }

    public List<KafkaNode> brokers() {
        return nodes.values().stream().filter(KafkaNode::isBroker).toList();
    }

    public List<KafkaNode> controllers() {
        return nodes.values().stream().filter(KafkaNode::isController).toList();
    }

    public List<KafkaNode> runningBrokers() {
        return brokers().stream().filter(KafkaNode::isRunning).toList();
    }

    /** Every broker's {@code 127.0.0.1:port}, comma-separated. */
    public String bootstrapServers() {
        return brokers().stream().map(KafkaNode::bootstrapServers).collect(Collectors.joining(","));
    }

    /** Graceful stop of one node (SIGTERM: controlled shutdown), bounded, then SIGKILL. */
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

    /** SIGKILL one node: a crash. */
    public void killNode(int id) {
        node(id).kill();
    }

    /** SIGSTOP one node: it hangs. {@link #resumeNode(int)} continues it. */
    public void pauseNode(int id) {
        node(id).pause();
    }

    public void resumeNode(int id) {
        node(id).resume();
    }

    /** Starts a stopped node again on its existing data and waits until it runs (and, for a broker, is registered). */
    public void startNode(int id) {
        KafkaNode n = node(id);
        n.start();
        n.awaitStarted(startupTimeout);
        if (n.isBroker()) {
            awaitBrokersRegistered(runningBrokers().stream().map(KafkaNode::id).collect(Collectors.toSet()),
                    startupTimeout);
        }
    }

    /**
     * Stops every node: first all nodes with the broker role at once (in combined mode, all nodes), then
     * the controller-only nodes at once, so that the brokers' controlled shutdown still finds a controller
     * quorum. Each gets the teardown grace period between SIGTERM and SIGKILL (a node that lost its quorum
     * cannot finish a controlled shutdown; its data is thrown away anyway). A failure to stop one node
     * does not keep the others running; failures are thrown together at the end.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        List<KafkaNode> brokerNodes = nodes.values().stream().filter(KafkaNode::isBroker).toList();
        List<KafkaNode> controllerOnly = nodes.values().stream().filter(n -> !n.isBroker()).toList();
        for (List<KafkaNode> phase : List.of(brokerNodes, controllerOnly)) {
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
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("cluster " + name + ": stopping nodes failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "LocalJvmKafkaCluster[" + name + ", Kafka " + version() + ", " + nodes.values() + "]";
    }

    public static final class Builder implements KafkaClusterSettings<Builder> {
        private final String testName;
        private KafkaVersion version = KafkaVersion.defaultVersion();
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
        private final Map<String, JavaAgentAttachment> agents = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(120);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private Duration teardownGrace = Duration.ofSeconds(10);
        private Path javaExecutable;
        private KafkaDistribution distribution;

        private Builder(String testName) {
            HarnessPaths.liveDir(testName); // validates the name
            this.testName = testName;
        }

        public Builder version(KafkaVersion version) {
            this.version = version;
            return this;
        }

        /** The jars to run (default: {@code KafkaDistribution.of(version)}); sets the version too. */
        public Builder distribution(KafkaDistribution distribution) {
            this.distribution = distribution;
            this.version = distribution.version();
            return this;
        }

        public Builder version(String version) {
            return version(KafkaVersion.parse(version));
        }

        /** {@code n} nodes that are each broker and controller (the default, with n = 1). */
        public Builder combinedNodes(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("need at least one node: " + n);
            }
            this.combined = true;
            this.combinedCount = n;
            return this;
        }

        /** {@code controllers} controller-only nodes and {@code brokers} broker-only nodes. */
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

        /** Heap of each node, as for -Xmx (e.g. "512m", the default). */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** An extra JVM option for every node (after the defaults, so it can override them). */
        public Builder jvmOption(String option) {
            this.jvmOptions.add(option);
            return this;
        }

        /** An extra JVM option for one node. */
        public Builder nodeJvmOption(int nodeId, String option) {
            nodeJvmOptions.computeIfAbsent(nodeId, k -> new ArrayList<>()).add(option);
            return this;
        }

        /** A broker property for every node; {@code null} removes a default. */
        public Builder brokerProperty(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** A broker property for one node, over the cluster-wide ones. */
        public Builder nodeProperty(int nodeId, String key, String value) {
            nodeProperties.computeIfAbsent(nodeId, k -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        @Override
        public Builder tlsListener(int nodeId, String name, int rsaKeyBits) {
            tlsListeners.computeIfAbsent(nodeId, k -> new LinkedHashMap<>()).put(TlsListener.checkName(name), rsaKeyBits);
            return this;
        }

        /**
         * A Java agent on every node, under a name; each node gets its own free port for it
         * ({@link KafkaNode#agentPort(String)}).
         */
        public Builder agent(String name, JavaAgentAttachment attachment) {
            if (agents.putIfAbsent(name, attachment) != null) {
                throw new IllegalArgumentException("agent '" + name + "' is already attached");
            }
            return this;
        }

        /** Per node: until "Kafka Server started", and then until all brokers are registered (default 120 s). */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** How long a stop waits after SIGTERM before SIGKILL (default 30 s). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /** How long {@link LocalJvmKafkaCluster#close()} waits after SIGTERM before SIGKILL (default 10 s). */
        public Builder teardownGrace(Duration grace) {
            this.teardownGrace = grace;
            return this;
        }

        /** The java binary for the nodes (default: the test JVM's). */
        public Builder javaExecutable(Path java) {
            this.javaExecutable = java;
            return this;
        }

        /** Creates the cluster's directories and config (fetching Kafka's jars if needed); starts nothing. */
        public LocalJvmKafkaCluster build() {
            return new LocalJvmKafkaCluster(this, distribution != null ? distribution : KafkaDistribution.of(version));
        }

        /** {@link #build()} and {@link LocalJvmKafkaCluster#start()}. */
        public LocalJvmKafkaCluster start() {
            return build().start();
        }
    }
}
