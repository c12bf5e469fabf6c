package dev.brokerwatch.agent.testing;

import dev.brokerwatch.agent.exposition.DirectExposition;
import dev.brokerwatch.agent.exposition.DirectReading;
import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import dev.brokerwatch.agent.exposition.ExpositionFormat;
import dev.brokerwatch.agent.self.ScrapeErrors;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import java.util.Map;
import java.util.TreeMap;

/** What a reading writes and what it counted, for tests that compare two ways of reading. */
public final class Readings {
  private Readings() {}

  /** The text of {@code reading} in {@code format}; closes the reading. */
  public static String text(DirectExposition exposition, DirectReading reading, ExpositionFormat format) {
    try (DirectReading r = reading) {
      ExpositionBuffer out = new ExpositionBuffer();
      exposition.writeTo(r, out, format);
      return out.toUtf8String();
    }
  }

  /** The errors counted so far, by "metric/reason". */
  public static Map<String, Long> errorCounts(ScrapeErrors errors) {
    Map<String, Long> counts = new TreeMap<>();
    for (CounterDataPointSnapshot point : errors.snapshot().getDataPoints()) {
      counts.put(point.getLabels().get("metric") + "/" + point.getLabels().get("reason"), (long) point.getValue());
    }
    return counts;
  }
}
