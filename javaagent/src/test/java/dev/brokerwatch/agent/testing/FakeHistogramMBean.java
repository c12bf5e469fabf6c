package dev.brokerwatch.agent.testing;

/** The shape of a Yammer {@code JmxReporter$Histogram}. */
public interface FakeHistogramMBean {
  long getCount();

  double getMin();

  double getMax();

  double getMean();

  double getStdDev();

  double get50thPercentile();

  double get75thPercentile();

  double get95thPercentile();

  double get98thPercentile();

  double get99thPercentile();

  double get999thPercentile();
}
