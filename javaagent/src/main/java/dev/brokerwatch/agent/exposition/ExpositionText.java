package dev.brokerwatch.agent.exposition;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import java.nio.charset.StandardCharsets;

/**
 * The escaping and layout rules of the text formats, applied once when a scrape plan is built so
 * that a scrape only copies bytes. Label values and OpenMetrics HELP text escape backslash, double
 * quote and newline; Prometheus text HELP escapes only backslash and newline. Text is encoded as
 * UTF-8, with {@code ?} for a lone surrogate as the JDK's writers do.
 */
public final class ExpositionText {
  private static final byte[] NO_LABELS = new byte[0];

  private ExpositionText() {}

  /**
   * {@code name="value",name2="value2"}: the labels of a sample without the braces, empty for no
   * labels. Label names must be valid legacy names (see {@link #isPlainLabelName}).
   */
  public static byte[] labelText(Labels labels) {
    if (labels.isEmpty()) {
      return NO_LABELS;
    }
    StringBuilder text = new StringBuilder(16 * labels.size());
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(labels.getName(i)).append("=\"");
      appendEscaped(text, labels.getValue(i), true);
      text.append('"');
    }
    return utf8(text);
  }

  /** {@code quantile="0.99"}: the label a summary adds to each quantile sample. */
  public static byte[] quantileLabel(double quantile) {
    return ("quantile=\"" + SampleNumbers.doubleText(quantile) + "\"").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Starts a sample line: {@code series{labels,extra} } with the trailing space, or {@code series }
   * when there are no labels. {@code extraLabel} (a quantile) may be null.
   */
  public static void appendSeries(ExpositionBuffer out, byte[] series, byte[] labelText, byte[] extraLabel) {
    out.append(series);
    boolean hasLabels = labelText.length > 0;
    if (hasLabels || extraLabel != null) {
      out.append((byte) '{');
      out.append(labelText);
      if (extraLabel != null) {
        if (hasLabels) {
          out.append((byte) ',');
        }
        out.append(extraLabel);
      }
      out.append((byte) '}');
    }
    out.append((byte) ' ');
  }

  /** HELP text as Prometheus text 0.0.4 writes it: backslash and newline escaped. */
  static String prometheusHelp(String help) {
    StringBuilder text = new StringBuilder(help.length() + 8);
    appendEscaped(text, help, false);
    return text.toString();
  }

  /** HELP and UNIT text as OpenMetrics writes it: backslash, double quote and newline escaped. */
  static String openMetricsHelp(String help) {
    StringBuilder text = new StringBuilder(help.length() + 8);
    appendEscaped(text, help, true);
    return text.toString();
  }

  /** True when the writers print {@code name} as it is; other metric names would be quoted. */
  public static boolean isPlainMetricName(String name) {
    return PrometheusNaming.isValidLegacyMetricName(name);
  }

  /** True when the writers print {@code name} as it is; other label names would be quoted. */
  public static boolean isPlainLabelName(String name) {
    return PrometheusNaming.isValidLegacyLabelName(name);
  }

  static byte[] utf8(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void appendEscaped(StringBuilder text, String value, boolean escapeQuote) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\':
          text.append("\\\\");
          break;
        case '\n':
          text.append("\\n");
          break;
        case '"':
          text.append(escapeQuote ? "\\\"" : "\"");
          break;
        default:
          text.append(c);
      }
    }
  }
}
