package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.exposition.ExpositionText;
import dev.brokerwatch.agent.mapping.ConstLabel;
import dev.brokerwatch.agent.mapping.JmxSource;
import dev.brokerwatch.agent.mapping.LabelFromKey;
import dev.brokerwatch.agent.mapping.MetricMapping;
import dev.brokerwatch.agent.mapping.QuantileRead;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.management.ObjectName;

/**
 * One jmx source of one mapped metric, with the metric's label names laid out once so that binding
 * an MBean is a few {@code getKeyProperty} calls. Per label: an ObjectName key, or a constant value
 * (empty when this source does not produce the label, and for its value label, whose value is only
 * known once read: see {@link ValueLabelTarget}). A summary source also keeps its quantiles in
 * the client library's order (ascending) with their {@code quantile="..."} label text.
 */
final class IndexedSource {
  private final int metricIndex;
  private final MetricMapping metric;
  private final JmxSource source;
  private final String[] labelNames;
  private final String[] keys;
  private final String[] constValues;
  private final double[] quantiles;
  private final String[] quantileAttributes;
  private final byte[][] quantileLabels;

  IndexedSource(int metricIndex, MetricMapping metric, JmxSource source) {
    this.metricIndex = metricIndex;
    this.metric = metric;
    this.source = source;
    List<String> names = metric.labelNames();
    this.labelNames = names.toArray(new String[0]);
    this.keys = new String[labelNames.length];
    this.constValues = new String[labelNames.length];
    for (int i = 0; i < labelNames.length; i++) {
      constValues[i] = "";
      for (LabelFromKey label : source.keyLabels()) {
        if (label.label().equals(labelNames[i])) {
          keys[i] = label.key();
        }
      }
      for (ConstLabel label : source.constLabels()) {
        if (label.label().equals(labelNames[i])) {
          constValues[i] = label.value();
        }
      }
    }
    List<QuantileRead> ascending = new ArrayList<>(source.quantiles());
    ascending.sort(Comparator.comparingDouble(QuantileRead::quantile));
    this.quantiles = new double[ascending.size()];
    this.quantileAttributes = new String[ascending.size()];
    this.quantileLabels = new byte[ascending.size()][];
    for (int i = 0; i < quantiles.length; i++) {
      quantiles[i] = ascending.get(i).quantile();
      quantileAttributes[i] = ascending.get(i).attribute();
      quantileLabels[i] = ExpositionText.quantileLabel(quantiles[i]);
    }
  }

  int metricIndex() {
    return metricIndex;
  }

  MetricMapping metric() {
    return metric;
  }

  JmxSource source() {
    return source;
  }

  /** A summary's quantiles, ascending; empty for a counter or gauge. */
  double[] quantiles() {
    return quantiles;
  }

  /** The attribute of each of {@link #quantiles()}. */
  String[] quantileAttributes() {
    return quantileAttributes;
  }

  /** The {@code quantile="..."} label text of each of {@link #quantiles()}. */
  byte[][] quantileLabels() {
    return quantileLabels;
  }

  ObjectName pattern() {
    return source.pattern();
  }

  boolean matches(ObjectName name) {
    return source.pattern().apply(name);
  }

  /** The labels of the samples that this source reads from {@code name}. */
  Labels labelsFor(ObjectName name) {
    if (labelNames.length == 0) {
      return Labels.EMPTY;
    }
    String[] values = new String[labelNames.length];
    for (int i = 0; i < labelNames.length; i++) {
      values[i] = keys[i] != null ? keyValue(name, keys[i]) : constValues[i];
    }
    return Labels.of(labelNames.clone(), values);
  }

  /** A key's value without ObjectName quoting; empty when the MBean lacks the key. */
  private static String keyValue(ObjectName name, String key) {
    String value = name.getKeyProperty(key);
    if (value == null) {
      return "";
    }
    if (value.length() >= 2 && value.charAt(0) == '"') {
      try {
        return ObjectName.unquote(value);
      } catch (IllegalArgumentException e) {
        return value;
      }
    }
    return value;
  }
}
