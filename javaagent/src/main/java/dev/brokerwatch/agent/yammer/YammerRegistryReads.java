package dev.brokerwatch.agent.yammer;

import com.yammer.metrics.core.Gauge;
import com.yammer.metrics.core.Metric;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
import dev.brokerwatch.agent.jmx.InProcessRead;
import dev.brokerwatch.agent.jmx.InProcessReads;
import java.util.Map;
import javax.management.ObjectName;

/**
 * The MBeans that Yammer's {@code JmxReporter} registers for the metrics of one registry, read from
 * the metrics. The reporter names each MBean {@code new ObjectName(metricName.getMBeanName())}, and
 * an ObjectName's string form keeps the key order it was made with, so the MBean's name leads back
 * to its metric ({@code MetricName}s are equal when their MBean names are). An MBean whose name
 * leads nowhere, to a metric of another sort, or whose attributes are not all ones this reads, stays
 * with the MBean server.
 *
 * <p>The metric found is the one the MBean holds: the reporter removes a metric's MBean right after
 * the registry dropped it, and registers a new MBean for a new metric of the same name, and the
 * agent's index follows both, so a plan is rebuilt, and its MBeans looked up again, whenever that
 * happens. Between the registry's change and the MBean's, a scrape may read the old metric once
 * more, as it could read the old MBean through the server.
 */
public final class YammerRegistryReads implements InProcessReads {
  private static final String ANY = "-";

  private final Map<MetricName, Metric> metrics;
  private final String description;

  public YammerRegistryReads(MetricsRegistry registry, String description) {
    this.metrics = registry.allMetrics();
    this.description = description;
  }

  @Override
  public InProcessRead find(ObjectName name, String[] attributes) {
    if (attributes.length == 0 || name.isPattern()) {
      return null;
    }
    // equality and hash of a MetricName are its MBean name's; group, type and name are not compared
    MetricName key = new MetricName(name.getDomain(), ANY, ANY, null, name.toString());
    Metric metric = metrics.get(key);
    if (metric == null) {
      return null;
    }
    YammerMetricKind kind = YammerMetricKind.of(key, metric);
    if (kind == null) {
      return null;
    }
    YammerAttribute[] read = new YammerAttribute[attributes.length];
    for (int i = 0; i < attributes.length; i++) {
      read[i] = YammerAttribute.named(attributes[i]);
      if (read[i] == null || !kind.has(read[i])) {
        return null;
      }
    }
    if (kind == YammerMetricKind.GAUGE) {
      return new YammerGaugeRead((Gauge<?>) metric);
    }
    return new YammerMetricRead(metric, kind, read);
  }

  @Override
  public String description() {
    return description;
  }
}
