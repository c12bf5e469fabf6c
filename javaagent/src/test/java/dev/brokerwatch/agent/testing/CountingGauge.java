package dev.brokerwatch.agent.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** A gauge that counts how often it is read. */
public final class CountingGauge implements CountingGaugeMBean {
  private final AtomicInteger reads = new AtomicInteger();

  @Override
  public Object getValue() {
    reads.incrementAndGet();
    return 1;
  }

  public int reads() {
    return reads.get();
  }
}
