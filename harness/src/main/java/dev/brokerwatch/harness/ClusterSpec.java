package dev.brokerwatch.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a cluster is built from, whatever runs its nodes: the builder both runtimes share
 * ({@link LocalJvmKafkaCluster.Builder}, {@code TestcontainersKafkaCluster.Builder}). {@code A} is how the
 * runtime attaches a Java agent. Node ids as in {@link KafkaCluster}.
 */
public abstract class ClusterSpec<B extends ClusterSpec<B, A>, A> implements KafkaClusterSettings<B> {
    final String testName;
    KafkaVersion version = KafkaVersion.defaultVersion();
    boolean combined = true;
    int combinedCount = 1;
    int controllerCount;
    int brokerCount;
    String heap = "512m";
    final List<String> jvmOptions = new ArrayList<>(List.of(
            "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
            "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true"));
    final Map<Integer, List<String>> nodeJvmOptions = new LinkedHashMap<>();
    final Map<String, String> properties = new LinkedHashMap<>();
    final Map<Integer, Map<String, String>> nodeProperties = new LinkedHashMap<>();
    final Map<Integer, Map<String, Integer>> tlsListeners = new LinkedHashMap<>();
    final Map<Integer, List<Path>> nodeLogDirs = new LinkedHashMap<>();
    final Map<String, A> agents = new LinkedHashMap<>();
    Duration startupTimeout = Duration.ofSeconds(120);
    Duration stopTimeout = Duration.ofSeconds(30);
    Duration teardownGrace = Duration.ofSeconds(10);

    protected ClusterSpec(String testName) {
        HarnessPaths.liveDir(testName); // validates the name
        this.testName = testName;
    }

    protected abstract B self();

    /** The test name the cluster is built for (its directory under {@code tests/target/live/}). */
    public String testName() {
        return testName;
    }

    /** The version asked for (a runtime may run another, e.g. an image whose tag names one). */
    public KafkaVersion requestedVersion() {
        return version;
    }

    /** The agents attached to every node, by name. */
    public Map<String, A> agents() {
        return java.util.Collections.unmodifiableMap(agents);
    }

    public B version(KafkaVersion version) {
        this.version = version;
        return self();
    }

    public B version(String version) {
        return version(KafkaVersion.parse(version));
    }

    /** {@code n} nodes that are each broker and controller (the default, with n = 1). */
    @Override
    public B combinedNodes(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one node: " + n);
        }
        this.combined = true;
        this.combinedCount = n;
        return self();
    }

    /** {@code controllers} controller-only nodes and {@code brokers} broker-only nodes. */
    @Override
    public B separateRoles(int controllers, int brokers) {
        if (controllers < 1 || brokers < 1) {
            throw new IllegalArgumentException("need at least one controller and one broker: " + controllers
                    + "/" + brokers);
        }
        this.combined = false;
        this.controllerCount = controllers;
        this.brokerCount = brokers;
        return self();
    }

    /** Heap of each node, as for -Xmx (e.g. "512m", the default). */
    @Override
    public B heap(String heap) {
        this.heap = heap;
        return self();
    }

    /** An extra JVM option for every node (after the defaults, so it can override them). */
    public B jvmOption(String option) {
        this.jvmOptions.add(option);
        return self();
    }

    /** An extra JVM option for one node. */
    @Override
    public B nodeJvmOption(int nodeId, String option) {
        nodeJvmOptions.computeIfAbsent(nodeId, k -> new ArrayList<>()).add(option);
        return self();
    }

    /** A server property for every node; {@code null} removes a default. Paths are as the node's process sees them. */
    @Override
    public B brokerProperty(String key, String value) {
        properties.put(key, value);
        return self();
    }

    /** A server property for one node, over the cluster-wide ones. */
    @Override
    public B nodeProperty(int nodeId, String key, String value) {
        nodeProperties.computeIfAbsent(nodeId, k -> new LinkedHashMap<>()).put(key, value);
        return self();
    }

    @Override
    public B tlsListener(int nodeId, String name, int rsaKeyBits) {
        tlsListeners.computeIfAbsent(nodeId, k -> new LinkedHashMap<>()).put(TlsListener.checkName(name), rsaKeyBits);
        return self();
    }

    @Override
    public B nodeLogDir(int nodeId, Path hostDir) {
        if (!hostDir.isAbsolute()) {
            hostDir = hostDir.toAbsolutePath();
        }
        nodeLogDirs.computeIfAbsent(nodeId, k -> new ArrayList<>()).add(hostDir.normalize());
        return self();
    }

    /** A Java agent on every node, under a name; each node gets its own free loopback port for it. */
    public B agent(String name, A attachment) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("agent name must be a plain file name: '" + name + "'");
        }
        if (agents.putIfAbsent(name, attachment) != null) {
            throw new IllegalArgumentException("agent '" + name + "' is already attached");
        }
        return self();
    }

    /** Per node: until "Kafka Server started", and then until all brokers are registered (default 120 s). */
    public B startupTimeout(Duration timeout) {
        this.startupTimeout = timeout;
        return self();
    }

    /** How long a stop waits after SIGTERM before SIGKILL (default 30 s). */
    public B stopTimeout(Duration timeout) {
        this.stopTimeout = timeout;
        return self();
    }

    /** How long closing the cluster waits after SIGTERM before SIGKILL (default 10 s). */
    @Override
    public B teardownGrace(Duration grace) {
        this.teardownGrace = grace;
        return self();
    }
}
