package dev.brokerwatch.agent.yammer;

import com.yammer.metrics.core.MetricsRegistry;
import dev.brokerwatch.agent.jmx.InProcessReads;
import java.lang.reflect.InvocationTargetException;

/**
 * Kafka's Yammer registry, the one behind the broker's {@code kafka.*} MBeans: {@code
 * org.apache.kafka.server.metrics.KafkaYammerMetrics.defaultRegistry()} (Kafka 3.x and 4.x), looked
 * up by name so that the agent runs, through the MBean server, wherever it is absent. Only loaded
 * when Yammer's classes are there (see {@code InProcessReadsLocator}).
 */
public final class KafkaYammerRegistry {
  static final String REGISTRY_CLASS = "org.apache.kafka.server.metrics.KafkaYammerMetrics";

  private KafkaYammerRegistry() {}

  /**
   * Kafka's registry as in-process reads.
   *
   * @throws ReflectiveOperationException when Kafka's class or method is not there
   * @throws IllegalStateException when the registry is not the Yammer this agent sees (another
   *     class loader's copy)
   */
  public static InProcessReads locate() throws ReflectiveOperationException {
    Class<?> holder = Class.forName(REGISTRY_CLASS, true, KafkaYammerRegistry.class.getClassLoader());
    Object registry;
    try {
      registry = holder.getMethod("defaultRegistry").invoke(null);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(REGISTRY_CLASS + ".defaultRegistry() failed: " + e.getCause(), e);
    }
    if (!(registry instanceof MetricsRegistry)) {
      throw new IllegalStateException(
          REGISTRY_CLASS + ".defaultRegistry() is "
              + (registry == null ? "null" : "a " + registry.getClass().getName() + " of another class loader"));
    }
    return new YammerRegistryReads((MetricsRegistry) registry, "Kafka's Yammer registry");
  }
}
