package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import dev.brokerwatch.agent.exposition.ExpositionText;
import dev.brokerwatch.agent.exposition.FamilyText;
import dev.brokerwatch.agent.exposition.SampleNumbers;
import dev.brokerwatch.agent.self.ScrapeErrorReason;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/** One attribute, scaled, as a gauge sample. NaN is exported as NaN. */
final class GaugeTarget extends SampleTarget {
  private final int attribute;
  private final double scale;

  GaugeTarget(int metric, int cell, Labels labels, byte[] labelText, int attribute, double scale) {
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
    cells.putDouble(cell(), ((Number) value).doubleValue() * scale);
  }

  @Override
  DataPointSnapshot toDataPoint(SampleCells cells) {
    return new GaugeDataPointSnapshot(cells.doubleAt(cell()), labels(), null);
  }

  @Override
  void writeLines(SampleCells cells, FamilyText family, ExpositionBuffer out) {
    ExpositionText.appendSeries(out, family.series(FamilyText.VALUE), labelText(), null);
    SampleNumbers.appendDouble(out, cells.doubleAt(cell()));
    out.append((byte) '\n');
  }
}
