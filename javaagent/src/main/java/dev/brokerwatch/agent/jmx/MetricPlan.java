package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.exposition.FamilyText;
import dev.brokerwatch.agent.mapping.MetricMapping;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.MetricMetadata;

/**
 * What does not change between scrape plans for one mapped metric: its metadata, its family text
 * for the direct exposition and its error counters.
 */
final class MetricPlan {
  private final MetricMapping mapping;
  private final MetricMetadata metadata;
  private final FamilyText family;
  private final MetricErrors errors;

  MetricPlan(MetricMapping mapping, MetricErrors errors) {
    this.mapping = mapping;
    this.metadata = new MetricMetadata(mapping.baseName(), mapping.help());
    this.family = FamilyText.of(metadata, registryType());
    this.errors = errors;
  }

  MetricMapping mapping() {
    return mapping;
  }

  MetricMetadata metadata() {
    return metadata;
  }

  FamilyText family() {
    return family;
  }

  MetricErrors errors() {
    return errors;
  }

  /** The metric's type in the client library's terms. */
  MetricType registryType() {
    switch (mapping.type()) {
      case COUNTER:
        return MetricType.COUNTER;
      case GAUGE:
        return MetricType.GAUGE;
      case SUMMARY:
      default:
        return MetricType.SUMMARY;
    }
  }
}
