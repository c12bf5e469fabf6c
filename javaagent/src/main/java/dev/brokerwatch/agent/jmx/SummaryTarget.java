package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import dev.brokerwatch.agent.exposition.ExpositionText;
import dev.brokerwatch.agent.exposition.FamilyText;
import dev.brokerwatch.agent.exposition.SampleNumbers;
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
 *
 * <p>Cells: the count (-1 without a count attribute), which also marks the sample recorded; the sum
 * (NaN when unknown); then one per quantile, in ascending quantile order.
 */
final class SummaryTarget extends SampleTarget {
  private static final int NONE = -1;
  private static final int SUM_CELL = 1;
  private static final int FIRST_QUANTILE_CELL = 2;

  private final double[] quantiles;
  private final int[] quantileAttributes;
  private final byte[][] quantileLabels;
  private final int countAttribute;
  private final int meanAttribute;
  private final double scale;

  /**
   * @param quantiles ascending, as the client library orders them
   * @param quantileLabels the {@code quantile="..."} text of each quantile
   */
  SummaryTarget(
      int metric,
      int cell,
      Labels labels,
      byte[] labelText,
      double[] quantiles,
      int[] quantileAttributes,
      byte[][] quantileLabels,
      int countAttribute,
      int meanAttribute,
      double scale) {
    super(metric, cell, labels, labelText);
    this.quantiles = quantiles;
    this.quantileAttributes = quantileAttributes;
    this.quantileLabels = quantileLabels;
    this.countAttribute = countAttribute;
    this.meanAttribute = meanAttribute;
    this.scale = scale;
  }

  static int none() {
    return NONE;
  }

  @Override
  int cellCount() {
    return FIRST_QUANTILE_CELL + quantiles.length;
  }

  @Override
  void record(Object[] values, SampleCells cells, MetricErrors errors) {
    long count = NONE;
    if (countAttribute != NONE) {
      Object value = values[countAttribute];
      ScrapeErrorReason problem = SampleValues.problemWith(value);
      if (problem != null) {
        errors.increment(problem);
        return;
      }
      count = ((Number) value).longValue();
      if (count < 0) {
        errors.increment(ScrapeErrorReason.INVALID_VALUE);
        return;
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
    int read = 0;
    for (int i = 0; i < quantiles.length; i++) {
      Object value = values[quantileAttributes[i]];
      ScrapeErrorReason problem = SampleValues.problemWith(value);
      if (problem != null) {
        errors.increment(problem);
      } else {
        cells.putDouble(cell() + FIRST_QUANTILE_CELL + i, ((Number) value).doubleValue() * scale);
        read++;
      }
    }
    if (count == NONE && read == 0) {
      return;
    }
    cells.putDouble(cell() + SUM_CELL, sum);
    // last, because it marks the sample recorded
    cells.putLong(cell(), count);
  }

  @Override
  DataPointSnapshot toDataPoint(SampleCells cells) {
    List<Quantile> read = new ArrayList<>(quantiles.length);
    for (int i = 0; i < quantiles.length; i++) {
      int cell = cell() + FIRST_QUANTILE_CELL + i;
      if (cells.recorded(cell)) {
        read.add(new Quantile(quantiles[i], cells.doubleAt(cell)));
      }
    }
    return new SummaryDataPointSnapshot(
        cells.longAt(cell()), cells.doubleAt(cell() + SUM_CELL), Quantiles.of(read), labels(), Exemplars.EMPTY, 0L);
  }

  @Override
  void writeLines(SampleCells cells, FamilyText family, ExpositionBuffer out) {
    for (int i = 0; i < quantiles.length; i++) {
      int cell = cell() + FIRST_QUANTILE_CELL + i;
      if (cells.recorded(cell)) {
        ExpositionText.appendSeries(out, family.series(FamilyText.VALUE), labelText(), quantileLabels[i]);
        SampleNumbers.appendDouble(out, cells.doubleAt(cell));
        out.append((byte) '\n');
      }
    }
    long count = cells.longAt(cell());
    if (count >= 0) {
      ExpositionText.appendSeries(out, family.series(FamilyText.COUNT), labelText(), null);
      SampleNumbers.appendLong(out, count);
      out.append((byte) '\n');
    }
    double sum = cells.doubleAt(cell() + SUM_CELL);
    if (!Double.isNaN(sum)) {
      ExpositionText.appendSeries(out, family.series(FamilyText.SUM), labelText(), null);
      SampleNumbers.appendDouble(out, sum);
      out.append((byte) '\n');
    }
  }
}
