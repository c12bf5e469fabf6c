package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.mapping.JmxSource;
import dev.brokerwatch.agent.mapping.MetricType;
import dev.brokerwatch.agent.mapping.QuantileRead;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a scrape needs, precomputed from one generation of the {@link ObjectNameIndex}: one
 * {@link BeanRead} per MBean with the union of attributes to fetch, and for every sample its
 * metric, its position among the metric's label-sorted data points, its labels and its scale.
 * Immutable, so concurrent scrapes share it.
 *
 * <p>Two MBeans that map to the same label set would make the client library reject the whole
 * family, so the one with the later ObjectName is dropped here and counted on every scrape.
 */
final class ScrapePlan {
  private static final Comparator<BeanBinding> BY_LABELS_THEN_NAME =
      new Comparator<BeanBinding>() {
        @Override
        public int compare(BeanBinding a, BeanBinding b) {
          int byLabels = a.labels().compareTo(b.labels());
          return byLabels != 0 ? byLabels : a.name().getCanonicalName().compareTo(b.name().getCanonicalName());
        }
      };

  private final long generation;
  private final BeanRead[] reads;
  private final int[] slotCounts;
  private final int[] duplicates;
  private final int maxAttributes;

  private ScrapePlan(long generation, BeanRead[] reads, int[] slotCounts, int[] duplicates, int maxAttributes) {
    this.generation = generation;
    this.reads = reads;
    this.slotCounts = slotCounts;
    this.duplicates = duplicates;
    this.maxAttributes = maxAttributes;
  }

  /** A plan with nothing to read, for before the first build. */
  static ScrapePlan empty(int metricCount) {
    return new ScrapePlan(-1, new BeanRead[0], new int[metricCount], new int[metricCount], 0);
  }

  static ScrapePlan build(ObjectNameIndex.Snapshot snapshot, MetricPlan[] metrics) {
    int metricCount = metrics.length;
    List<List<BeanBinding>> byMetric = new ArrayList<>(metricCount);
    for (int i = 0; i < metricCount; i++) {
      byMetric.add(new ArrayList<>());
    }
    for (BeanBinding[] bindings : snapshot.beans()) {
      for (BeanBinding binding : bindings) {
        byMetric.get(binding.source().metricIndex()).add(binding);
      }
    }

    // slot = position among the metric's data points sorted by labels; duplicates get none
    Map<BeanBinding, Integer> slots = new IdentityHashMap<>();
    int[] slotCounts = new int[metricCount];
    int[] duplicates = new int[metricCount];
    for (int m = 0; m < metricCount; m++) {
      List<BeanBinding> bindings = byMetric.get(m);
      Collections.sort(bindings, BY_LABELS_THEN_NAME);
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
      slotCounts[m] = slot;
    }

    List<BeanRead> reads = new ArrayList<>(snapshot.beans().size());
    int maxAttributes = 0;
    for (BeanBinding[] bindings : snapshot.beans()) {
      List<String> attributes = new ArrayList<>();
      List<SampleTarget> targets = new ArrayList<>(bindings.length);
      for (BeanBinding binding : bindings) {
        Integer slot = slots.get(binding);
        if (slot != null) {
          targets.add(target(binding, slot, attributes, metrics));
        }
      }
      if (targets.isEmpty()) {
        continue;
      }
      maxAttributes = Math.max(maxAttributes, attributes.size());
      reads.add(
          new BeanRead(
              bindings[0].name(),
              attributes.toArray(new String[0]),
              targets.toArray(new SampleTarget[0])));
    }
    return new ScrapePlan(
        snapshot.generation(), reads.toArray(new BeanRead[0]), slotCounts, duplicates, maxAttributes);
  }

  private static SampleTarget target(BeanBinding binding, int slot, List<String> attributes, MetricPlan[] metrics) {
    JmxSource source = binding.source().source();
    int metric = binding.source().metricIndex();
    MetricType type = metrics[metric].mapping().type();
    switch (type) {
      case COUNTER:
        return new CounterTarget(
            metric, slot, binding.labels(), position(attributes, source.attribute()), source.scale());
      case GAUGE:
        return new GaugeTarget(
            metric, slot, binding.labels(), position(attributes, source.attribute()), source.scale());
      case SUMMARY:
      default:
        List<QuantileRead> quantileReads = source.quantiles();
        double[] quantiles = new double[quantileReads.size()];
        int[] quantileAttributes = new int[quantileReads.size()];
        for (int i = 0; i < quantiles.length; i++) {
          quantiles[i] = quantileReads.get(i).quantile();
          quantileAttributes[i] = position(attributes, quantileReads.get(i).attribute());
        }
        int count = source.countAttribute() == null ? SummaryTarget.none() : position(attributes, source.countAttribute());
        int mean =
            source.sumFromMeanAttribute() == null
                ? SummaryTarget.none()
                : position(attributes, source.sumFromMeanAttribute());
        return new SummaryTarget(
            metric, slot, binding.labels(), quantiles, quantileAttributes, count, mean, source.scale());
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

  int slotCount(int metric) {
    return slotCounts[metric];
  }

  int duplicates(int metric) {
    return duplicates[metric];
  }

  int maxAttributes() {
    return maxAttributes;
  }
}
