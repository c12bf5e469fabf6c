package dev.brokerwatch.agent.yammer;

import com.yammer.metrics.core.Counter;
import com.yammer.metrics.core.Histogram;
import com.yammer.metrics.core.Metered;
import com.yammer.metrics.core.Metric;
import com.yammer.metrics.core.Sampling;
import com.yammer.metrics.core.Timer;
import com.yammer.metrics.stats.Snapshot;
import dev.brokerwatch.agent.jmx.InProcessRead;
import dev.brokerwatch.agent.jmx.ReadFailure;

/**
 * Some attributes of the MBean of one Yammer counter, meter, histogram or timer (a gauge's: {@link
 * YammerGaugeRead}), read from the metric: the same calls the MBean's getters make, with their
 * results boxed as the MBean server boxes them ({@code Long} counts, {@code Double} statistics). A
 * getter that throws costs its attribute, as it does through the server: an exception as {@link
 * ReadFailure#ATTRIBUTE_UNAVAILABLE} (the server's bulk read leaves the attribute out), an {@code
 * Error} as {@link ReadFailure#READ_FAILED} (the server wraps it, and the attribute read on its own
 * fails). The percentiles share one snapshot of the samples, where the MBean takes one per getter:
 * the same values unless the metric is updated between two getters.
 */
final class YammerMetricRead implements InProcessRead {
  private final Metric metric;
  private final YammerMetricKind kind;
  private final YammerAttribute[] attributes;

  YammerMetricRead(Metric metric, YammerMetricKind kind, YammerAttribute[] attributes) {
    this.metric = metric;
    this.kind = kind;
    this.attributes = attributes;
  }

  @Override
  public void read(Object[] values) {
    Snapshot snapshot = null;
    ReadFailure snapshotFailure = null;
    for (int i = 0; i < attributes.length; i++) {
      YammerAttribute attribute = attributes[i];
      if (attribute.fromSnapshot()) {
        if (snapshot == null && snapshotFailure == null) {
          try {
            snapshot = ((Sampling) metric).getSnapshot();
          } catch (Throwable t) {
            snapshotFailure = failure(t);
          }
        }
        values[i] = snapshot == null ? snapshotFailure : percentile(snapshot, attribute);
      } else {
        values[i] = value(attribute);
      }
    }
  }

  private Object value(YammerAttribute attribute) {
    try {
      switch (attribute) {
        case COUNT:
          return count();
        case MIN:
          return kind == YammerMetricKind.TIMER ? ((Timer) metric).min() : ((Histogram) metric).min();
        case MAX:
          return kind == YammerMetricKind.TIMER ? ((Timer) metric).max() : ((Histogram) metric).max();
        case MEAN:
          return kind == YammerMetricKind.TIMER ? ((Timer) metric).mean() : ((Histogram) metric).mean();
        case STD_DEV:
          return kind == YammerMetricKind.TIMER ? ((Timer) metric).stdDev() : ((Histogram) metric).stdDev();
        case MEAN_RATE:
          return ((Metered) metric).meanRate();
        case ONE_MINUTE_RATE:
          return ((Metered) metric).oneMinuteRate();
        case FIVE_MINUTE_RATE:
          return ((Metered) metric).fiveMinuteRate();
        case FIFTEEN_MINUTE_RATE:
          return ((Metered) metric).fifteenMinuteRate();
        default:
          return ReadFailure.ATTRIBUTE_UNAVAILABLE;
      }
    } catch (Throwable t) {
      return failure(t);
    }
  }

  private Object count() {
    switch (kind) {
      case COUNTER:
        return ((Counter) metric).count();
      case HISTOGRAM:
        return ((Histogram) metric).count();
      case METER:
      case TIMER:
      default:
        return ((Metered) metric).count();
    }
  }

  private static Object percentile(Snapshot snapshot, YammerAttribute attribute) {
    try {
      switch (attribute) {
        case P50:
          return snapshot.getMedian();
        case P75:
          return snapshot.get75thPercentile();
        case P95:
          return snapshot.get95thPercentile();
        case P98:
          return snapshot.get98thPercentile();
        case P99:
          return snapshot.get99thPercentile();
        case P999:
        default:
          return snapshot.get999thPercentile();
      }
    } catch (Throwable t) {
      return failure(t);
    }
  }

  static ReadFailure failure(Throwable thrown) {
    return thrown instanceof Error ? ReadFailure.READ_FAILED : ReadFailure.ATTRIBUTE_UNAVAILABLE;
  }
}
