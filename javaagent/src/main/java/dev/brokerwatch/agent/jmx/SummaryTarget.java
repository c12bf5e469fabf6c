package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.self.ScrapeErrorReason;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * A Yammer Histogram or Timer as a summary: percentile attributes become quantiles (scaled), Count
 * becomes {@code _count} (never scaled) and, when asked, Mean x Count x scale becomes {@code _sum}.
 * A quantile that cannot be read costs that quantile; a count that cannot be read costs the point.
 */
final class SummaryTarget extends SampleTarget {
  private static final int NONE = -1;

  private final double[] quantiles;
  private final int[] quantileAttributes;
  private final int countAttribute;
  private final int meanAttribute;
  private final double scale;

  SummaryTarget(
      int metric,
      int slot,
      Labels labels,
      double[] quantiles,
      int[] quantileAttributes,
      int countAttribute,
      int meanAttribute,
      double scale) {
    super(metric, slot, labels);
    this.quantiles = quantiles;
    this.quantileAttributes = quantileAttributes;
    this.countAttribute = countAttribute;
    this.meanAttribute = meanAttribute;
    this.scale = scale;
  }

  static int none() {
    return NONE;
  }

  @Override
  DataPointSnapshot toDataPoint(Object[] values, MetricErrors errors) {
    long count = NONE;
    if (countAttribute != NONE) {
      Object value = values[countAttribute];
      ScrapeErrorReason problem = SampleValues.problemWith(value);
      if (problem != null) {
        errors.increment(problem);
        return null;
      }
      count = ((Number) value).longValue();
      if (count < 0) {
        errors.increment(ScrapeErrorReason.INVALID_VALUE);
        return null;
      }
    }
    double sum = Double.NaN;
    if (meanAttribute != NONE) {
      Object value = values[meanAttribute];
      ScrapeErrorReason problem = SampleValues.problemWith(value);
      if (problem != null) {
        errors.increment(problem);
      } else {
        sum = ((Number) value).doubleValue() * count * scale;
      }
    }
    List<Quantile> read = new ArrayList<>(quantiles.length);
    for (int i = 0; i < quantiles.length; i++) {
      Object value = values[quantileAttributes[i]];
      ScrapeErrorReason problem = SampleValues.problemWith(value);
      if (problem != null) {
        errors.increment(problem);
      } else {
        read.add(new Quantile(quantiles[i], ((Number) value).doubleValue() * scale));
      }
    }
    if (count == NONE && read.isEmpty()) {
      return null;
    }
    return new SummaryDataPointSnapshot(count, sum, Quantiles.of(read), labels(), Exemplars.EMPTY, 0L);
  }
}
