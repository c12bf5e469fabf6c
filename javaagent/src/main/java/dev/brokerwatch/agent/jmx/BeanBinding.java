package dev.brokerwatch.agent.jmx;

import io.prometheus.metrics.model.snapshots.Labels;
import javax.management.ObjectName;

/** A registered MBean matched by one source, with the labels its samples carry (computed once). */
final class BeanBinding {
  private final IndexedSource source;
  private final ObjectName name;
  private final Labels labels;

  BeanBinding(IndexedSource source, ObjectName name, Labels labels) {
    this.source = source;
    this.name = name;
    this.labels = labels;
  }

  IndexedSource source() {
    return source;
  }

  ObjectName name() {
    return name;
  }

  Labels labels() {
    return labels;
  }
}
