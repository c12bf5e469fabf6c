package dev.brokerwatch.agent.self;

/** The wall time of the most recent finished JMX scrape, in seconds. */
public final class ScrapeDuration {
  private volatile double lastSeconds = Double.NaN;

  public void record(long nanos) {
    lastSeconds = nanos / 1e9;
  }

  /** NaN before the first scrape. */
  public double lastSeconds() {
    return lastSeconds;
  }
}
