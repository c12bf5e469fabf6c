package dev.brokerwatch.agent.testing;

/** A Yammer-like meter with a settable count and one-minute rate. */
public final class FakeMeter implements FakeMeterMBean {
  private volatile long count;
  private volatile double oneMinuteRate;

  public FakeMeter(long count, double oneMinuteRate) {
    this.count = count;
    this.oneMinuteRate = oneMinuteRate;
  }

  @Override
  public long getCount() {
    return count;
  }

  public void setCount(long count) {
    this.count = count;
  }

  @Override
  public double getMeanRate() {
    return 0.5;
  }

  @Override
  public double getOneMinuteRate() {
    return oneMinuteRate;
  }

  @Override
  public double getFiveMinuteRate() {
    return oneMinuteRate;
  }

  @Override
  public double getFifteenMinuteRate() {
    return oneMinuteRate;
  }

  @Override
  public String getEventType() {
    return "events";
  }
}
