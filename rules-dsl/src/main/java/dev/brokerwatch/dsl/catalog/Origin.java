package dev.brokerwatch.dsl.catalog;

/** Who produces a catalog metric. */
public enum Origin {
    /** the agent, from an MBean attribute */
    JMX,
    /** the agent, from the container's cgroup memory files */
    CGROUP,
    /** another exporter (or Prometheus itself, for {@code up}) */
    EXTERNAL,
    /** a recording rule of the pack */
    RECORDING
}
