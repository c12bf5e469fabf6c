package dev.brokerwatch.agent.mapping;

/** Where the samples of a mapped metric come from: a JMX ObjectName pattern or a cgroup value. */
public interface MetricSource {

  /** The mapping-file line that declared this source. */
  int line();
}
