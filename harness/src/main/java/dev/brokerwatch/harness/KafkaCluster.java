package dev.brokerwatch.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;

/**
 * A running KRaft cluster on 127.0.0.1, whatever runs its nodes: local JVMs ({@link LocalJvmKafkaCluster}) or
 * containers ({@code dev.brokerwatch.harness.containers.TestcontainersKafkaCluster}). A test written against this
 * interface runs on either backend.
 *
 * <p>Node ids: the controllers first (1..c), then the brokers; in combined mode every node is both. Every
 * node has one free loopback port per attached agent ({@link #agentPort(int, String)}).
 */
public interface KafkaCluster extends AutoCloseable {
    /** The test name the cluster was built for (its directory under {@code tests/target/live/}). */
    String name();

    KafkaVersion version();

    String clusterId();

    /** {@code tests/target/live/<test>/}: the nodes' configs, logs and data. */
    Path dir();

    List<Integer> nodeIds();

    List<Integer> brokerIds();

    List<Integer> controllerIds();

    boolean isNodeRunning(int id);

    /** The loopback port of the agent registered under {@code agentName} on node {@code nodeId}. */
    int agentPort(int nodeId, String agentName);

    /** The TLS listener {@code name} added to node {@code nodeId} by {@code tlsListener(...)} of the builder. */
    TlsListener tlsListener(int nodeId, String name);

    /** Every broker's {@code 127.0.0.1:port}, comma-separated. */
    String bootstrapServers();

    /** Admin client properties for this cluster (short timeouts). */
    Properties adminProperties();

    /** A new admin client for the running brokers; the caller closes it. */
    Admin admin();

    /** A {@link Workload} against this cluster; the caller closes it. */
    Workload workload();

    /** Waits until {@code describeCluster} lists exactly the broker ids in {@code expected}. */
    void awaitBrokersRegistered(Set<Integer> expected, Duration timeout);

    /** The node's name, {@code node-<id>}: the {@code pod} label Prometheus gives its series. */
    default String nodeName(int id) {
        return "node-" + id;
    }

    /**
     * The pid on this machine of a node's broker JVM (in a container: its first process), empty while the node is
     * not running: the handle on its cgroups, say.
     */
    OptionalLong nodePid(int id);

    /** Graceful stop of one node (SIGTERM: controlled shutdown), bounded, then SIGKILL. */
    void stopNode(int id);

    /**
     * As {@link #stopNode(int)} with its own grace period between SIGTERM and SIGKILL: a node whose quorum is
     * gone cannot finish a controlled shutdown, and waiting the default grace for it only slows a test.
     */
    void stopNode(int id, Duration grace);

    /** Sets ({@code value} non-null) or removes a server property of a stopped node, for its next starts. */
    void setNodeProperty(int id, String key, String value);

    /** Replaces a stopped node's extra JVM options (e.g. a smaller heap), for its next starts. */
    void setNodeJvmOptions(int id, List<String> options);

    /** SIGKILL one node: a crash. */
    void killNode(int id);

    /** The node hangs with its sockets open (SIGSTOP, or a frozen container); {@link #resumeNode(int)} continues it. */
    void pauseNode(int id);

    void resumeNode(int id);

    /** Starts a stopped node again on its existing data and waits until it runs (and, for a broker, is registered). */
    void startNode(int id);

    /** Stops every node, also when the test failed. */
    @Override
    void close();
}
