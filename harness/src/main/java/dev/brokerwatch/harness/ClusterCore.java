package dev.brokerwatch.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * The part of a KRaft cluster on 127.0.0.1 that does not depend on what runs its nodes: the topology (node ids,
 * roles, ports), the broker defaults, the static quorum, registration waits, admin clients, node faults and the
 * ordered teardown. A runtime ({@link LocalJvmKafkaCluster}, {@code TestcontainersKafkaCluster}) supplies its
 * node type and how the nodes are first started.
 *
 * <p>Quorum: static voters ({@code controller.quorum.voters}), which works the same way on Kafka 3.9 and 4.x.
 * Node ids: the controllers first (1..c), then the brokers; in combined mode every node is both. Node
 * directories: {@code tests/target/live/<test>/node-<id>/}, each wiped when the cluster is built.
 */
public abstract class ClusterCore<N extends ClusterNode> implements KafkaCluster {
    /** Makes a runtime's node from its layout. */
    @FunctionalInterface
    protected interface NodeFactory<N extends ClusterNode> {
        N create(ClusterNode.Layout layout);
    }

    /** A file in a node's directory as the node's process sees it (an absolute path, or one in a container). */
    @FunctionalInterface
    protected interface NodePaths {
        String inNode(ClusterNode node, Path hostPath);
    }

    private final String name;
    private final KafkaVersion version;
    private final Path dir;
    private final String clusterId;
    private final Map<Integer, N> nodes;
    private final Map<Integer, Map<String, TlsListener>> tlsListeners = new LinkedHashMap<>();
    private final Duration startupTimeout;
    private final Duration teardownGrace;
    private boolean started;
    private boolean closed;

    protected ClusterCore(ClusterSpec<?, ?> spec, KafkaVersion version, NodeFactory<N> factory, NodePaths paths) {
        this.name = spec.testName;
        this.version = version;
        this.dir = HarnessPaths.liveDir(spec.testName);
        this.clusterId = Uuid.randomUuid().toString();
        this.startupTimeout = spec.startupTimeout;
        this.teardownGrace = spec.teardownGrace;

        int controllers = spec.combined ? spec.combinedCount : spec.controllerCount;
        int brokers = spec.combined ? spec.combinedCount : spec.brokerCount;
        List<String> jvmOptions = new ArrayList<>();
        jvmOptions.add("-Xms" + spec.heap);
        jvmOptions.add("-Xmx" + spec.heap);
        jvmOptions.addAll(spec.jvmOptions);

        Map<Integer, N> created = new LinkedHashMap<>();
        int total = spec.combined ? spec.combinedCount : controllers + brokers;
        for (int id = 1; id <= total; id++) {
            Set<ClusterNode.Role> roles;
            if (spec.combined) {
                roles = EnumSet.of(ClusterNode.Role.BROKER, ClusterNode.Role.CONTROLLER);
            } else if (id <= spec.controllerCount) {
                roles = EnumSet.of(ClusterNode.Role.CONTROLLER);
            } else {
                roles = EnumSet.of(ClusterNode.Role.BROKER);
            }
            int brokerPort = roles.contains(ClusterNode.Role.BROKER) ? LoopbackPorts.freePort() : -1;
            int controllerPort = roles.contains(ClusterNode.Role.CONTROLLER) ? LoopbackPorts.freePort() : -1;
            Map<String, Integer> agentPorts = new LinkedHashMap<>();
            for (String agent : spec.agents.keySet()) {
                agentPorts.put(agent, LoopbackPorts.freePort());
            }
            List<String> nodeJvm = new ArrayList<>(jvmOptions);
            nodeJvm.addAll(spec.nodeJvmOptions.getOrDefault(id, List.of()));
            // only the node directories are wiped: a Prometheus of the same test may live beside them
            Path nodeDir = HarnessPaths.freshDir(dir.resolve("node-" + id));
            created.put(id, factory.create(new ClusterNode.Layout(clusterId, id, roles, nodeDir, version, brokerPort,
                    controllerPort, agentPorts, nodeJvm, spec.nodeLogDirs.getOrDefault(id, List.of()), spec.stopTimeout,
                    spec.startupTimeout)));
        }
        this.nodes = Collections.unmodifiableMap(created);

        String voters = nodes.values().stream().filter(ClusterNode::isController)
                .map(n -> n.id() + "@" + LoopbackPorts.address(n.controllerPort()))
                .collect(Collectors.joining(","));
        for (N node : nodes.values()) {
            String dataDir = paths.inNode(node, node.dataDir());
            Map<String, String> props = new TreeMap<>(defaultProperties(node, voters, brokers, version, dataDir));
            if (!node.hostDirs().isEmpty()) {
                List<String> logDirs = new ArrayList<>(List.of(dataDir));
                node.hostDirs().forEach(d -> logDirs.add(d.toString())); // a container sees them at the same path
                props.put("log.dirs", String.join(",", logDirs));
                props.put("metadata.log.dir", dataDir);
            }
            props.putAll(spec.properties);
            props.putAll(spec.nodeProperties.getOrDefault(node.id(), Map.of()));
            props.entrySet().removeIf(e -> e.getValue() == null);
            tlsListeners.put(node.id(), TlsListener.addAll(node.name(), node.isBroker(),
                    spec.tlsListeners.getOrDefault(node.id(), Map.of()), node.dir(), props,
                    file -> paths.inNode(node, file)));
            node.setProperties(props);
        }
    }

