package dev.brokerwatch.agent.yammer;

/**
 * The numeric attributes of the MBeans that Yammer's {@code JmxReporter} registers for a metric
 * (Kafka's broker metrics), each read from the metric the way that MBean's getter reads it.
 */
enum YammerAttribute {
  VALUE("Value"),
  COUNT("Count"),
  MIN("Min"),
  MAX("Max"),
  MEAN("Mean"),
  STD_DEV("StdDev"),
  P50("50thPercentile"),
  P75("75thPercentile"),
  P95("95thPercentile"),
  P98("98thPercentile"),
  P99("99thPercentile"),
  P999("999thPercentile"),
  MEAN_RATE("MeanRate"),
  ONE_MINUTE_RATE("OneMinuteRate"),
  FIVE_MINUTE_RATE("FiveMinuteRate"),
  FIFTEEN_MINUTE_RATE("FifteenMinuteRate");

  private static final YammerAttribute[] ALL = values();

  private final String attributeName;

  YammerAttribute(String attributeName) {
    this.attributeName = attributeName;
  }

  /** The attribute called {@code name} (JMX names are case-sensitive), or null. */
  static YammerAttribute named(String name) {
    for (YammerAttribute attribute : ALL) {
      if (attribute.attributeName.equals(name)) {
        return attribute;
      }
    }
    return null;
  }

  /** Read from a snapshot of the metric's samples, as the MBean does (one snapshot per getter). */
  boolean fromSnapshot() {
    return compareTo(P50) >= 0 && compareTo(P999) <= 0;
  }

  boolean rate() {
    return compareTo(MEAN_RATE) >= 0;
  }

  /** Min, max, mean or standard deviation. */
  boolean summary() {
    return compareTo(MIN) >= 0 && compareTo(STD_DEV) <= 0;
  }
}
