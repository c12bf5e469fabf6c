package dev.brokerwatch.agent.yammer;

import com.yammer.metrics.core.Counter;
import com.yammer.metrics.core.Gauge;
import com.yammer.metrics.core.Histogram;
import com.yammer.metrics.core.Metered;
import com.yammer.metrics.core.Metric;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricProcessor;
import com.yammer.metrics.core.Timer;

/**
 * The MBean Yammer's {@code JmxReporter} registers for a metric, and so the attributes it has: a
 * gauge's {@code Value}; a counter's {@code Count}; a meter's {@code Count} and rates; a histogram's
 * {@code Count}, min, max, mean, standard deviation and percentiles; a timer's all of those.
 */
enum YammerMetricKind {
  GAUGE,
  COUNTER,
  METER,
  HISTOGRAM,
  TIMER;

  /**
   * The kind of {@code metric} as the reporter decides it (the metric's {@code processWith} picks the
   * MBean), or null when that fails.
   */
  static YammerMetricKind of(MetricName name, Metric metric) {
    YammerMetricKind[] kind = new YammerMetricKind[1];
    try {
      metric.processWith(KIND, name, kind);
    } catch (Exception | LinkageError e) {
      return null;
    }
    return kind[0];
  }

  private static final MetricProcessor<YammerMetricKind[]> KIND =
      new MetricProcessor<YammerMetricKind[]>() {
        @Override
        public void processMeter(MetricName name, Metered meter, YammerMetricKind[] kind) {
          kind[0] = METER;
        }

        @Override
        public void processCounter(MetricName name, Counter counter, YammerMetricKind[] kind) {
          kind[0] = COUNTER;
        }

        @Override
        public void processHistogram(MetricName name, Histogram histogram, YammerMetricKind[] kind) {
          kind[0] = HISTOGRAM;
        }

        @Override
        public void processTimer(MetricName name, Timer timer, YammerMetricKind[] kind) {
          kind[0] = TIMER;
        }

        @Override
        public void processGauge(MetricName name, Gauge<?> gauge, YammerMetricKind[] kind) {
          kind[0] = GAUGE;
        }
      };

  /** True when this kind's MBean has {@code attribute}. */
  boolean has(YammerAttribute attribute) {
    switch (this) {
      case GAUGE:
        return attribute == YammerAttribute.VALUE;
      case COUNTER:
        return attribute == YammerAttribute.COUNT;
      case METER:
        return attribute == YammerAttribute.COUNT || attribute.rate();
      case HISTOGRAM:
        return attribute == YammerAttribute.COUNT || attribute.summary() || attribute.fromSnapshot();
      case TIMER:
      default:
        return attribute != YammerAttribute.VALUE;
    }
  }
}
