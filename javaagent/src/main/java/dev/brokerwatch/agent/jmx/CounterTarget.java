package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import dev.brokerwatch.agent.exposition.ExpositionText;
import dev.brokerwatch.agent.exposition.FamilyText;
import dev.brokerwatch.agent.exposition.SampleNumbers;
import dev.brokerwatch.agent.self.ScrapeErrorReason;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/** One cumulative attribute (a Yammer Meter's Count, a *-total), scaled, as a counter sample. */
final class CounterTarget extends SampleTarget {
  private final int attribute;
  private final double scale;

  CounterTarget(int metric, int cell, Labels labels, byte[] labelText, int attribute, double scale) {
    super(metric, cell, labels, labelText);
    this.attribute = attribute;
    this.scale = scale;
  }

  @Override
  int cellCount() {
    return 1;
  }

  @Override
  void record(Object[] values, SampleCells cells, MetricErrors errors) {
    Object value = values[attribute];
    ScrapeErrorReason problem = SampleValues.problemWith(value);
    if (problem != null) {
      errors.increment(problem);
      return;
    }
    double scaled = ((Number) value).doubleValue() * scale;
    // a negative or NaN counter would break rate(); the client library also rejects negatives
    if (!(scaled >= 0.0)) {
      errors.increment(ScrapeErrorReason.INVALID_VALUE);
      return;
    }
    cells.putDouble(cell(), scaled);
  }

  @Override
  DataPointSnapshot toDataPoint(SampleCells cells) {
    return new CounterDataPointSnapshot(cells.doubleAt(cell()), labels(), null, 0L);
  }

  @Override
  void writeLines(SampleCells cells, FamilyText family, ExpositionBuffer out) {
    ExpositionText.appendSeries(out, family.series(FamilyText.VALUE), labelText(), null);
    SampleNumbers.appendDouble(out, cells.doubleAt(cell()));
    out.append((byte) '\n');
  }
}
