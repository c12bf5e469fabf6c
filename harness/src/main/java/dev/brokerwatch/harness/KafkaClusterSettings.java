package dev.brokerwatch.harness;

/**
 * What the builders of both backends ({@link LocalJvmKafkaCluster.Builder},
 * {@code TestcontainersKafkaCluster.Builder}) can be told alike, so that a caller configures either one
 * the same way. Node ids as in {@link KafkaCluster}.
 */
public interface KafkaClusterSettings<B extends KafkaClusterSettings<B>> {
    B combinedNodes(int n);

    B separateRoles(int controllers, int brokers);

    /** Heap of every node, e.g. {@code 512m}. */
    B heap(String heap);

    /** A server property of every node; {@code null} removes a harness default. */
    B brokerProperty(String key, String value);

    /** A server property of one node. */
    B nodeProperty(int nodeId, String key, String value);

    /** How long closing the cluster waits after SIGTERM before SIGKILL. */
    B teardownGrace(java.time.Duration grace);

    /** A JVM option of one node. */
    B nodeJvmOption(int nodeId, String option);

    /**
     * An extra listener {@code name} (security protocol SSL) on broker node {@code nodeId}, with a self-signed
     * RSA key of {@code rsaKeyBits}; not advertised. Its port and client context: {@link KafkaCluster#tlsListener}.
     * Per-listener settings go through {@link #nodeProperty}, e.g. {@code listener.name.tls.num.network.threads}.
     */
    B tlsListener(int nodeId, String name, int rsaKeyBits);

    /**
     * A second log directory of node {@code nodeId} on a directory of this machine (a small file system, say):
     * {@code log.dirs} becomes the node's own data directory and then {@code hostDir}, and the metadata log stays
     * in the node's own. A container sees {@code hostDir} at the same path, so the broker's name for it (in
     * {@code describeLogDirs}, say) is {@code hostDir} on both runtimes.
     */
    B nodeLogDir(int nodeId, java.nio.file.Path hostDir);
}
