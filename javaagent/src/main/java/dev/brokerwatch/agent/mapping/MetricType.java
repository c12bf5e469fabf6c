package dev.brokerwatch.agent.mapping;

/** The Prometheus type a mapped metric is exported as. */
public enum MetricType {
  COUNTER("counter"),
  GAUGE("gauge"),
  SUMMARY("summary");

  private final String keyword;

  MetricType(String keyword) {
    this.keyword = keyword;
  }

  /** The word used in a mapping file. */
  public String keyword() {
    return keyword;
  }

  /** The type for a mapping-file word, or null when the word names no type. */
  public static MetricType fromKeyword(String word) {
    for (MetricType type : values()) {
      if (type.keyword.equals(word)) {
        return type;
      }
    }
    return null;
  }
}
