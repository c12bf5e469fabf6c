package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.self.ScrapeErrorReason;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/** One attribute, scaled, as a gauge sample. NaN is exported as NaN. */
final class GaugeTarget extends SampleTarget {
  private final int attribute;
  private final double scale;

  GaugeTarget(int metric, int slot, Labels labels, int attribute, double scale) {
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
    return new GaugeDataPointSnapshot(((Number) value).doubleValue() * scale, labels(), null);
  }
}
