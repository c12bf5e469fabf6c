package dev.brokerwatch.agent.exposition;

/**
 * The two text formats that the agent can write itself. Sample lines are the same in both; the
 * family headers differ (OpenMetrics names a counter family without {@code _total}, puts TYPE before
 * HELP and escapes quotes in HELP text), and an OpenMetrics body ends with {@code # EOF}, which the
 * client library's writer adds after the families it writes.
 */
public enum ExpositionFormat {
  /** Prometheus text format 0.0.4. */
  PROMETHEUS_TEXT,
  /** OpenMetrics text format 1.0.0. */
  OPENMETRICS
}
