package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.exposition.DirectExposition;
import dev.brokerwatch.agent.exposition.DirectReading;
import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import dev.brokerwatch.agent.exposition.ExpositionFormat;
import dev.brokerwatch.agent.exposition.ExpositionText;
import dev.brokerwatch.agent.exposition.FamilyText;
import dev.brokerwatch.agent.exposition.ReusablePool;
import dev.brokerwatch.agent.mapping.JmxSource;
import dev.brokerwatch.agent.mapping.MetricMapping;
import dev.brokerwatch.agent.mapping.MetricSource;
import dev.brokerwatch.agent.mapping.QuantileRead;
import dev.brokerwatch.agent.self.ScrapeDuration;
import dev.brokerwatch.agent.self.ScrapeErrorReason;
import dev.brokerwatch.agent.self.ScrapeErrors;
import dev.brokerwatch.agent.self.ScrapeErrors.MetricErrors;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;

/**
 * Exports the jmx metrics of a mapping.
 *
 * <pre>
 * # TYPE kafka_server_replicamanager_isrshrinks_total counter
 * kafka_server_replicamanager_isrshrinks_total 4.0
 * # TYPE kafka_log_log_size gauge
 * kafka_log_log_size{partition="0",topic="orders"} 1638400.0
 * # TYPE kafka_network_requestmetrics_totaltimems summary
 * kafka_network_requestmetrics_totaltimems{request="Produce",quantile="0.99"} 9.0
 * kafka_network_requestmetrics_totaltimems_count{request="Produce"} 1234
 * </pre>
 *
 * <p>A scrape never asks the MBean server for names: the {@link ObjectNameIndex} was resolved once
 * and is kept current by {@link MBeanRegistrationListener}. An MBean whose object the {@link
 * InProcessReads} know (inside a broker: Kafka's Yammer metrics) is read from that object, with the
 * calls its getters make; any other MBean is read through the MBean server. Either way the values
 * land in the same slots as the same boxed values, and everything after that is common. It reads
 * each other MBean with one bulk call,
 * records the values in primitive cells and then either builds the client library's snapshots
 * ({@link #collect()}) or writes the exposition text itself ({@link #writeTo}), byte for byte as the
 * library's writers would, from labels and headers encoded when the plan was built. Any failure
 * costs the affected samples only and is counted in {@code brokerwatch_scrape_errors_total}; a
 * scrape never throws. Readings may be taken concurrently: they share only the immutable plan; a
 * finished reading is only read from, so it may be written out by many threads at once.
 */
public final class KafkaJmxCollector implements MultiCollector, DirectExposition, AutoCloseable {
  // the metrics endpoint shares one reading among concurrent scrapes: one in use, one being read
  private static final int POOLED_SCRATCHES = 2;
  // below this many samples one thread writes the text: a handoff would cost more than it saves
  static final int PARALLEL_WRITE_FROM = 2_048;

  private final MBeanServer server;
  private final ObjectNameIndex index;
  private final MBeanRegistrationListener listener;
  private final BulkAttributeReader reader;
  private final ScrapeWorkers workers;
  private final MetricPlan[] metrics;
  private final ScrapeDuration duration;
  private final List<String> prometheusNames;
  private final Map<String, MetricPlan> metricsByPrometheusName = new HashMap<>();
  private final int[] familyOrder;
  private final boolean directlyWritable;
  private final ReusablePool<ScrapeScratch> scratches = new ReusablePool<>(POOLED_SCRATCHES, ScrapeScratch::new);
  // the text of the parts of a reading that helpers write, before it is appended in family order
  private final ReusablePool<ExpositionBuffer> partTexts;

  private final Object planLock = new Object();
  private volatile ScrapePlan plan;
  // located under the plan lock, at the first plan over a non-empty index
  private final InProcessSource inProcessSource;
  private final Consumer<String> notices;
  private boolean inProcessLocated;
  private volatile InProcessReads inProcess;

