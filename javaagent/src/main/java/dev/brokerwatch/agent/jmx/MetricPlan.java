package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.mapping.MetricMapping;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.snapshots.MetricMetadata;

/** What does not change between scrape plans for one mapped metric: its metadata and error counters. */
final class MetricPlan {
  private final MetricMapping mapping;
  private final MetricMetadata metadata;
  private final MetricErrors errors;

  MetricPlan(MetricMapping mapping, MetricErrors errors) {
    this.mapping = mapping;
    this.metadata = new MetricMetadata(mapping.baseName(), mapping.help());
    this.errors = errors;
  }

  MetricMapping mapping() {
    return mapping;
  }

  MetricMetadata metadata() {
    return metadata;
  }

  MetricErrors errors() {
    return errors;
  }
}
