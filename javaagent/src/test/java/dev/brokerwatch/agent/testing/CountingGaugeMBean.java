package dev.brokerwatch.agent.testing;

/** The MBean interface of {@link CountingGauge}. */
public interface CountingGaugeMBean {
  Object getValue();
}
