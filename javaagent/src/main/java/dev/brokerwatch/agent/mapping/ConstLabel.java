package dev.brokerwatch.agent.mapping;

import java.util.Objects;

/** A {@code const <prometheus-label> <value>} line: a fixed label on every sample of a source. */
public final class ConstLabel {
  private final String label;
  private final String value;

  public ConstLabel(String label, String value) {
    this.label = Objects.requireNonNull(label, "label");
    this.value = Objects.requireNonNull(value, "value");
  }

  public String label() {
    return label;
  }

  public String value() {
    return value;
  }
}
