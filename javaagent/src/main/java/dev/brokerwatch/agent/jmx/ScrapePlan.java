package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.mapping.JmxSource;
import dev.brokerwatch.agent.mapping.MetricType;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a scrape needs, precomputed from one generation of the {@link ObjectNameIndex}: one
 * {@link BeanRead} per MBean with the union of attributes to fetch, and per metric its samples in
 * the order of their labels (the order the client library sorts data points in), each with its
 * labels as ready exposition text, its scale and the cells its values are recorded in. Immutable,
 * so concurrent scrapes share it; rebuilt only when MBeans come or go.
 *
 * <p>Two MBeans that map to the same label set would make the client library reject the whole
 * family, so the one with the later ObjectName is dropped here and counted on every scrape.
 *
 * <p>A value label ({@link ValueLabelTarget}) is empty in the labels sorted here: its value is
 * only known once read. Two MBeans that differ in nothing else are duplicates, since they could
 * read the same value. When a value label sorts before another label, the value read can change
 * the library's order, so such a family gets one cell per sample for the order of each reading
 * ({@link SampleOrder}); otherwise the order here is the library's.
 */
final class ScrapePlan {
  private static final SampleTarget[] NO_TARGETS = new SampleTarget[0];
  private static final int NO_ORDER = -1;
  private static final Comparator<BeanBinding> BY_LABELS_THEN_NAME =
      new Comparator<BeanBinding>() {
        @Override
        public int compare(BeanBinding a, BeanBinding b) {
          int byLabels = a.labels().compareTo(b.labels());
          return byLabels != 0 ? byLabels : a.name().getCanonicalName().compareTo(b.name().getCanonicalName());
        }
      };

  // numbers each build, for the marks it leaves on bindings (see BeanBinding#placeOnce); a mark is
  // only compared with the build in progress, which it could match again only 2^32 builds later
  private static final AtomicInteger BUILDS = new AtomicInteger();

  private final long generation;
  private final BeanRead[] reads;
  private final SampleTarget[][] targetsByMetric;
  private final int[] orderCells;
  private final int[] duplicates;
  private final int maxAttributes;
  private final int cellCount;
  private final int inProcessReads;
  // each metric's bindings in label order, duplicates included: the next build's starting order
  private final BeanBinding[][] sortedBindings;

  private ScrapePlan(
      long generation,
      BeanRead[] reads,
      SampleTarget[][] targetsByMetric,
      BeanBinding[][] sortedBindings,
      int[] orderCells,
      int[] duplicates,
      int maxAttributes,
      int cellCount,
      int inProcessReads) {
    this.generation = generation;
    this.reads = reads;
    this.targetsByMetric = targetsByMetric;
    this.sortedBindings = sortedBindings;
    this.orderCells = orderCells;
    this.duplicates = duplicates;
    this.maxAttributes = maxAttributes;
    this.cellCount = cellCount;
    this.inProcessReads = inProcessReads;
  }

  /** A plan with nothing to read, for before the first build. */
  static ScrapePlan empty(int metricCount) {
    SampleTarget[][] targets = new SampleTarget[metricCount][];
    int[] orderCells = new int[metricCount];
    for (int m = 0; m < metricCount; m++) {
      targets[m] = NO_TARGETS;
      orderCells[m] = NO_ORDER;
    }
    return new ScrapePlan(
        -1, new BeanRead[0], targets, new BeanBinding[0][], orderCells, new int[metricCount], 0, 0, 0);
  }

