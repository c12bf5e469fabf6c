package dev.brokerwatch.agent.yammer;

import com.yammer.metrics.core.Gauge;
import dev.brokerwatch.agent.jmx.InProcessRead;
import dev.brokerwatch.agent.jmx.ReadFailure;

/**
 * A gauge's {@code Value}, the one attribute of most of a broker's MBeans (every partition's), as its
 * MBean answers it; see {@link YammerMetricRead}. Its own small class, as there is one per MBean.
 */
final class YammerGaugeRead implements InProcessRead {
  private final Gauge<?> gauge;

  YammerGaugeRead(Gauge<?> gauge) {
    this.gauge = gauge;
  }

  @Override
  public void read(Object[] values) {
    try {
      values[0] = gauge.value();
    } catch (Throwable t) {
      values[0] = YammerMetricRead.failure(t);
    }
  }
}
