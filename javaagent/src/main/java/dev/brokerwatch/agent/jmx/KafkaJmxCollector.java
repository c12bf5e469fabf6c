package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.mapping.MetricMapping;
import dev.brokerwatch.agent.self.ScrapeDuration;
import dev.brokerwatch.agent.self.ScrapeErrorReason;
import dev.brokerwatch.agent.self.ScrapeErrors;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;

/**
 * Exports the jmx metrics of a mapping.
 *
 * <pre>
 * # TYPE kafka_server_replicamanager_isrshrinks_total counter
 * kafka_server_replicamanager_isrshrinks_total 4.0
 * # TYPE kafka_log_log_size gauge
 * kafka_log_log_size{partition="0",topic="orders"} 1638400.0
 * # TYPE kafka_network_requestmetrics_totaltimems summary
 * kafka_network_requestmetrics_totaltimems{request="Produce",quantile="0.99"} 9.0
 * kafka_network_requestmetrics_totaltimems_count{request="Produce"} 1234
 * </pre>
 *
 * <p>A scrape never asks the MBean server for names: the {@link ObjectNameIndex} was resolved once
 * and is kept current by {@link MBeanRegistrationListener}. It reads each MBean with one bulk call,
 * uses labels computed when the MBean was indexed, and builds the snapshots directly. Any failure
 * costs the affected samples only and is counted in {@code brokerwatch_scrape_errors_total}; a
 * scrape never throws. Scrapes may run concurrently: they share only the immutable plan.
 */
public final class KafkaJmxCollector implements MultiCollector, AutoCloseable {
  private final MBeanServer server;
  private final ObjectNameIndex index;
  private final MBeanRegistrationListener listener;
  private final BulkAttributeReader reader;
  private final MetricPlan[] metrics;
  private final ScrapeDuration duration;
  private final List<String> prometheusNames;
  private final Map<String, MetricPlan> metricsByPrometheusName = new HashMap<>();

  private final Object planLock = new Object();
  private volatile ScrapePlan plan;

  private KafkaJmxCollector(
      MBeanServer server, List<MetricMapping> jmxMetrics, ScrapeErrors errors, ScrapeDuration duration) {
    this.server = server;
    this.index = new ObjectNameIndex(jmxMetrics);
    this.listener = new MBeanRegistrationListener(index);
    this.reader = new BulkAttributeReader(server);
    this.duration = duration;
    this.metrics = new MetricPlan[jmxMetrics.size()];
    List<String> names = new ArrayList<>(jmxMetrics.size());
    for (int i = 0; i < metrics.length; i++) {
      MetricMapping mapping = jmxMetrics.get(i);
      metrics[i] = new MetricPlan(mapping, errors.forMetric(mapping.name()));
      names.add(mapping.baseName());
      metricsByPrometheusName.put(mapping.baseName(), metrics[i]);
    }
    this.prometheusNames = Collections.unmodifiableList(names);
    this.plan = ScrapePlan.empty(metrics.length);
  }

  /**
   * Indexes the jmx metrics of {@code jmxMetrics} against {@code server}: listens for registrations
   * first, then resolves every pattern once, so no MBean registered in between is missed.
   */
  public static KafkaJmxCollector start(
      MBeanServer server, List<MetricMapping> jmxMetrics, ScrapeErrors errors, ScrapeDuration duration)
      throws InstanceNotFoundException {
    KafkaJmxCollector collector = new KafkaJmxCollector(server, jmxMetrics, errors, duration);
    collector.listener.install(server);
    try {
      collector.index.resolveAll(server);
    } catch (RuntimeException e) {
      collector.close();
      throw e;
    }
    return collector;
  }

  /** Stops following MBean registrations. */
  @Override
  public void close() {
    listener.uninstall(server);
  }

  /** Number of MBeans that feed at least one metric. */
  public int indexedBeans() {
    return index.size();
  }

