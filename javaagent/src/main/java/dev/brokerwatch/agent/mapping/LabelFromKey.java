package dev.brokerwatch.agent.mapping;

import java.util.Objects;

/** A {@code label <prometheus-label> <objectname-key>} line. */
public final class LabelFromKey {
  private final String label;
  private final String key;

  public LabelFromKey(String label, String key) {
    this.label = Objects.requireNonNull(label, "label");
    this.key = Objects.requireNonNull(key, "key");
  }

  public String label() {
    return label;
  }

  /** The ObjectName key property whose (unquoted) value becomes the label value. */
  public String key() {
    return key;
  }
}
