package dev.brokerwatch.agent.jmx;

/**
 * Finds the {@link InProcessReads} of the JVM the agent runs in. Asked once, when the first scrape
 * plan is built over MBeans that are there (so the broker has made its metrics by then); a source
 * that fails leaves every read with the MBean server.
 */
@FunctionalInterface
public interface InProcessSource {
  /** The reads, or an exception whose message says in one line why there are none. */
  InProcessReads locate() throws Exception;

  /** Kafka's Yammer registry, when the broker has one (see {@code yammer.KafkaYammerRegistry}). */
  static InProcessSource kafkaYammer() {
    return KafkaYammerSource::locate;
  }
}
