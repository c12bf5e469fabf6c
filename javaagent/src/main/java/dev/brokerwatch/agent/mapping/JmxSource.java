package dev.brokerwatch.agent.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.management.ObjectName;

/**
 * A {@code jmx <ObjectName pattern>} source and the lines under it. Counters and gauges read one
 * {@link #attribute()}; summaries read {@link #quantiles()}, an optional {@link #countAttribute()}
 * and an optional {@link #sumFromMeanAttribute()}. A gauge with a {@link #valueLabel()} reads a
 * String attribute and exports it as that label's value, on a sample of value 1.
 */
public final class JmxSource implements MetricSource {
  private final ObjectName pattern;
  private final String attribute;
  private final List<QuantileRead> quantiles;
  private final String countAttribute;
  private final String sumFromMeanAttribute;
  private final double scale;
  private final List<LabelFromKey> keyLabels;
  private final List<ConstLabel> constLabels;
  private final String valueLabel;
  private final int line;

  /** @param valueLabel the label whose value is the attribute's String value, or null */
  public JmxSource(
      ObjectName pattern,
      String attribute,
      List<QuantileRead> quantiles,
      String countAttribute,
      String sumFromMeanAttribute,
      double scale,
      List<LabelFromKey> keyLabels,
      List<ConstLabel> constLabels,
      String valueLabel,
      int line) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.attribute = attribute;
    this.quantiles = Collections.unmodifiableList(new ArrayList<>(quantiles));
    this.countAttribute = countAttribute;
    this.sumFromMeanAttribute = sumFromMeanAttribute;
    this.scale = scale;
    this.keyLabels = Collections.unmodifiableList(new ArrayList<>(keyLabels));
    this.constLabels = Collections.unmodifiableList(new ArrayList<>(constLabels));
    this.valueLabel = valueLabel;
    this.line = line;
  }

  public ObjectName pattern() {
    return pattern;
  }

  /** The attribute read for a counter or gauge; null for a summary. */
  public String attribute() {
    return attribute;
  }

  /** Summary quantiles, sorted by quantile. */
  public List<QuantileRead> quantiles() {
    return quantiles;
  }

  /** The summary's _count attribute, or null. */
  public String countAttribute() {
    return countAttribute;
  }

  /** The summary's mean attribute (_sum = mean x count x scale), or null. */
  public String sumFromMeanAttribute() {
    return sumFromMeanAttribute;
  }

  /** Multiplier applied to every value except a summary's count; 1 when not given. */
  public double scale() {
    return scale;
  }

  public List<LabelFromKey> keyLabels() {
    return keyLabels;
  }

  public List<ConstLabel> constLabels() {
    return constLabels;
  }

  /**
   * The {@code value-label} of a gauge: the label whose value is the attribute's String value, the
   * sample being 1; null when the attribute is read as a number.
   */
  public String valueLabel() {
    return valueLabel;
  }

  /**
   * Every label name this source yields: key labels then constant labels, in file order, then the
   * value label.
   */
  public List<String> labelNames() {
    List<String> names = new ArrayList<>(keyLabels.size() + constLabels.size() + 1);
    for (LabelFromKey label : keyLabels) {
      names.add(label.label());
    }
    for (ConstLabel label : constLabels) {
      names.add(label.label());
    }
    if (valueLabel != null) {
      names.add(valueLabel);
    }
    return names;
  }

  /** Every distinct attribute this source reads, in a stable order. */
  public List<String> attributesRead() {
    List<String> names = new ArrayList<>();
    addOnce(names, attribute);
    for (QuantileRead quantile : quantiles) {
      addOnce(names, quantile.attribute());
    }
    addOnce(names, countAttribute);
    addOnce(names, sumFromMeanAttribute);
    return names;
  }

  private static void addOnce(List<String> names, String name) {
    if (name != null && !names.contains(name)) {
      names.add(name);
    }
  }

  @Override
  public int line() {
    return line;
  }

  @Override
  public String toString() {
    return "jmx " + pattern.getCanonicalName();
  }
}
