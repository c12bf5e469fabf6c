package dev.brokerwatch.agent.health;

/** The values of {@code kafka.server:type=KafkaServer,name=BrokerState} (org.apache.kafka.metadata.BrokerState). */
public final class BrokerState {
  public static final int NOT_RUNNING = 0;
  public static final int STARTING = 1;
  public static final int RECOVERY = 2;
  public static final int RUNNING = 3;
  public static final int PENDING_CONTROLLED_SHUTDOWN = 6;
  public static final int SHUTTING_DOWN = 7;
  public static final int UNKNOWN = 127;

  private BrokerState() {}

  /** The state's name, or {@code state <n>} for a value Kafka does not define. */
  public static String name(int value) {
    switch (value) {
      case NOT_RUNNING:
        return "NOT_RUNNING";
      case STARTING:
        return "STARTING";
      case RECOVERY:
        return "RECOVERY";
      case RUNNING:
        return "RUNNING";
      case PENDING_CONTROLLED_SHUTDOWN:
        return "PENDING_CONTROLLED_SHUTDOWN";
      case SHUTTING_DOWN:
        return "SHUTTING_DOWN";
      case UNKNOWN:
        return "UNKNOWN";
      default:
        return "state " + value;
    }
  }

  /** True for the two states in which the broker is on its way down. */
  public static boolean isShuttingDown(int value) {
    return value == PENDING_CONTROLLED_SHUTDOWN || value == SHUTTING_DOWN;
  }
}
