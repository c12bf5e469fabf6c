package dev.brokerwatch.agent.testing;

/** The shape of Kafka's kafka-metrics app-info MBean: a lowercase {@code version} attribute. */
public interface FakeAppInfoMBean {
  String getversion();
}