  @Override
  public MetricSnapshots collect() {
    long start = System.nanoTime();
    ScrapePlan current = currentPlan();
    DataPointSnapshot[][] slots = new DataPointSnapshot[metrics.length][];
    Object[] values = new Object[current.maxAttributes()];
    for (BeanRead read : current.reads()) {
      readBean(current, read, values, slots);
    }
    List<MetricSnapshot> snapshots = new ArrayList<>(metrics.length);
    for (int m = 0; m < metrics.length; m++) {
      MetricPlan metric = metrics[m];
      if (current.duplicates(m) > 0) {
        metric.errors().add(ScrapeErrorReason.DUPLICATE_LABELS, current.duplicates(m));
      }
      if (slots[m] == null) {
        continue;
      }
      try {
        MetricSnapshot snapshot = snapshot(metric, slots[m]);
        if (snapshot != null) {
          snapshots.add(snapshot);
        }
      } catch (RuntimeException e) {
        metric.errors().increment(ScrapeErrorReason.INTERNAL);
      }
    }
    MetricSnapshots result = new MetricSnapshots(snapshots);
    duration.record(System.nanoTime() - start);
    return result;
  }

  private void readBean(ScrapePlan current, BeanRead read, Object[] values, DataPointSnapshot[][] slots) {
    SampleTarget[] targets = read.targets();
    try {
      boolean registered = reader.read(read.name(), read.attributes(), values);
      if (!registered) {
        // the unregistration notification may still be on its way; stop reading this bean now
        index.remove(read.name());
      }
      for (SampleTarget target : targets) {
        MetricErrors errors = metrics[target.metric()].errors();
        try {
          DataPointSnapshot point = target.toDataPoint(values, errors);
          if (point != null) {
            DataPointSnapshot[] metricSlots = slots[target.metric()];
            if (metricSlots == null) {
              metricSlots = new DataPointSnapshot[current.slotCount(target.metric())];
              slots[target.metric()] = metricSlots;
            }
            metricSlots[target.slot()] = point;
          }
        } catch (RuntimeException e) {
          errors.increment(ScrapeErrorReason.INTERNAL);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      for (SampleTarget target : targets) {
        metrics[target.metric()].errors().increment(ScrapeErrorReason.READ_FAILED);
      }
    } finally {
      Arrays.fill(values, 0, read.attributes().length, null);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static MetricSnapshot snapshot(MetricPlan metric, DataPointSnapshot[] slots) {
    List points = new ArrayList(slots.length);
    for (DataPointSnapshot point : slots) {
      if (point != null) {
        points.add(point);
      }
    }
    if (points.isEmpty()) {
      return null;
    }
    switch (metric.mapping().type()) {
      case COUNTER:
        return new CounterSnapshot(metric.metadata(), (List<CounterDataPointSnapshot>) points);
      case GAUGE:
        return new GaugeSnapshot(metric.metadata(), (List<GaugeDataPointSnapshot>) points);
      case SUMMARY:
      default:
        return new SummarySnapshot(metric.metadata(), (List<SummaryDataPointSnapshot>) points);
    }
  }

  /** The plan for the index's current generation, rebuilt at most once per change. */
  private ScrapePlan currentPlan() {
    ScrapePlan current = plan;
    if (current.generation() == index.generation()) {
      return current;
    }
    synchronized (planLock) {
      current = plan;
      if (current.generation() != index.generation()) {
        current = ScrapePlan.build(index.snapshot(), metrics);
        plan = current;
      }
      return current;
    }
  }

  @Override
  public List<String> getPrometheusNames() {
    return prometheusNames;
  }

  @Override
  public MetricType getMetricType(String prometheusName) {
    MetricPlan metric = metricsByPrometheusName.get(prometheusName);
    if (metric == null) {
      return null;
    }
    switch (metric.mapping().type()) {
      case COUNTER:
        return MetricType.COUNTER;
      case GAUGE:
        return MetricType.GAUGE;
      case SUMMARY:
      default:
        return MetricType.SUMMARY;
    }
  }

  @Override
  public Set<String> getLabelNames(String prometheusName) {
    MetricPlan metric = metricsByPrometheusName.get(prometheusName);
    return metric == null ? Collections.<String>emptySet() : new LinkedHashSet<>(metric.mapping().labelNames());
  }
}