  private KafkaJmxCollector(
      MBeanServer server,
      List<MetricMapping> jmxMetrics,
      ScrapeErrors errors,
      ScrapeDuration duration,
      InProcessSource inProcessSource,
      Consumer<String> notices,
      ScrapeWorkers workers) {
    this.server = server;
    this.workers = workers;
    this.partTexts = new ReusablePool<>(2 * writeParts(workers), ExpositionBuffer::new);
    this.inProcessSource = inProcessSource;
    this.notices = notices;
    this.index = new ObjectNameIndex(jmxMetrics);
    this.listener = new MBeanRegistrationListener(index);
    this.reader = new BulkAttributeReader(server);
    this.duration = duration;
    this.metrics = new MetricPlan[jmxMetrics.size()];
    List<String> names = new ArrayList<>(jmxMetrics.size());
    for (int i = 0; i < metrics.length; i++) {
      MetricMapping mapping = jmxMetrics.get(i);
      metrics[i] = new MetricPlan(mapping, errors.forMetric(mapping.name()));
      names.add(mapping.baseName());
      metricsByPrometheusName.put(mapping.baseName(), metrics[i]);
    }
    this.prometheusNames = Collections.unmodifiableList(names);
    this.familyOrder = familyOrder(metrics);
    this.directlyWritable = directlyWritable(metrics);
    this.plan = ScrapePlan.empty(metrics.length);
  }

  /**
   * Indexes the jmx metrics of {@code jmxMetrics} against {@code server}: listens for registrations
   * first, then resolves every pattern once, so no MBean registered in between is missed.
   */
  public static KafkaJmxCollector start(
      MBeanServer server, List<MetricMapping> jmxMetrics, ScrapeErrors errors, ScrapeDuration duration)
      throws InstanceNotFoundException {
    return start(server, jmxMetrics, errors, duration, null, notice -> {}, 1);
  }

  /**
   * As {@link #start(MBeanServer, List, ScrapeErrors, ScrapeDuration)}, and reads what {@code
   * inProcess} knows without the MBean server. When the source cannot be located, {@code notices}
   * gets one line saying why, and every MBean is read through the MBean server.
   *
   * @param inProcess null to read everything through the MBean server
   * @param scrapeThreads threads that read one scrape's MBeans and write its text, the scraping
   *     thread included (see {@link ScrapeWorkers})
   */
  public static KafkaJmxCollector start(
      MBeanServer server,
      List<MetricMapping> jmxMetrics,
      ScrapeErrors errors,
      ScrapeDuration duration,
      InProcessSource inProcess,
      Consumer<String> notices,
      int scrapeThreads)
      throws InstanceNotFoundException {
    KafkaJmxCollector collector =
        new KafkaJmxCollector(server, jmxMetrics, errors, duration, inProcess, notices, ScrapeWorkers.of(scrapeThreads));
    collector.listener.install(server);
    try {
      collector.index.resolveAll(server);
    } catch (RuntimeException e) {
      collector.close();
      throw e;
    }
    return collector;
  }

  /** Stops following MBean registrations and the scrape's helper threads. */
  @Override
  public void close() {
    try {
      listener.uninstall(server);
    } finally {
      workers.close();
    }
  }

  /** Threads that share one scrape's work, the scraping thread included. */
  public int scrapeThreads() {
    return workers.threads();
  }

  /** Number of MBeans that feed at least one metric. */
  public int indexedBeans() {
    return index.size();
  }

  /** The index compared with the MBeans registered now (see {@link ObjectNameIndex#check}). */
  public IndexCheck checkIndex() {
    return index.check(server);
  }

  @Override
  public MetricSnapshots collect() {
    try (JmxReading reading = readJmx()) {
      return snapshots(reading);
    }
  }

  @Override
  public boolean directlyWritable() {
    return directlyWritable;
  }

  /**
   * Reads every indexed MBean once. The values stay in the reading, unchanged, until it is closed,
   * so any number of threads may write or snapshot it meanwhile. Never throws.
   */
  @Override
  public DirectReading read() {
    return readJmx(false);
  }

