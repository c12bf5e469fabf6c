package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.self.ScrapeErrorReason;

/** Stands in a value slot for an attribute that could not be read, and says why. */
public final class ReadFailure {
  public static final ReadFailure BEAN_GONE = new ReadFailure(ScrapeErrorReason.BEAN_GONE);
  public static final ReadFailure ATTRIBUTE_UNAVAILABLE = new ReadFailure(ScrapeErrorReason.ATTRIBUTE_UNAVAILABLE);
  public static final ReadFailure READ_FAILED = new ReadFailure(ScrapeErrorReason.READ_FAILED);

  private final ScrapeErrorReason reason;

  private ReadFailure(ScrapeErrorReason reason) {
    this.reason = reason;
  }

  ScrapeErrorReason reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "ReadFailure(" + reason.label() + ")";
  }
}
