package dev.brokerwatch.agent.http;

import dev.brokerwatch.agent.exposition.DirectExposition;
import dev.brokerwatch.agent.exposition.DirectReading;
import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.HashSet;

/**
 * Everything one scrape collected, for every format: the mapped families as a direct reading (their
 * values, not yet written) and the registry's other families (JVM, cgroup, the agent's own) as the
 * library's snapshots. Several scrapes render the same collection, each in its own format; it is
 * only read from once made.
 */
final class ScrapeCollection implements AutoCloseable {
  private final DirectExposition direct;
  private final DirectReading reading;
  private final MetricSnapshots others;
  private MetricSnapshots all;
  // answers already written from this collection, so that scrapes sharing it in one format send one
  // encoding; given back to their pool when the collection closes
  private final Map<String, ExpositionBuffer> rendered = new HashMap<>();
  private Consumer<ExpositionBuffer> giveBack;
  private boolean closed;

  private ScrapeCollection(DirectExposition direct, DirectReading reading, MetricSnapshots others) {
    this.direct = direct;
    this.reading = reading;
    this.others = others;
  }

  /**
   * Reads the mapped families first, then the registry's others, so that the agent's own metrics
   * (errors, duration) already count this reading.
   *
   * @param direct null when the registry's snapshots are all there is
   */
  static ScrapeCollection collect(PrometheusRegistry registry, DirectExposition direct) {
    return collect(registry, direct, false);
  }

  /** @param throughMBeanServer true to read every mapped value through the MBean server */
  static ScrapeCollection collect(PrometheusRegistry registry, DirectExposition direct, boolean throughMBeanServer) {
    if (direct == null) {
      return new ScrapeCollection(null, null, registry.scrape());
    }
    Set<String> directNames = new HashSet<>(direct.getPrometheusNames());
    DirectReading reading = throughMBeanServer ? direct.readThroughMBeanServer() : direct.read();
    try {
      return new ScrapeCollection(direct, reading, registry.scrape(name -> !directNames.contains(name)));
    } catch (RuntimeException | Error e) {
      reading.close();
      throw e;
    }
  }

  /** The mapped families' values, for {@link DirectExposition#writeTo}; null without a direct exposition. */
  DirectReading reading() {
    return reading;
  }

  /** The registry's families that are not written directly. */
  MetricSnapshots others() {
    return others;
  }

  /** Every family as the library's snapshots, sorted by name; made once, on first use. */
  synchronized MetricSnapshots all() {
    if (all == null) {
      if (reading == null) {
        all = others;
      } else {
        List<MetricSnapshot> merged = new ArrayList<>();
        direct.snapshots(reading).forEach(merged::add);
        others.forEach(merged::add);
        all = new MetricSnapshots(merged);
      }
    }
    return all;
  }

  /**
   * The answer for {@code key} (a format and whatever else changes its bytes), written by {@code
   * render} into a buffer of the caller's pool by the first scrape that asks and shared by the others
   * until this collection closes: N scrapers in one format cost one encoding. The bytes are only read
   * once written, so any number of scrapes may send them at once.
   *
   * @param giveBack where the buffers go when the collection closes (the pool they came from)
   */
  synchronized ExpositionBuffer rendered(String key, Render render, Consumer<ExpositionBuffer> giveBack)
      throws IOException {
    if (closed) {
      throw new IllegalStateException("collection already closed");
    }
    this.giveBack = giveBack;
    ExpositionBuffer body = rendered.get(key);
    if (body == null) {
      body = render.written();
      rendered.put(key, body);
    }
    return body;
  }

  /** Gives the reading's memory and the rendered answers back; call once nobody renders or sends this collection any more. */
  @Override
  public void close() {
    if (reading != null) {
      reading.close();
    }
    synchronized (this) {
      closed = true;
      for (ExpositionBuffer body : rendered.values()) {
        body.releaseExcess();
        giveBack.accept(body);
      }
      rendered.clear();
    }
  }

  /** Writes an answer into a buffer it took from its pool; on failure gives the buffer back itself. */
  @FunctionalInterface
  interface Render {
    ExpositionBuffer written() throws IOException;
  }
}
