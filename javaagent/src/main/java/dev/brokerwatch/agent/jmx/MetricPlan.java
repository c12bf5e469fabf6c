package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.exposition.FamilyText;
import dev.brokerwatch.agent.mapping.JmxSource;
import dev.brokerwatch.agent.mapping.MetricMapping;
import dev.brokerwatch.agent.mapping.MetricSource;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.HashSet;
import java.util.Set;

/**
 * What does not change between scrape plans for one mapped metric: its metadata, its family text
 * for the direct exposition and its error counters.
 */
final class MetricPlan {
  private final MetricMapping mapping;
  private final MetricMetadata metadata;
  private final FamilyText family;
  private final MetricErrors errors;
  private final boolean orderedByValues;

  MetricPlan(MetricMapping mapping, MetricErrors errors) {
    this.mapping = mapping;
    this.metadata = new MetricMetadata(mapping.baseName(), mapping.help());
    this.family = FamilyText.of(metadata, registryType());
    this.errors = errors;
    this.orderedByValues = orderedByValues(mapping);
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

  /**
   * True when the order of the samples can depend on the values read (see {@link SampleOrder}): a
   * value label sorts before a label that is not one. When every value label sorts after the other
   * labels, those decide the order first, and samples that agree on all of them are duplicates, so
   * the plan's order holds.
   */
  boolean orderedByValues() {
    return orderedByValues;
  }

  private static boolean orderedByValues(MetricMapping mapping) {
    Set<String> valueLabels = new HashSet<>();
    for (MetricSource source : mapping.sources()) {
      if (source instanceof JmxSource && ((JmxSource) source).valueLabel() != null) {
        valueLabels.add(((JmxSource) source).valueLabel());
      }
    }
    for (String label : mapping.labelNames()) {
      if (valueLabels.contains(label)) {
        continue;
      }
      for (String valueLabel : valueLabels) {
        if (valueLabel.compareTo(label) < 0) {
          return true;
        }
      }
    }
    return false;
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
