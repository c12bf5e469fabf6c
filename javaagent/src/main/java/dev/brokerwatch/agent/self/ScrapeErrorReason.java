package dev.brokerwatch.agent.self;

/** The fixed set of {@code reason} label values of {@code brokerwatch_scrape_errors_total}. */
public enum ScrapeErrorReason {
  /** The MBean was unregistered between indexing and reading (InstanceNotFoundException). */
  BEAN_GONE("bean_gone"),
  /** The MBean server answered without the attribute (AttributeNotFoundException or a bulk read that dropped it). */
  ATTRIBUTE_UNAVAILABLE("attribute_unavailable"),
  /** Reading threw: the MBean's getter failed, a reflection or security problem, an I/O error. */
  READ_FAILED("read_failed"),
  /** The attribute was null. */
  NULL_VALUE("null_value"),
  /** The value is not a java.lang.Number (a String, a Boolean, a composite...) where a number is read. */
  NOT_A_NUMBER("not_a_number"),
  /**
   * A value that the metric cannot carry: a negative or NaN counter; for a value label, a value
   * that is not a String, is empty, or is new beyond the bound on distinct values.
   */
  INVALID_VALUE("invalid_value"),
  /** Two MBeans map to the same label set; the one with the later ObjectName is dropped. */
  DUPLICATE_LABELS("duplicate_labels"),
  /** A bug of ours: an unexpected exception while building the sample. */
  INTERNAL("internal");

  private final String label;

  ScrapeErrorReason(String label) {
    this.label = label;
  }

  /** The label value. */
  public String label() {
    return label;
  }
}
