package dev.brokerwatch.agent.exposition;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;

/**
 * Metric families that can be written straight into a scrape's buffer, byte for byte as the client
 * library would write them, instead of going through the library's snapshots and writers. Reading
 * the values is separate from writing them, so one reading can answer several scrapes in different
 * formats. The collector stays registered with the library too.
 */
public interface DirectExposition {
  /** False when some family cannot be written exactly as the library would; then only snapshots are used. */
  boolean directlyWritable();

  /** The registry names of the families written directly, for leaving them out of the library's part. */
  List<String> getPrometheusNames();

  /** Reads the values once. Never throws: a failure costs the affected samples only. */
  DirectReading read();

  /**
   * As {@link #read()}, but every value through the MBean server, none from the objects behind the
   * MBeans: the same values by the other path, for comparing the two.
   */
  DirectReading readThroughMBeanServer();

  /**
   * Appends the families of {@code reading} that have samples, in the library's order (sorted by
   * name), to {@code out}. Safe to call from several threads on the same reading. Never throws.
   */
  void writeTo(DirectReading reading, ExpositionBuffer out, ExpositionFormat format);

  /** The same families as the client library's snapshots, for every other format. */
  MetricSnapshots snapshots(DirectReading reading);
}
