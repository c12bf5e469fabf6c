package dev.brokerwatch.agent.jmx;

import dev.brokerwatch.agent.mapping.JmxSource;
import dev.brokerwatch.agent.mapping.MetricMapping;
import dev.brokerwatch.agent.mapping.MetricSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Which registered MBeans feed which mapped metrics. Patterns are resolved with {@code queryNames}
 * once, at start; afterwards {@link MBeanRegistrationListener} keeps the index current, so a scrape
 * never queries the MBean server for names.
 *
 * <p>Every change bumps {@link #generation()}; the collector rebuilds its scrape plan only when the
 * generation it planned for is stale.
 */
public final class ObjectNameIndex {
  private final List<IndexedSource> sources;
  private final Map<String, List<IndexedSource>> sourcesByDomain = new HashMap<>();
  private final List<IndexedSource> anyDomainSources = new ArrayList<>();

  private final Object lock = new Object();
  private final Map<ObjectName, BeanBinding[]> beans = new HashMap<>();
  private volatile long generation;

  /** An index over the jmx sources of {@code metrics}; metric i of the list has metric index i. */
  public ObjectNameIndex(List<MetricMapping> metrics) {
    List<IndexedSource> all = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      MetricMapping metric = metrics.get(i);
      for (MetricSource source : metric.sources()) {
        if (source instanceof JmxSource) {
          IndexedSource indexed = new IndexedSource(i, metric, (JmxSource) source);
          all.add(indexed);
          if (indexed.pattern().isDomainPattern()) {
            anyDomainSources.add(indexed);
          } else {
            sourcesByDomain.computeIfAbsent(indexed.pattern().getDomain(), d -> new ArrayList<>()).add(indexed);
          }
        }
      }
    }
    this.sources = Collections.unmodifiableList(all);
  }

  /**
   * Adds every currently registered MBean that a pattern matches. One queryNames for all names,
   * routed by domain, is far cheaper on a big broker than one query per pattern: each name is
   * tried only against the few patterns of its own domain.
   */
  public void resolveAll(MBeanServer server) {
    if (sources.isEmpty()) {
      return;
    }
    for (ObjectName name : server.queryNames(null, null)) {
      add(name);
    }
  }

  /** Indexes {@code name} if any source matches it; safe to call twice for the same name. */
  public void add(ObjectName name) {
    List<BeanBinding> bindings = null;
    List<IndexedSource> candidates = sourcesByDomain.get(name.getDomain());
    if (candidates != null) {
      bindings = bind(name, candidates, bindings);
    }
    if (!anyDomainSources.isEmpty()) {
      bindings = bind(name, anyDomainSources, bindings);
    }
    if (bindings == null) {
      return;
    }
    BeanBinding[] array = bindings.toArray(new BeanBinding[0]);
    synchronized (lock) {
      beans.put(name, array);
      generation++;
    }
  }

  /** Forgets {@code name}; a no-op when it was not indexed. */
  public void remove(ObjectName name) {
    synchronized (lock) {
      if (beans.remove(name) != null) {
        generation++;
      }
    }
  }

  /**
   * Forgets {@code name} unless it is registered again: a scrape that found the MBean gone must not
   * undo the registration of a new MBean of the same name (a topic deleted and created again) whose
   * notification was handled between the failed read and this call. Checked under the index lock,
   * so a registration that follows the check is indexed after the removal, never before it.
   */
  void removeUnlessRegistered(ObjectName name, MBeanServer server) {
    synchronized (lock) {
      if (!server.isRegistered(name) && beans.remove(name) != null) {
        generation++;
      }
    }
  }

  /**
   * Compares the index with a fresh {@code queryNames} over {@code server}, matched with the same
   * patterns. Costs one pass over every registered name: for diagnostics, never for a scrape.
   */
  public IndexCheck check(MBeanServer server) {
    Set<ObjectName> expected = new HashSet<>();
    if (!sources.isEmpty()) {
      for (ObjectName name : server.queryNames(null, null)) {
        if (matchesAny(name)) {
          expected.add(name);
        }
      }
    }
    Set<ObjectName> indexed;
    synchronized (lock) {
      indexed = new HashSet<>(beans.keySet());
    }
    TreeSet<ObjectName> missing = new TreeSet<>(expected);
    missing.removeAll(indexed);
    TreeSet<ObjectName> stale = new TreeSet<>(indexed);
    stale.removeAll(expected);
    return new IndexCheck(indexed.size(), expected.size(), missing.size(), first(missing), stale.size(), first(stale));
  }

  private boolean matchesAny(ObjectName name) {
    List<IndexedSource> candidates = sourcesByDomain.get(name.getDomain());
    if (candidates != null) {
      for (IndexedSource source : candidates) {
        if (source.matches(name)) {
          return true;
        }
      }
    }
    for (IndexedSource source : anyDomainSources) {
      if (source.matches(name)) {
        return true;
      }
    }
    return false;
  }

  private static List<ObjectName> first(TreeSet<ObjectName> names) {
    List<ObjectName> shown = new ArrayList<>(IndexCheck.NAMES_SHOWN);
    for (ObjectName name : names) {
      if (shown.size() == IndexCheck.NAMES_SHOWN) {
        break;
      }
      shown.add(name);
    }
    return Collections.unmodifiableList(shown);
  }

  /** Changes with every add or remove that altered the index. */
  public long generation() {
    return generation;
  }

  /** Number of indexed MBeans. */
  public int size() {
    synchronized (lock) {
      return beans.size();
    }
  }

  /** A consistent copy of the index and the generation it belongs to. */
  Snapshot snapshot() {
    synchronized (lock) {
      return new Snapshot(generation, new ArrayList<>(beans.values()));
    }
  }

  private static List<BeanBinding> bind(ObjectName name, List<IndexedSource> candidates, List<BeanBinding> into) {
    List<BeanBinding> bindings = into;
    for (IndexedSource source : candidates) {
      if (source.matches(name)) {
        if (bindings == null) {
          bindings = new ArrayList<>(2);
        }
        bindings.add(new BeanBinding(source, name, source.labelsFor(name)));
      }
    }
    return bindings;
  }

  /** The indexed bindings at one generation. */
  static final class Snapshot {
    private final long generation;
    private final List<BeanBinding[]> beans;

    Snapshot(long generation, List<BeanBinding[]> beans) {
      this.generation = generation;
      this.beans = beans;
    }

    long generation() {
      return generation;
    }

    List<BeanBinding[]> beans() {
      return beans;
    }
  }
}
