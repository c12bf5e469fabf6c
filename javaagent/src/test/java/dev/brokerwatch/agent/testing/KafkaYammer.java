package dev.brokerwatch.agent.testing;

import com.yammer.metrics.core.Gauge;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
import java.util.function.Supplier;
import javax.management.ObjectName;

/** Yammer metrics named as Kafka names them, for tests that read a real Yammer registry. */
public final class KafkaYammer {
  private KafkaYammer() {}

  /** A MetricName as Kafka makes them: the MBean name given in full, keys in this order. */
  public static MetricName name(String domain, String keys) {
    String mbean = domain + ":" + keys;
    ObjectName parsed = Beans.name(mbean);
    return new MetricName(domain, parsed.getKeyProperty("type"), parsed.getKeyProperty("name"), null, mbean);
  }

  /** A gauge whose value {@code value} gives on each read. */
  public static void gauge(MetricsRegistry registry, String domain, String keys, Supplier<Object> value) {
    registry.newGauge(name(domain, keys), new Gauge<Object>() {
      @Override
      public Object value() {
        return value.get();
      }
    });
  }
}
