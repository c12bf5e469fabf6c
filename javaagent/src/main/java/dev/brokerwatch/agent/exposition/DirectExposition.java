package dev.brokerwatch.agent.exposition;

import java.util.List;

/**
 * Metric families that can be written straight into a scrape's buffer, byte for byte as the client
 * library would write them, instead of going through the library's snapshots and writers. Their
 * collector stays registered with the library too, which still serves every request the direct
 * path does not handle.
 */
public interface DirectExposition {
  /** False when some family cannot be written exactly as the library would; then the library serves all. */
  boolean directlyWritable();

  /** The registry names of the families written directly, for leaving them out of the library's part. */
  List<String> getPrometheusNames();

  /**
   * Reads the values and appends the families that have samples, in the library's order (sorted
   * by name), to {@code out}. Never throws: a failure costs the affected samples or family only.
   */
  void writeTo(ExpositionBuffer out, ExpositionFormat format);
}
