package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.self.ScrapeErrorReason;

/** Classifies a raw attribute value: only {@link Number}s become samples. */
final class SampleValues {
  private SampleValues() {}

  /** Null when {@code value} is a Number; otherwise the reason it cannot be a sample. */
  static ScrapeErrorReason problemWith(Object value) {
    if (value instanceof Number) {
      return null;
    }
    if (value == null) {
      return ScrapeErrorReason.NULL_VALUE;
    }
    if (value instanceof ReadFailure) {
      return ((ReadFailure) value).reason();
    }
    return ScrapeErrorReason.NOT_A_NUMBER;
  }
}