  /** As {@link #read()}, but every MBean through the MBean server: for comparing the two read paths. */
  @Override
  public DirectReading readThroughMBeanServer() {
    return readJmx(true);
  }

  /** How the MBeans of the current plan are read, for {@code /about}. */
  public ReadPaths readPaths() {
    ScrapePlan current = currentPlan();
    InProcessReads reads = inProcess;
    return new ReadPaths(
        current.inProcessReads(),
        current.reads().length - current.inProcessReads(),
        reads == null ? null : reads.description());
  }

  private JmxReading readJmx() {
    return readJmx(false);
  }

  private JmxReading readJmx(boolean throughMBeanServer) {
    long start = System.nanoTime();
    ScrapePlan current = currentPlan();
    ScrapeScratch scratch = scratches.take();
    try {
      readAll(current, scratch, throughMBeanServer);
      current.orderSamples(scratch.cells());
      for (int m = 0; m < metrics.length; m++) {
        countDuplicates(current, m);
      }
    } catch (RuntimeException | Error e) {
      scratches.give(scratch);
      throw e;
    }
    duration.record(System.nanoTime() - start);
    return new JmxReading(current, scratch, scratches);
  }

  /** The client library's snapshots of a reading, one per family that has a sample. */
  @Override
  public MetricSnapshots snapshots(DirectReading reading) {
    JmxReading jmx = (JmxReading) reading;
    List<MetricSnapshot> snapshots = new ArrayList<>(metrics.length);
    for (int m = 0; m < metrics.length; m++) {
      MetricSnapshot snapshot = snapshot(metrics[m], jmx.plan().targets(m), jmx.cells());
      if (snapshot != null) {
        snapshots.add(snapshot);
      }
    }
    return new MetricSnapshots(snapshots);
  }

  /**
   * A reading written as exposition text instead of snapshots: families in the order the library
   * writes them (by name), samples in label order, headers only for families that have a sample.
   * For OpenMetrics the caller adds {@code # EOF}. A large reading is written in parts, consecutive
   * families of about equal sample counts, shared with the {@link ScrapeWorkers} and appended in
   * order, so the text is the same as one thread's.
   */
  @Override
  public void writeTo(DirectReading reading, ExpositionBuffer out, ExpositionFormat format) {
    JmxReading jmx = (JmxReading) reading;
    int[] bounds = partBounds(jmx.plan());
    if (bounds == null) {
      writeFamilies(jmx, 0, familyOrder.length, out, format);
      return;
    }
    int parts = bounds.length - 1;
    ExpositionBuffer[] texts = new ExpositionBuffer[parts];
    try {
      workers.runAll(parts, part -> {
        ExpositionBuffer text = out;
        if (part > 0) {
          text = partTexts.take();
          text.reset();
          texts[part] = text;
        }
        writeFamilies(jmx, bounds[part], bounds[part + 1], text, format);
      });
      for (int part = 1; part < parts; part++) {
        out.append(texts[part]);
      }
    } finally {
      for (ExpositionBuffer text : texts) {
        if (text != null) {
          text.releaseExcess();
          partTexts.give(text);
        }
      }
    }
  }

  private void writeFamilies(JmxReading jmx, int from, int to, ExpositionBuffer out, ExpositionFormat format) {
    for (int i = from; i < to; i++) {
      int m = familyOrder[i];
      writeFamily(metrics[m], jmx.plan().targets(m), jmx.plan().orderCell(m), jmx.cells(), out, format);
    }
  }

  private static int writeParts(ScrapeWorkers workers) {
    return 2 * workers.threads();
  }

  /**
   * Where the parts of {@code plan}'s text begin in the family order, with the end as the last
   * element, or null when one thread writes it all.
   */
  private int[] partBounds(ScrapePlan plan) {
    if (workers.threads() == 1) {
      return null;
    }
    long total = 0;
    for (int m : familyOrder) {
      total += plan.targets(m).length;
    }
    if (total < PARALLEL_WRITE_FROM) {
      return null;
    }
    int parts = writeParts(workers);
    int[] bounds = new int[parts + 1];
    int part = 1;
    long written = 0;
    for (int i = 0; i < familyOrder.length && part < parts; i++) {
      written += plan.targets(familyOrder[i]).length;
      while (part < parts && written * parts >= total * part) {
        bounds[part++] = i + 1;
      }
    }
    while (part <= parts) {
      bounds[part++] = familyOrder.length;
    }
    return bounds;
  }

