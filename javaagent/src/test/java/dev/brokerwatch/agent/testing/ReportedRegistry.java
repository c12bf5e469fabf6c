package dev.brokerwatch.agent.testing;

import com.yammer.metrics.core.MetricsRegistry;
import com.yammer.metrics.reporting.JmxReporter;

/** A Yammer registry whose metrics Yammer's own JmxReporter registers as MBeans, as in a broker. */
public final class ReportedRegistry implements AutoCloseable {
  private final MetricsRegistry registry = new MetricsRegistry();
  private final JmxReporter reporter = new JmxReporter(registry);

  private ReportedRegistry() {}

  /** A registry whose reporter is already listening. */
  public static ReportedRegistry start() {
    ReportedRegistry started = new ReportedRegistry();
    started.reporter.start();
    return started;
  }

  public MetricsRegistry registry() {
    return registry;
  }

  public JmxReporter reporter() {
    return reporter;
  }

  /** Unregisters the reporter's MBeans and stops the registry. */
  @Override
  public void close() {
    reporter.shutdown();
    registry.shutdown();
  }
}
