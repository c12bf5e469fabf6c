package dev.brokerwatch.agent.self;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts samples that a scrape had to leave out, by metric and reason:
 * {@code brokerwatch_scrape_errors_total{metric="...",reason="..."}}. Collectors resolve a {@link
 * MetricErrors} once per metric, so counting on the scrape path is one array index and one add.
 */
public final class ScrapeErrors {
  /** The counter name without {@code _total}, as the client library wants it. */
  public static final String METRIC_NAME = "brokerwatch_scrape_errors";

  private static final MetricMetadata METADATA =
      new MetricMetadata(METRIC_NAME, "Samples left out of a scrape, by mapped metric and reason");

  private final Map<String, MetricErrors> byMetric = new ConcurrentHashMap<>();

  /** The counters of one mapped metric; created on first use and kept. */
  public MetricErrors forMetric(String metric) {
    return byMetric.computeIfAbsent(metric, MetricErrors::new);
  }

  /** Current count for one metric and reason (0 when never counted). */
  public long count(String metric, ScrapeErrorReason reason) {
    MetricErrors errors = byMetric.get(metric);
    return errors == null ? 0 : errors.count(reason);
  }

  /** Total over all metrics and reasons. */
  public long total() {
    long total = 0;
    for (MetricErrors errors : byMetric.values()) {
      for (ScrapeErrorReason reason : ScrapeErrorReason.values()) {
        total += errors.count(reason);
      }
    }
    return total;
  }

  /** The counter family, with one sample per (metric, reason) that has counted anything. */
  public CounterSnapshot snapshot() {
    List<CounterDataPointSnapshot> points = new ArrayList<>();
    for (MetricErrors errors : new TreeMap<>(byMetric).values()) {
      for (ScrapeErrorReason reason : ScrapeErrorReason.values()) {
        long count = errors.count(reason);
        if (count > 0) {
          Labels labels = Labels.of("metric", errors.metric, "reason", reason.label());
          points.add(new CounterDataPointSnapshot(count, labels, null, 0L));
        }
      }
    }
    return new CounterSnapshot(METADATA, points);
  }

  /** The error counters of one mapped metric. */
  public static final class MetricErrors {
    private final String metric;
    private final LongAdder[] byReason;

    private MetricErrors(String metric) {
      this.metric = metric;
      this.byReason = new LongAdder[ScrapeErrorReason.values().length];
      for (int i = 0; i < byReason.length; i++) {
        byReason[i] = new LongAdder();
      }
    }

    public void increment(ScrapeErrorReason reason) {
      byReason[reason.ordinal()].increment();
    }

    public void add(ScrapeErrorReason reason, long count) {
      byReason[reason.ordinal()].add(count);
    }

    public long count(ScrapeErrorReason reason) {
      return byReason[reason.ordinal()].sum();
    }

    public String metric() {
      return metric;
    }
  }
}