  /** A fresh reading written out at once (see {@link #writeTo(DirectReading, ExpositionBuffer, ExpositionFormat)}). */
  public void writeTo(ExpositionBuffer out, ExpositionFormat format) {
    try (JmxReading reading = readJmx()) {
      writeTo(reading, out, format);
    }
  }

  private void readAll(ScrapePlan current, ScrapeScratch scratch, boolean throughMBeanServer) {
    scratch.prepare(current);
    BeanRead[] reads = current.reads();
    SampleCells cells = scratch.cells();
    workers.readAll(
        reads.length,
        current.maxAttributes(),
        scratch.values(),
        (from, to, values) -> {
          for (int i = from; i < to; i++) {
            readBean(reads[i], values, cells, throughMBeanServer);
          }
        });
  }

  private void readBean(BeanRead read, Object[] values, SampleCells cells, boolean throughMBeanServer) {
    SampleTarget[] targets = read.targets();
    try {
      InProcessRead direct = throughMBeanServer ? null : read.inProcess();
      if (direct != null) {
        direct.read(values);
      } else {
        boolean registered = reader.read(read.name(), read.attributes(), values);
        if (!registered) {
          // the unregistration notification may still be on its way; stop reading this bean now
          index.removeUnlessRegistered(read.name(), server);
        }
      }
      for (SampleTarget target : targets) {
        MetricErrors errors = metrics[target.metric()].errors();
        try {
          target.record(values, cells, errors);
        } catch (RuntimeException e) {
          errors.increment(ScrapeErrorReason.INTERNAL);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      for (SampleTarget target : targets) {
        metrics[target.metric()].errors().increment(ScrapeErrorReason.READ_FAILED);
      }
    } finally {
      // a loop: most MBeans have one attribute, and Arrays.fill's range checks cost more than it
      for (int i = read.attributes().length - 1; i >= 0; i--) {
        values[i] = null;
      }
    }
  }

  private void countDuplicates(ScrapePlan current, int metric) {
    if (current.duplicates(metric) > 0) {
      metrics[metric].errors().add(ScrapeErrorReason.DUPLICATE_LABELS, current.duplicates(metric));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static MetricSnapshot snapshot(MetricPlan metric, SampleTarget[] targets, SampleCells cells) {
    List points = new ArrayList(targets.length);
    for (SampleTarget target : targets) {
      if (target.recorded(cells)) {
        try {
          points.add(target.toDataPoint(cells));
        } catch (RuntimeException e) {
          metric.errors().increment(ScrapeErrorReason.INTERNAL);
        }
      }
    }
    if (points.isEmpty()) {
      return null;
    }
    try {
      switch (metric.mapping().type()) {
        case COUNTER:
          return new CounterSnapshot(metric.metadata(), (List<CounterDataPointSnapshot>) points);
        case GAUGE:
          return new GaugeSnapshot(metric.metadata(), (List<GaugeDataPointSnapshot>) points);
        case SUMMARY:
        default:
          return new SummarySnapshot(metric.metadata(), (List<SummaryDataPointSnapshot>) points);
      }
    } catch (RuntimeException e) {
      metric.errors().increment(ScrapeErrorReason.INTERNAL);
      return null;
    }
  }

  /**
   * The family's header and its recorded samples; nothing when it has none. The samples are in the
   * order of {@code targets}, or when {@code orderCell} is not negative in the order the reading
   * keeps from there.
   */
  private static void writeFamily(
      MetricPlan metric,
      SampleTarget[] targets,
      int orderCell,
      SampleCells cells,
      ExpositionBuffer out,
      ExpositionFormat format) {
    FamilyText family = metric.family();
    int familyStart = out.size();
    boolean headerWritten = false;
    boolean sampleWritten = false;
    for (int i = 0; i < targets.length; i++) {
      SampleTarget target = orderCell < 0 ? targets[i] : SampleOrder.at(targets, cells, orderCell, i);
      if (!target.recorded(cells)) {
        continue;
      }
      if (!headerWritten) {
        out.append(family.header(format));
        headerWritten = true;
      }
      int sampleStart = out.size();
      try {
        target.writeLines(cells, family, out);
        sampleWritten = true;
      } catch (RuntimeException e) {
        out.truncate(sampleStart);
        metric.errors().increment(ScrapeErrorReason.INTERNAL);
      }
    }
    if (headerWritten && !sampleWritten) {
      out.truncate(familyStart);
    }
  }

  /** The plan for the index's current generation, rebuilt at most once per change. */
  private ScrapePlan currentPlan() {
    ScrapePlan current = plan;
    if (current.generation() == index.generation()) {
      return current;
    }
    synchronized (planLock) {
      current = plan;
      if (current.generation() != index.generation()) {
        ObjectNameIndex.Snapshot snapshot = index.snapshot();
        current = ScrapePlan.build(snapshot, metrics, inProcessReads(!snapshot.beans().isEmpty()), current);
        plan = current;
      }
      return current;
    }
  }

  /**
   * The in-process reads, located the first time the index has MBeans: by then the broker has made
   * its metrics registry, so locating it does not make it. A failure is said once and leaves every
   * read with the MBean server.
   */
  private InProcessReads inProcessReads(boolean beansIndexed) {
    if (!inProcessLocated && beansIndexed && inProcessSource != null) {
      inProcessLocated = true;
      try {
        inProcess = inProcessSource.locate();
      } catch (Exception | LinkageError e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        notices.accept("reading every metric through the MBean server: " + message.replace('\n', ' '));
      }
    }
    return inProcess;
  }

  /** Metric indexes by Prometheus name: MetricSnapshots sorts families so, and the writers follow. */
  private static int[] familyOrder(MetricPlan[] metrics) {
    List<Integer> order = new ArrayList<>(metrics.length);
    for (int m = 0; m < metrics.length; m++) {
      order.add(m);
    }
    order.sort(Comparator.comparing(m -> metrics[m].metadata().getPrometheusName()));
    int[] result = new int[metrics.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = order.get(i);
    }
    return result;
  }

  /**
   * True when every family can be written exactly as the library would: plain names, plain label
   * names, no summary label called {@code quantile} and no quantile given twice (the library
   * rejects both). The mapping reader already ensures all of this; a mapping built otherwise falls
   * back to the library.
   */
  private static boolean directlyWritable(MetricPlan[] metrics) {
    for (MetricPlan metric : metrics) {
      if (!metric.family().writable()) {
        return false;
      }
      boolean summary = metric.registryType() == MetricType.SUMMARY;
      for (String label : metric.mapping().labelNames()) {
        if (!ExpositionText.isPlainLabelName(label) || (summary && label.equals("quantile"))) {
          return false;
        }
      }
      for (MetricSource source : metric.mapping().sources()) {
        if (source instanceof JmxSource && hasRepeatedQuantile((JmxSource) source)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean hasRepeatedQuantile(JmxSource source) {
    Set<Double> seen = new HashSet<>();
    for (QuantileRead quantile : source.quantiles()) {
      if (!seen.add(quantile.quantile())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<String> getPrometheusNames() {
    return prometheusNames;
  }

  @Override
  public MetricType getMetricType(String prometheusName) {
    MetricPlan metric = metricsByPrometheusName.get(prometheusName);
    return metric == null ? null : metric.registryType();
  }

  @Override
  public Set<String> getLabelNames(String prometheusName) {
    MetricPlan metric = metricsByPrometheusName.get(prometheusName);
    return metric == null ? Collections.<String>emptySet() : new LinkedHashSet<>(metric.mapping().labelNames());
  }
}
