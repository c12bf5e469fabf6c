package dev.brokerwatch.agent.cgroup;

import dev.brokerwatch.agent.mapping.CgroupField;
import dev.brokerwatch.agent.mapping.CgroupSource;
import dev.brokerwatch.agent.mapping.MetricMapping;
import dev.brokerwatch.agent.self.ScrapeErrorReason;
import dev.brokerwatch.agent.self.ScrapeErrors;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Exports the {@code cgroup <field>} metrics of a mapping under the mapping's names, for example
 *
 * <pre>
 * # TYPE kafka_memory_working_set_bytes gauge
 * kafka_memory_working_set_bytes 7.516192768E8
 * # TYPE kafka_memory_oom_ratio gauge
 * kafka_memory_oom_ratio 0.7
 * </pre>
 *
 * Without a memory limit the limit and both ratios are left out. Without a readable cgroup the
 * collector exports nothing.
 */
public final class CgroupMemoryCollector implements MultiCollector {
  private final CgroupMemoryReader reader;
  private final List<Exported> exported;
  private final List<String> names;

  /** {@code reader} may be null: then nothing is exported. */
  public CgroupMemoryCollector(CgroupMemoryReader reader, List<MetricMapping> cgroupMetrics, ScrapeErrors errors) {
    this.reader = reader;
    List<Exported> list = new ArrayList<>();
    List<String> prometheusNames = new ArrayList<>();
    for (MetricMapping metric : cgroupMetrics) {
      CgroupField field = ((CgroupSource) metric.sources().get(0)).field();
      list.add(new Exported(new MetricMetadata(metric.baseName(), metric.help()), field, errors.forMetric(metric.name())));
      prometheusNames.add(metric.baseName());
    }
    this.exported = Collections.unmodifiableList(list);
    this.names = Collections.unmodifiableList(prometheusNames);
  }

  @Override
  public MetricSnapshots collect() {
    if (reader == null || exported.isEmpty()) {
      return new MetricSnapshots(Collections.<MetricSnapshot>emptyList());
    }
    MemoryReading reading;
    try {
      reading = reader.read();
    } catch (IOException | RuntimeException e) {
      for (Exported metric : exported) {
        metric.errors.increment(ScrapeErrorReason.READ_FAILED);
      }
      return new MetricSnapshots(Collections.<MetricSnapshot>emptyList());
    }
    List<MetricSnapshot> snapshots = new ArrayList<>(exported.size());
    for (Exported metric : exported) {
      double value = reading.value(metric.field);
      if (Double.isNaN(value)) {
        // no limit is a normal state, not an error; a value missing from the files is
        if (!(MemoryReading.needsLimit(metric.field) && !reading.hasLimit())) {
          metric.errors.increment(ScrapeErrorReason.ATTRIBUTE_UNAVAILABLE);
        }
        continue;
      }
      snapshots.add(
          new GaugeSnapshot(
              metric.metadata, Collections.singletonList(new GaugeDataPointSnapshot(value, Labels.EMPTY, null))));
    }
    return new MetricSnapshots(snapshots);
  }

  @Override
  public List<String> getPrometheusNames() {
    return names;
  }

  @Override
  public MetricType getMetricType(String prometheusName) {
    return names.contains(prometheusName) ? MetricType.GAUGE : null;
  }

  @Override
  public Set<String> getLabelNames(String prometheusName) {
    return Collections.emptySet();
  }

  /** One exported cgroup metric. */
  private static final class Exported {
    final MetricMetadata metadata;
    final CgroupField field;
    final MetricErrors errors;

    Exported(MetricMetadata metadata, CgroupField field, MetricErrors errors) {
      this.metadata = metadata;
      this.field = field;
      this.errors = errors;
    }
  }
}