  /**
   * @param inProcess reads without the MBean server, or null to ask the MBean server for everything
   * @param replaced the plan this one replaces: its order seeds the sort, so that a plan that differs
   *     from it by a few MBeans costs about one comparison per MBean, not a full sort
   */
  static ScrapePlan build(
      ObjectNameIndex.Snapshot snapshot, MetricPlan[] metrics, InProcessReads inProcess, ScrapePlan replaced) {
    int metricCount = metrics.length;
    int build = BUILDS.incrementAndGet();
    List<List<BeanBinding>> byMetric = new ArrayList<>(metricCount);
    for (int i = 0; i < metricCount; i++) {
      byMetric.add(new ArrayList<>());
    }
    for (BeanBinding[] bindings : snapshot.beans()) {
      for (BeanBinding binding : bindings) {
        binding.markPresent(build);
      }
    }
    // the previous plan's order first (those still indexed), then what is new: nearly sorted, which
    // the sort below (a merge sort that finds sorted runs) handles in about linear time
    if (replaced.sortedBindings.length == metricCount) {
      for (int m = 0; m < metricCount; m++) {
        for (BeanBinding binding : replaced.sortedBindings[m]) {
          if (binding.placeOnce(build)) {
            byMetric.get(m).add(binding);
          }
        }
      }
    }
    for (BeanBinding[] bindings : snapshot.beans()) {
      for (BeanBinding binding : bindings) {
        if (binding.placeOnce(build)) {
          byMetric.get(binding.source().metricIndex()).add(binding);
        }
      }
    }

    // slot = position among the metric's samples sorted by labels; duplicates get none
    Map<BeanBinding, Integer> slots = new IdentityHashMap<>();
    SampleTarget[][] targetsByMetric = new SampleTarget[metricCount][];
    BeanBinding[][] sortedBindings = new BeanBinding[metricCount][];
    int[] duplicates = new int[metricCount];
    for (int m = 0; m < metricCount; m++) {
      List<BeanBinding> bindings = byMetric.get(m);
      Collections.sort(bindings, BY_LABELS_THEN_NAME);
      sortedBindings[m] = bindings.toArray(new BeanBinding[0]);
      int slot = 0;
      BeanBinding previous = null;
      for (BeanBinding binding : bindings) {
        if (previous != null && previous.labels().equals(binding.labels())) {
          duplicates[m]++;
          continue;
        }
        slots.put(binding, slot++);
        previous = binding;
      }
      targetsByMetric[m] = slot == 0 ? NO_TARGETS : new SampleTarget[slot];
    }

    Map<Labels, byte[]> labelTexts = new HashMap<>();
    List<BeanRead> reads = new ArrayList<>(snapshot.beans().size());
    int maxAttributes = 0;
    int cells = 0;
    int inProcessReads = 0;
    for (BeanBinding[] bindings : snapshot.beans()) {
      List<String> attributes = new ArrayList<>();
      List<SampleTarget> targets = new ArrayList<>(bindings.length);
      for (BeanBinding binding : bindings) {
        Integer slot = slots.get(binding);
        if (slot != null) {
          SampleTarget target = target(binding, cells, attributes, metrics, labelTexts);
          cells += target.cellCount();
          targetsByMetric[target.metric()][slot] = target;
          targets.add(target);
        }
      }
      if (targets.isEmpty()) {
        continue;
      }
      maxAttributes = Math.max(maxAttributes, attributes.size());
      String[] attributeArray = attributes.toArray(new String[0]);
      InProcessRead direct = inProcess == null ? null : bindings[0].inProcessRead(inProcess, attributeArray);
      if (direct != null) {
        inProcessReads++;
      }
      reads.add(new BeanRead(bindings[0].name(), attributeArray, targets.toArray(new SampleTarget[0]), direct));
    }
    int[] orderCells = new int[metricCount];
    for (int m = 0; m < metricCount; m++) {
      int samples = targetsByMetric[m].length;
      if (metrics[m].orderedByValues() && samples > 1) {
        orderCells[m] = cells;
        cells += samples;
      } else {
        orderCells[m] = NO_ORDER;
      }
    }
    return new ScrapePlan(
        snapshot.generation(),
        reads.toArray(new BeanRead[0]),
        targetsByMetric,
        sortedBindings,
        orderCells,
        duplicates,
        maxAttributes,
        cells,
        inProcessReads);
  }

  private static SampleTarget target(
      BeanBinding binding, int cell, List<String> attributes, MetricPlan[] metrics, Map<Labels, byte[]> labelTexts) {
    IndexedSource indexed = binding.source();
    JmxSource source = indexed.source();
    int metric = indexed.metricIndex();
    Labels labels = binding.labels();
    byte[] labelText = binding.labelText(labelTexts);
    MetricType type = metrics[metric].mapping().type();
    switch (type) {
      case COUNTER:
        return new CounterTarget(
            metric, cell, labels, labelText, position(attributes, source.attribute()), source.scale());
      case GAUGE:
        if (source.valueLabel() != null) {
          return new ValueLabelTarget(
              metric,
              cell,
              labels,
              labelText,
              position(attributes, source.attribute()),
              binding.labelValues(source.valueLabel()));
        }
        return new GaugeTarget(
            metric, cell, labels, labelText, position(attributes, source.attribute()), source.scale());
      case SUMMARY:
      default:
        String[] quantileAttributeNames = indexed.quantileAttributes();
        int[] quantileAttributes = new int[quantileAttributeNames.length];
        for (int i = 0; i < quantileAttributes.length; i++) {
          quantileAttributes[i] = position(attributes, quantileAttributeNames[i]);
        }
        int count = source.countAttribute() == null ? SummaryTarget.none() : position(attributes, source.countAttribute());
        int mean =
            source.sumFromMeanAttribute() == null
                ? SummaryTarget.none()
                : position(attributes, source.sumFromMeanAttribute());
        return new SummaryTarget(
            metric,
            cell,
            labels,
            labelText,
            indexed.quantiles(),
            quantileAttributes,
            indexed.quantileLabels(),
            count,
            mean,
            source.scale());
    }
  }

  /** Index of {@code attribute} in the bean's read list, adding it when new. */
  private static int position(List<String> attributes, String attribute) {
    int index = attributes.indexOf(attribute);
    if (index >= 0) {
      return index;
    }
    attributes.add(attribute);
    return attributes.size() - 1;
  }

  long generation() {
    return generation;
  }

  BeanRead[] reads() {
    return reads;
  }

  /**
   * The samples of {@code metric}, in the order of their labels, unless {@link #orderCell} says the
   * order is worked out per reading.
   */
  SampleTarget[] targets(int metric) {
    return targetsByMetric[metric];
  }

  /**
   * The first of the cells that hold the write order of {@code metric}'s {@link #targets} in a
   * reading (see {@link SampleOrder}), or a negative number when their order here is the order.
   */
  int orderCell(int metric) {
    return orderCells[metric];
  }

  /** Works out, in {@code cells}, the order of every family whose order depends on the values read. */
  void orderSamples(SampleCells cells) {
    for (int m = 0; m < orderCells.length; m++) {
      if (orderCells[m] != NO_ORDER) {
        SampleOrder.sort(targetsByMetric[m], cells, orderCells[m]);
      }
    }
  }

  int duplicates(int metric) {
    return duplicates[metric];
  }

  int maxAttributes() {
    return maxAttributes;
  }

  /** Number of {@link SampleCells} cells a scrape with this plan records into, order cells included. */
  int cellCount() {
    return cellCount;
  }

  /** Number of {@link #reads()} that do without the MBean server. */
  int inProcessReads() {
    return inProcessReads;
  }
}
