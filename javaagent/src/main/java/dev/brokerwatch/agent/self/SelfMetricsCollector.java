package dev.brokerwatch.agent.self;

import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The agent's own metrics.
 *
 * <pre>
 * # TYPE brokerwatch_scrape_errors_total counter
 * brokerwatch_scrape_errors_total{metric="kafka_log_log_size",reason="bean_gone"} 3
 * # TYPE brokerwatch_scrape_duration_seconds gauge
 * brokerwatch_scrape_duration_seconds 0.012
 * </pre>
 *
 * The registry runs collectors in no fixed order, so errors of the current scrape may show only in
 * the next one; counters do not mind.
 */
public final class SelfMetricsCollector implements MultiCollector {
  static final String DURATION_NAME = "brokerwatch_scrape_duration_seconds";

  private static final MetricMetadata DURATION_METADATA =
      new MetricMetadata(DURATION_NAME, "Wall time of the most recent JMX scrape");

  private final ScrapeErrors errors;
  private final ScrapeDuration duration;

  public SelfMetricsCollector(ScrapeErrors errors, ScrapeDuration duration) {
    this.errors = errors;
    this.duration = duration;
  }

  @Override
  public MetricSnapshots collect() {
    List<MetricSnapshot> snapshots = new ArrayList<>(2);
    CounterSnapshot errorSnapshot = errors.snapshot();
    if (!errorSnapshot.getDataPoints().isEmpty()) {
      snapshots.add(errorSnapshot);
    }
    double seconds = duration.lastSeconds();
    if (!Double.isNaN(seconds)) {
      snapshots.add(
          new GaugeSnapshot(
              DURATION_METADATA,
              Collections.singletonList(new GaugeDataPointSnapshot(seconds, Labels.EMPTY, null))));
    }
    return new MetricSnapshots(snapshots);
  }

  @Override
  public List<String> getPrometheusNames() {
    return Arrays.asList(ScrapeErrors.METRIC_NAME, DURATION_NAME);
  }

  @Override
  public MetricType getMetricType(String prometheusName) {
    return ScrapeErrors.METRIC_NAME.equals(prometheusName) ? MetricType.COUNTER : MetricType.GAUGE;
  }

  @Override
  public Set<String> getLabelNames(String prometheusName) {
    return ScrapeErrors.METRIC_NAME.equals(prometheusName)
        ? new HashSet<>(Arrays.asList("metric", "reason"))
        : Collections.emptySet();
  }
}
