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

/**
 * A String attribute as the value of a label, on a gauge sample of 1 ({@code value-label}): how
 * Prometheus queries a state such as the KRaft {@code current-state}, since a sample value must be
 * a number. Unlike the other targets its labels are known only once read, so its cell holds the
 * index of the value in the MBean's {@link LabelValueTable}, which has the labels and their text.
 *
 * <p>{@link #labels()} are the labels with the value label empty: the plan sorts and deduplicates
 * by them, so two MBeans that differ only in the value label's value count as duplicates.
 */
final class ValueLabelTarget extends SampleTarget {
  private static final double ONE = 1.0;

  private final int attribute;
  private final LabelValueTable values;

  ValueLabelTarget(int metric, int cell, Labels labels, byte[] labelText, int attribute, LabelValueTable values) {
    super(metric, cell, labels, labelText);
    this.attribute = attribute;
    this.values = values;
  }

  @Override
  int cellCount() {
    return 1;
  }

  @Override
  void record(Object[] read, SampleCells cells, MetricErrors errors) {
    Object value = read[attribute];
    ScrapeErrorReason problem = SampleValues.problemWithLabelValue(value);
    if (problem != null) {
      errors.increment(problem);
      return;
    }
    int index = values.indexOf((String) value);
    if (index == LabelValueTable.REFUSED) {
      errors.increment(ScrapeErrorReason.INVALID_VALUE);
      return;
    }
    cells.putLong(cell(), index);
  }

  @Override
  Labels sampleLabels(SampleCells cells) {
    return cells.recorded(cell()) ? values.labels((int) cells.longAt(cell())) : labels();
  }

  @Override
  DataPointSnapshot toDataPoint(SampleCells cells) {
    return new GaugeDataPointSnapshot(ONE, values.labels((int) cells.longAt(cell())), null);
  }

  @Override
  void writeLines(SampleCells cells, FamilyText family, ExpositionBuffer out) {
    byte[] labelText = values.labelText((int) cells.longAt(cell()));
    ExpositionText.appendSeries(out, family.series(FamilyText.VALUE), labelText, null);
    SampleNumbers.appendDouble(out, ONE);
    out.append((byte) '\n');
  }
}
