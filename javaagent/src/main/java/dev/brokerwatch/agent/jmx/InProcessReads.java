package dev.brokerwatch.agent.jmx;

import javax.management.ObjectName;

/**
 * Reads the attributes of some MBeans from the objects behind them, inside the JVM, instead of
 * through the MBean server: the same values, without the server's lookup, dispatch and reflection.
 * An MBean it does not know, or an attribute it cannot read the way the MBean would, stays with
 * the MBean server.
 */
public interface InProcessReads {
  /**
   * How to read {@code attributes} of the MBean registered as {@code name}, or null when this
   * source does not have it (then the MBean server is asked). Called while a scrape plan is built.
   */
  InProcessRead find(ObjectName name, String[] attributes);

  /** What is read, for {@code /about} and log lines, say {@code "Kafka's Yammer registry"}. */
  String description();
}
