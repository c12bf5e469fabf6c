package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import dev.brokerwatch.agent.exposition.FamilyText;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * One sample of one metric, fed by one MBean: turns the attribute values read from the MBean into
 * recorded values, and those into either a client library data point or exposition lines. Attribute
 * positions, labels (also as ready exposition text), scale and cells are fixed when the scrape plan
 * is built.
 */
abstract class SampleTarget {
  private final int metric;
  private final int cell;
  private final Labels labels;
  private final byte[] labelText;

  SampleTarget(int metric, int cell, Labels labels, byte[] labelText) {
    this.metric = metric;
    this.cell = cell;
    this.labels = labels;
    this.labelText = labelText;
  }

  /** Index of the metric in the plan. */
  final int metric() {
    return metric;
  }

  /** The first of this target's cells. */
  final int cell() {
    return cell;
  }

  final Labels labels() {
    return labels;
  }

  /** The labels as exposition text, see {@link dev.brokerwatch.agent.exposition.ExpositionText#labelText}. */
  final byte[] labelText() {
    return labelText;
  }

  /**
   * The labels of the sample recorded in {@code cells}: {@link #labels()}, except for a target whose
   * labels depend on the value read.
   */
  Labels sampleLabels(SampleCells cells) {
    return labels;
  }

  /** True when this scrape recorded a sample for this target. */
  final boolean recorded(SampleCells cells) {
    return cells.recorded(cell);
  }

  /** How many cells, from {@link #cell()} on, this target uses. */
  abstract int cellCount();

  /**
   * Keeps in {@code cells} what the raw attribute values make of this sample; a value that cannot
   * be a sample is counted in {@code errors} instead, and then nothing (or, for a summary, less)
   * is recorded.
   */
  abstract void record(Object[] values, SampleCells cells, MetricErrors errors);

  /** The recorded sample as the client library's data point. */
  abstract DataPointSnapshot toDataPoint(SampleCells cells);

  /** The recorded sample's lines, as the client library's text writers would write them. */
  abstract void writeLines(SampleCells cells, FamilyText family, ExpositionBuffer out);
}
