package dev.brokerwatch.agent.jmx;

import java.util.Arrays;

/**
 * The values one scrape recorded, by cell: each {@link SampleTarget} owns one or more cells (see
 * {@link SampleTarget#cellCount()}), fills them while its MBean is read and is written out from them
 * later, in family order. A family whose sample order depends on the values read also keeps that
 * order here ({@link SampleOrder}). Primitive arrays reused from scrape to scrape, so recording
 * allocates nothing.
 */
final class SampleCells {
  private long[] words = new long[0];
  private boolean[] recorded = new boolean[0];

  /** Makes room for {@code count} cells and marks them all unrecorded. */
  void clear(int count) {
    if (words.length < count || words.length > 4 * Math.max(count, 256)) {
      // grow, or let go of a far larger past plan
      words = new long[count];
      recorded = new boolean[count];
    } else {
      Arrays.fill(recorded, 0, count, false);
    }
  }

  void putDouble(int cell, double value) {
    words[cell] = Double.doubleToRawLongBits(value);
    recorded[cell] = true;
  }

  void putLong(int cell, long value) {
    words[cell] = value;
    recorded[cell] = true;
  }

  boolean recorded(int cell) {
    return recorded[cell];
  }

  double doubleAt(int cell) {
    return Double.longBitsToDouble(words[cell]);
  }

  long longAt(int cell) {
    return words[cell];
  }
}
