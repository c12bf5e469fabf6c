package dev.brokerwatch.agent.testing;

/** Reports a Kafka version. */
public final class FakeAppInfo implements FakeAppInfoMBean {
  private final String version;

  public FakeAppInfo(String version) {
    this.version = version;
  }

  @Override
  public String getversion() {
    return version;
  }
}
