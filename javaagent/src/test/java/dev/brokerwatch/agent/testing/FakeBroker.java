package dev.brokerwatch.agent.testing;

import javax.management.MBeanServer;

/** The MBeans the health checks read, as a healthy single-node broker shows them; values settable. */
public final class FakeBroker {
  public final FakeGauge brokerState = new FakeGauge((byte) 3);
  public final FakeGauge offlineLogDirectories = new FakeGauge(0);
  public final FakeGauge currentControllerId = new FakeGauge(1);
  public final FakeGauge underReplicatedPartitions = new FakeGauge(0);

  public FakeBroker registerIn(MBeanServer server) {
    Beans.register(server, "kafka.server:type=KafkaServer,name=BrokerState", brokerState);
    Beans.register(server, "kafka.log:type=LogManager,name=OfflineLogDirectoryCount", offlineLogDirectories);
    Beans.register(server, "kafka.server:type=MetadataLoader,name=CurrentControllerId", currentControllerId);
    Beans.register(server, "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions", underReplicatedPartitions);
    return this;
  }
}
