package dev.brokerwatch.agent.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A loaded agent mapping (format version 1): what the agent exports and under which names. */
public final class Mapping {
  private final String name;
  private final String sourceName;
  private final String sha256;
  private final List<MetricMapping> metrics;

  public Mapping(String name, String sourceName, String sha256, List<MetricMapping> metrics) {
    this.name = Objects.requireNonNull(name, "name");
    this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
    this.sha256 = Objects.requireNonNull(sha256, "sha256");
    this.metrics = Collections.unmodifiableList(new ArrayList<>(metrics));
  }

  /** The {@code name} line, shown by /about. */
  public String name() {
    return name;
  }

  /** The file or resource the mapping was read from, used in messages. */
  public String sourceName() {
    return sourceName;
  }

  /** Lowercase hex SHA-256 of the mapping bytes, shown by /about. */
  public String sha256() {
    return sha256;
  }

  /** Metrics in file order. */
  public List<MetricMapping> metrics() {
    return metrics;
  }

  /** Metrics whose samples come from JMX. */
  public List<MetricMapping> jmxMetrics() {
    List<MetricMapping> jmx = new ArrayList<>();
    for (MetricMapping metric : metrics) {
      if (metric.isJmx()) {
        jmx.add(metric);
      }
    }
    return jmx;
  }

  /** Metrics whose sample is a cgroup memory value. */
  public List<MetricMapping> cgroupMetrics() {
    List<MetricMapping> cgroup = new ArrayList<>();
    for (MetricMapping metric : metrics) {
      if (metric.isCgroup()) {
        cgroup.add(metric);
      }
    }
    return cgroup;
  }
}