    private static Map<String, String> defaultProperties(ClusterNode node, String voters, int brokers,
            KafkaVersion version, String logDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("node.id", Integer.toString(node.id()));
        p.put("process.roles", node.roles().stream().map(ClusterNode.Role::configName).sorted()
                .collect(Collectors.joining(",")));
        p.put("controller.quorum.voters", voters);
        p.put("controller.listener.names", ClusterNode.CONTROLLER_LISTENER);
        p.put("listener.security.protocol.map",
                ClusterNode.BROKER_LISTENER + ":PLAINTEXT," + ClusterNode.CONTROLLER_LISTENER + ":PLAINTEXT");
        List<String> listeners = new ArrayList<>();
        if (node.isBroker()) {
            listeners.add(ClusterNode.BROKER_LISTENER + "://" + LoopbackPorts.address(node.brokerPort()));
            p.put("advertised.listeners", ClusterNode.BROKER_LISTENER + "://"
                    + LoopbackPorts.address(node.brokerPort()));
            p.put("inter.broker.listener.name", ClusterNode.BROKER_LISTENER);
        }
        if (node.isController()) {
            listeners.add(ClusterNode.CONTROLLER_LISTENER + "://" + LoopbackPorts.address(node.controllerPort()));
        }
        p.put("listeners", String.join(",", listeners));
        p.put("log.dirs", logDir);

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

    // ---- first start ----

    /**
     * Runs the runtime's {@code launch} (which starts every node and waits until each runs), then waits until
     * every broker is registered. Once only; on failure everything started is stopped before the error is thrown.
     */
    protected final synchronized void startAll(Runnable launch) {
        if (started) {
            throw new IllegalStateException("cluster " + name + " was already started");
        }
        started = true;
        try {
            launch.run();
            awaitBrokersRegistered(Set.copyOf(brokerIds()), startupTimeout);
        } catch (RuntimeException | Error e) {
            try {
                close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Runs {@code action} on every node, {@code threads} at a time; the first failure is rethrown. */
    protected static <T> void runOnAll(Collection<T> nodes, int threads, Consumer<T> action) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(nodes.size(), threads)));
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (T n : nodes) {
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

    protected Duration startupTimeout() {
        return startupTimeout;
    }

    // ---- clients ----

    @Override
    public void awaitBrokersRegistered(Set<Integer> expected, Duration timeout) {
        if (expected.isEmpty()) {
            return;
        }
        AtomicReference<Set<Integer>> seen = new AtomicReference<>(Set.of());
        poll(timeout, () -> {
            String bootstrap = runningBrokers().stream().map(ClusterNode::bootstrapServers)
                    .collect(Collectors.joining(","));
            if (bootstrap.isEmpty()) {
                return null;
            }
            try (Admin admin = Admin.create(adminProperties(bootstrap))) {
                Collection<Node> live = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                        .nodes().get(10, TimeUnit.SECONDS);
                seen.set(live.stream().map(Node::id).collect(Collectors.toSet()));
                return seen.get().equals(expected) ? Boolean.TRUE : null;
            }
        }, () -> "brokers " + expected + " not all registered within " + timeout + "; describeCluster saw " + seen.get());
    }

    /**
     * The id of the metadata quorum's leader, the active controller, as the brokers describe the quorum. Some
     * MBeans exist only there (the raft leader's observer count, the time since each broker's last heartbeat).
     * Bounded: fails after {@code timeout} with the last answer.
     */
    public int quorumLeader(Duration timeout) {
        try (Admin admin = admin()) {
            return poll(timeout, () -> {
                int leader = admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
                return leader >= 0 ? leader : null;
            }, () -> "no metadata quorum leader within " + timeout);
        }
    }

    /** One try of a bounded wait: the answer, or null to try again; an exception counts as not yet. */
    @FunctionalInterface
    private interface Attempt<T> {
        T once() throws Exception;
    }

    /** Tries every 500 ms until an answer or {@code timeout}; then fails with the last exception suppressed. */
    private <T> T poll(Duration timeout, Attempt<T> attempt, Supplier<String> notWithin) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T answer = attempt.once();
                if (answer != null) {
                    return answer;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (Exception e) {
                last = e;
            }
            ClusterNode.sleep(500);
        }
        IllegalStateException failure = new IllegalStateException("cluster " + name + ": " + notWithin.get());
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
        return Admin.create(adminProperties(runningBrokers().stream().map(ClusterNode::bootstrapServers)
                .collect(Collectors.joining(","))));
    }

    @Override
    public Workload workload() {
        return new Workload(bootstrapServers());
    }

    /** Every broker's {@code 127.0.0.1:port}, comma-separated. */
    @Override
    public String bootstrapServers() {
        return brokers().stream().map(ClusterNode::bootstrapServers).collect(Collectors.joining(","));
    }

    // ---- topology ----

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

    /** {@code tests/target/live/<test>/}. */
    @Override
    public Path dir() {
        return dir;
    }

    public List<N> nodes() {
        return List.copyOf(nodes.values());
    }

    public N node(int id) {
        N n = nodes.get(id);
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
        return brokers().stream().map(ClusterNode::id).toList();
    }

    @Override
    public List<Integer> controllerIds() {
        return controllers().stream().map(ClusterNode::id).toList();
    }

    public List<N> brokers() {
        return nodes.values().stream().filter(ClusterNode::isBroker).toList();
    }

    public List<N> controllers() {
        return nodes.values().stream().filter(ClusterNode::isController).toList();
    }

    public List<N> runningBrokers() {
        return brokers().stream().filter(ClusterNode::isRunning).toList();
    }

    @Override
    public boolean isNodeRunning(int id) {
        return node(id).isRunning();
    }

    @Override
    public int agentPort(int nodeId, String agentName) {
        return node(nodeId).agentPort(agentName);
    }

    @Override
    public TlsListener tlsListener(int nodeId, String name) {
        return TlsListener.of(tlsListeners, nodeId, name);
    }

    @Override
    public OptionalLong nodePid(int id) {
        return node(id).pid();
    }

    // ---- faults ----

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

    @Override
    public void killNode(int id) {
        node(id).kill();
    }

    @Override
    public void pauseNode(int id) {
        node(id).pause();
    }

    @Override
    public void resumeNode(int id) {
        node(id).resume();
    }

    @Override
    public void startNode(int id) {
        N n = node(id);
        n.startAndAwait(startupTimeout);
        if (n.isBroker()) {
            awaitBrokersRegistered(runningBrokers().stream().map(ClusterNode::id).collect(Collectors.toSet()),
                    startupTimeout);
        }
    }

    // ---- teardown ----

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
        List<N> brokerNodes = nodes.values().stream().filter(ClusterNode::isBroker).toList();
        List<N> controllerOnly = nodes.values().stream().filter(n -> !n.isBroker()).toList();
        for (List<N> phase : List.of(brokerNodes, controllerOnly)) {
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
        afterClose();
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("cluster " + name + ": stopping nodes failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** What a runtime does once every node is stopped (nothing by default). */
    protected void afterClose() {
    }

    /** A path function for runtimes whose nodes see this machine's files where they are. */
    protected static NodePaths hostPaths() {
        return (node, file) -> file.toAbsolutePath().toString();
    }
}
