package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.exposition.ExpositionText;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Arrays;
import java.util.Map;
import javax.management.ObjectName;

/** A registered MBean matched by one source, with the labels its samples carry (computed once). */
final class BeanBinding {
  private final IndexedSource source;
  private final ObjectName name;
  private final Labels labels;
  // set and read only while a plan is built, under the collector's plan lock
  private byte[] labelText;
  private String[] inProcessAttributes;
  private InProcessRead inProcess;
  private LabelValueTable labelValues;
  // ints, not longs: one binding per indexed MBean, and two more bytes each would add up at 100,000
  private int presentInBuild;
  private int placedInBuild;

  BeanBinding(IndexedSource source, ObjectName name, Labels labels) {
    this.source = source;
    this.name = name;
    this.labels = labels;
  }

  IndexedSource source() {
    return source;
  }

  ObjectName name() {
    return name;
  }

  Labels labels() {
    return labels;
  }

  /**
   * The labels as exposition text. Encoded once per binding and kept for later plans; bindings of
   * one plan build with equal labels (the Size, LogStartOffset and LogEndOffset MBeans of one
   * partition) share one array through {@code shared}.
   */
  byte[] labelText(Map<Labels, byte[]> shared) {
    if (labelText == null) {
      labelText = shared.computeIfAbsent(labels, ExpositionText::labelText);
    }
    return labelText;
  }

  /** Marks the binding as indexed at plan build {@code build}. */
  void markPresent(int build) {
    presentInBuild = build;
  }

  /**
   * True, once, for a binding indexed at plan build {@code build} (see {@link #markPresent}): later
   * calls in the same build answer false, so that each binding is placed once.
   */
  boolean placeOnce(int build) {
    if (presentInBuild != build || placedInBuild == build) {
      return false;
    }
    placedInBuild = build;
    return true;
  }

  /**
   * The values this MBean's value label has taken (see {@link ValueLabelTarget}). Made once per
   * binding and kept for later plans, so the bound on distinct values holds for the whole
   * registration of the MBean, however often MBeans elsewhere come and go.
   */
  LabelValueTable labelValues(String valueLabel) {
    if (labelValues == null) {
      labelValues = new LabelValueTable(labels, valueLabel);
    }
    return labelValues;
  }

  /**
   * How to read the MBean of this binding, the first of its MBean's bindings, without the MBean
   * server; null when it cannot be. Looked up once per binding and set of attributes (which changes
   * only when a binding with the same labels comes or goes) and kept for later plans: a binding lives
   * as long as one registration of its MBean (a new registration under the same name makes new
   * bindings), and a read checks that its object is still the registered one.
   */
  InProcessRead inProcessRead(InProcessReads reads, String[] attributes) {
    if (inProcessAttributes == null || !Arrays.equals(inProcessAttributes, attributes)) {
      try {
        inProcess = reads.find(name, attributes);
      } catch (RuntimeException | LinkageError e) {
        inProcess = null;
      }
      inProcessAttributes = attributes;
    }
    return inProcess;
  }
}
