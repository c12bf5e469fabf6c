package dev.brokerwatch.harness.proof;

import java.util.Locale;

/**
 * Where a proof cluster's nodes run: {@link #LOCAL} JVMs on this machine ({@code LocalJvmKafkaCluster}) or
 * {@link #TESTCONTAINERS}, one container per node ({@code TestcontainersKafkaCluster}, host networking on
 * 127.0.0.1). The same scenarios run on both; a scenario whose fault needs the host's view of a node's
 * process (renice, a memory cgroup, a tmpfs log directory) says so when asked for the other backend.
 */
public enum ProofBackend {
    LOCAL, TESTCONTAINERS;

    /** {@code -Dbrokerwatch.proof.backend=local|testcontainers} (default local). */
    public static ProofBackend fromSystemProperty() {
        return parse(System.getProperty("brokerwatch.proof.backend", "local"));
    }

    public static ProofBackend parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ProofBackend b : values()) {
            if (b.label().equals(n)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown proof backend '" + name + "': local or testcontainers");
    }

    /** As written in the report's {@code backend} column. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
