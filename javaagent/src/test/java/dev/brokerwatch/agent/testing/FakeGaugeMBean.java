package dev.brokerwatch.agent.testing;

/** The shape of a Yammer {@code JmxReporter$Gauge}. */
public interface FakeGaugeMBean {
  Object getValue();
}
