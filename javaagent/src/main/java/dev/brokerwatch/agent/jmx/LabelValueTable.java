package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.exposition.ExpositionText;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Arrays;

/**
 * The distinct values one MBean's value label has taken, each with the full labels of its sample
 * and their exposition text, made once when the value first appears. A scrape records a value's
 * index, so steady-state scrapes allocate nothing.
 *
 * <p>At most {@link #MAX_VALUES} values, over the whole registration of the MBean: a String
 * attribute that takes ever new values (an id, a timestamp) would otherwise grow memory and the
 * series count without bound. Later values are refused.
 *
 * <p>Scrapes may look values up concurrently (a plan and its targets are shared). Lookups read a
 * volatile array without locking; a new value copies the array under a lock. The array only grows,
 * so an index stays valid in every later array.
 */
final class LabelValueTable {
  /** The most distinct values kept per MBean. */
  static final int MAX_VALUES = 32;
  /** What {@link #indexOf} answers for a value beyond {@link #MAX_VALUES}. */
  static final int REFUSED = -1;

  private final String[] names;
  private final String[] baseValues;
  private final int valueIndex;
  private final Object lock = new Object();
  private volatile Entry[] entries = new Entry[0];

  /**
   * @param base the sample's labels with the value label present (its value is replaced)
   * @param valueLabel the name of the label whose value is the attribute's
   */
  LabelValueTable(Labels base, String valueLabel) {
    this.names = new String[base.size()];
    this.baseValues = new String[base.size()];
    int index = -1;
    for (int i = 0; i < names.length; i++) {
      names[i] = base.getName(i);
      baseValues[i] = base.getValue(i);
      if (names[i].equals(valueLabel)) {
        index = i;
      }
    }
    if (index < 0) {
      throw new IllegalArgumentException("no label " + valueLabel + " in " + base);
    }
    this.valueIndex = index;
  }

  /** The index of {@code value}, added when new; {@link #REFUSED} when the table is full. */
  int indexOf(String value) {
    Entry[] current = entries;
    int found = find(current, value);
    if (found >= 0 || current.length >= MAX_VALUES) {
      return found >= 0 ? found : REFUSED;
    }
    synchronized (lock) {
      current = entries;
      found = find(current, value);
      if (found >= 0) {
        return found;
      }
      if (current.length >= MAX_VALUES) {
        return REFUSED;
      }
      Entry[] grown = Arrays.copyOf(current, current.length + 1);
      grown[current.length] = entry(value);
      entries = grown;
      return current.length;
    }
  }

  /** The full labels of the sample for the value at {@code index}. */
  Labels labels(int index) {
    return entries[index].labels;
  }

  /** {@link #labels(int)} as exposition text, see {@link ExpositionText#labelText}. */
  byte[] labelText(int index) {
    return entries[index].labelText;
  }

  /** Number of distinct values taken so far. */
  int size() {
    return entries.length;
  }

  private Entry entry(String value) {
    String[] values = baseValues.clone();
    values[valueIndex] = value;
    Labels labels = Labels.of(names.clone(), values);
    return new Entry(value, labels, ExpositionText.labelText(labels));
  }

  private static int find(Entry[] entries, String value) {
    for (int i = 0; i < entries.length; i++) {
      if (entries[i].value.equals(value)) {
        return i;
      }
    }
    return -1;
  }

  /** One value with its labels, immutable. */
  private static final class Entry {
    final String value;
    final Labels labels;
    final byte[] labelText;

    Entry(String value, Labels labels, byte[] labelText) {
      this.value = value;
      this.labels = labels;
      this.labelText = labelText;
    }
  }
}
