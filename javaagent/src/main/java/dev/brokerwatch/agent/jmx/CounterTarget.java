package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.self.ScrapeErrorReason;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/** One cumulative attribute (a Yammer Meter's Count, a *-total), scaled, as a counter sample. */
final class CounterTarget extends SampleTarget {
  private final int attribute;
  private final double scale;

  CounterTarget(int metric, int slot, Labels labels, int attribute, double scale) {
    super(metric, slot, labels);
    this.attribute = attribute;
    this.scale = scale;
  }

  @Override
  DataPointSnapshot toDataPoint(Object[] values, MetricErrors errors) {
    Object value = values[attribute];
    ScrapeErrorReason problem = SampleValues.problemWith(value);
    if (problem != null) {
      errors.increment(problem);
      return null;
    }
    double scaled = ((Number) value).doubleValue() * scale;
    // a negative or NaN counter would break rate(); the client library also rejects negatives
    if (!(scaled >= 0.0)) {
      errors.increment(ScrapeErrorReason.INVALID_VALUE);
      return null;
    }
    return new CounterDataPointSnapshot(scaled, labels(), null, 0L);
  }
}
