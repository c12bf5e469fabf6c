package dev.brokerwatch.agent.mapping;

import java.util.Objects;

/** A {@code quantile <q> <attribute>} line: the attribute that holds one quantile of a summary. */
public final class QuantileRead {
  private final double quantile;
  private final String attribute;

  public QuantileRead(double quantile, String attribute) {
    if (!(quantile >= 0.0 && quantile <= 1.0)) {
      throw new IllegalArgumentException("quantile must be in [0, 1]: " + quantile);
    }
    this.quantile = quantile;
    this.attribute = Objects.requireNonNull(attribute, "attribute");
  }

  public double quantile() {
    return quantile;
  }

  public String attribute() {
    return attribute;
  }
}
