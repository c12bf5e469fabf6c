package dev.brokerwatch.agent.testing;

/** A Yammer-like histogram with fixed percentiles. */
public final class FakeHistogram implements FakeHistogramMBean {
  private final long count;
  private final double mean;
  private final double p50;
  private final double p99;

  public FakeHistogram(long count, double mean, double p50, double p99) {
    this.count = count;
    this.mean = mean;
    this.p50 = p50;
    this.p99 = p99;
  }

  @Override
  public long getCount() {
    return count;
  }

  @Override
  public double getMin() {
    return 0;
  }

  @Override
  public double getMax() {
    return p99 * 2;
  }

  @Override
  public double getMean() {
    return mean;
  }

  @Override
  public double getStdDev() {
    return 1;
  }

  @Override
  public double get50thPercentile() {
    return p50;
  }

  @Override
  public double get75thPercentile() {
    return p50;
  }

  @Override
  public double get95thPercentile() {
    return p99;
  }

  @Override
  public double get98thPercentile() {
    return p99;
  }

  @Override
  public double get99thPercentile() {
    return p99;
  }

  @Override
  public double get999thPercentile() {
    return p99;
  }
}
