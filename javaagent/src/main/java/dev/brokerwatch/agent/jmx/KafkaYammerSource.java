package dev.brokerwatch.agent.jmx;

import java.lang.reflect.InvocationTargetException;

/**
 * Loads {@code dev.brokerwatch.agent.yammer.KafkaYammerRegistry} by name: that class and its package
 * are compiled against Yammer's metrics library, which the agent does not carry, so they are only
 * touched here, where a missing or different library is an exception, not a broken agent.
 */
final class KafkaYammerSource {
  private static final String LOCATOR = "dev.brokerwatch.agent.yammer.KafkaYammerRegistry";

  private KafkaYammerSource() {}

  static InProcessReads locate() throws Exception {
    try {
      Class<?> locator = Class.forName(LOCATOR, true, KafkaYammerSource.class.getClassLoader());
      return (InProcessReads) locator.getMethod("locate").invoke(null);
    } catch (InvocationTargetException e) {
      throw explained(e.getCause());
    } catch (LinkageError e) {
      throw explained(e);
    }
  }

  private static Exception explained(Throwable cause) {
    if (cause instanceof NoClassDefFoundError) {
      return new IllegalStateException(
          "Yammer's metrics library is not on the broker's class path (" + cause.getMessage() + ")", cause);
    }
    if (cause instanceof ClassNotFoundException) {
      return new IllegalStateException("no class " + cause.getMessage() + " in this JVM", cause);
    }
    if (cause instanceof Exception) {
      return (Exception) cause;
    }
    return new IllegalStateException(String.valueOf(cause), cause);
  }
}
