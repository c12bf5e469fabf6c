package dev.brokerwatch.agent.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** One {@code metric} block: the series name users query, its type, help and sources. */
public final class MetricMapping {
  private static final String COUNTER_SUFFIX = "_total";

  private final String name;
  private final MetricType type;
  private final String help;
  private final List<MetricSource> sources;
  private final int line;

  public MetricMapping(String name, MetricType type, String help, List<MetricSource> sources, int line) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.help = help == null ? "" : help;
    this.sources = Collections.unmodifiableList(new ArrayList<>(sources));
    this.line = line;
  }

  /** The series name as users query it; counters end in {@code _total}. */
  public String name() {
    return name;
  }

  /**
   * The name handed to the client library: a counter without its {@code _total}, which the
   * exposition formats add back.
   */
  public String baseName() {
    if (type == MetricType.COUNTER && name.endsWith(COUNTER_SUFFIX)) {
      return name.substring(0, name.length() - COUNTER_SUFFIX.length());
    }
    return name;
  }

  public MetricType type() {
    return type;
  }

  public String help() {
    return help;
  }

  public List<MetricSource> sources() {
    return sources;
  }

  /** True when the samples come from JMX (all sources of a metric are of one kind). */
  public boolean isJmx() {
    return !sources.isEmpty() && sources.get(0) instanceof JmxSource;
  }

  /** True when the single source is a cgroup value. */
  public boolean isCgroup() {
    return !sources.isEmpty() && sources.get(0) instanceof CgroupSource;
  }

  /**
   * The union of the label names of all jmx sources, in order of first appearance. A source that
   * lacks one of them exports it as an empty value, which Prometheus treats as absent.
   */
  public List<String> labelNames() {
    List<String> names = new ArrayList<>();
    for (MetricSource source : sources) {
      if (source instanceof JmxSource) {
        for (String name : ((JmxSource) source).labelNames()) {
          if (!names.contains(name)) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  /** The declaring line of the {@code metric} keyword. */
  public int line() {
    return line;
  }

  @Override
  public String toString() {
    return name + " " + type.keyword();
  }
}
