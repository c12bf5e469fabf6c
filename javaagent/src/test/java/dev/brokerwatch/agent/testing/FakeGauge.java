package dev.brokerwatch.agent.testing;

/** A Yammer-like gauge whose value may be any object, including null. */
public final class FakeGauge implements FakeGaugeMBean {
  private volatile Object value;

  public FakeGauge(Object value) {
    this.value = value;
  }

  @Override
  public Object getValue() {
    return value;
  }

  public void setValue(Object value) {
    this.value = value;
  }
}
