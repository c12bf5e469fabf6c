package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * Turns the attribute values read from one MBean into one data point of one metric. Attribute
 * positions, labels and scale are fixed when the scrape plan is built.
 */
abstract class SampleTarget {
  private final int metric;
  private final int slot;
  private final Labels labels;

  SampleTarget(int metric, int slot, Labels labels) {
    this.metric = metric;
    this.slot = slot;
    this.labels = labels;
  }

  /** Index of the metric in the plan. */
  final int metric() {
    return metric;
  }

  /** Position of the data point in the metric's label-sorted data points. */
  final int slot() {
    return slot;
  }

  final Labels labels() {
    return labels;
  }

  /** The data point, or null (after counting the reason in {@code errors}) when it cannot be made. */
  abstract DataPointSnapshot toDataPoint(Object[] values, MetricErrors errors);
}
