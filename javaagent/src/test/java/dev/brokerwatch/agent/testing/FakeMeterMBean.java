package dev.brokerwatch.agent.testing;

/** The shape of a Yammer {@code JmxReporter$Meter}. */
public interface FakeMeterMBean {
  long getCount();

  double getMeanRate();

  double getOneMinuteRate();

  double getFiveMinuteRate();

  double getFifteenMinuteRate();

  String getEventType();
}
