package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.self.ScrapeErrorReason;

/**
 * Classifies a raw attribute value: only {@link Number}s become samples, and only non-empty {@link
 * String}s become the value of a value label.
 */
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

  /**
   * Null when {@code value} is a non-empty String; otherwise the reason it cannot be the value of a
   * value label. An empty value would read as no label at all in Prometheus, so it is invalid too.
   */
  static ScrapeErrorReason problemWithLabelValue(Object value) {
    if (value instanceof String) {
      return ((String) value).isEmpty() ? ScrapeErrorReason.INVALID_VALUE : null;
    }
    if (value == null) {
      return ScrapeErrorReason.NULL_VALUE;
    }
    if (value instanceof ReadFailure) {
      return ((ReadFailure) value).reason();
    }
    return ScrapeErrorReason.INVALID_VALUE;
  }
}
