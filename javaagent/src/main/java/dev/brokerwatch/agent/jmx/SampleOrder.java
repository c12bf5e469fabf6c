package dev.brokerwatch.agent.jmx;

/**
 * The order in which the direct exposition writes a family's samples when that order can depend on
 * the values read. The client library writes data points sorted by their labels, names first and
 * then values in name order; when a value label sorts before a label that is not one, the value
 * read decides between two MBeans, so the plan's order, fixed when it was built, would not be the
 * library's.
 *
 * <p>The order is worked out once per reading, before the reading is shared, and kept in cells of
 * the reading (one per target, holding the target's index), so that concurrent writers of one
 * reading only read it. A heapsort in place: a scrape allocates nothing, and a family of n MBeans
 * costs n log n comparisons.
 */
final class SampleOrder {
  private SampleOrder() {}

  /** Fills the {@code targets.length} cells from {@code first} with target indexes, in write order. */
  static void sort(SampleTarget[] targets, SampleCells cells, int first) {
    int size = targets.length;
    for (int i = 0; i < size; i++) {
      cells.putLong(first + i, i);
    }
    for (int root = size / 2 - 1; root >= 0; root--) {
      siftDown(targets, cells, first, root, size);
    }
    for (int end = size - 1; end > 0; end--) {
      swap(cells, first, 0, end);
      siftDown(targets, cells, first, 0, end);
    }
  }

  /** The target written {@code position}th, as {@link #sort} ordered them. */
  static SampleTarget at(SampleTarget[] targets, SampleCells cells, int first, int position) {
    return targets[(int) cells.longAt(first + position)];
  }

  private static void siftDown(SampleTarget[] targets, SampleCells cells, int first, int root, int size) {
    while (true) {
      int child = 2 * root + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size && compare(targets, cells, first, child, child + 1) < 0) {
        child++;
      }
      if (compare(targets, cells, first, root, child) >= 0) {
        return;
      }
      swap(cells, first, root, child);
      root = child;
    }
  }

  /** Recorded samples by their labels, as the library orders data points; unrecorded ones after them. */
  private static int compare(SampleTarget[] targets, SampleCells cells, int first, int i, int j) {
    SampleTarget a = at(targets, cells, first, i);
    SampleTarget b = at(targets, cells, first, j);
    boolean aRecorded = a.recorded(cells);
    boolean bRecorded = b.recorded(cells);
    if (aRecorded != bRecorded) {
      return aRecorded ? -1 : 1;
    }
    if (!aRecorded) {
      return 0;
    }
    return a.sampleLabels(cells).compareTo(b.sampleLabels(cells));
  }

  private static void swap(SampleCells cells, int first, int i, int j) {
    long held = cells.longAt(first + i);
    cells.putLong(first + i, cells.longAt(first + j));
    cells.putLong(first + j, held);
  }
}
