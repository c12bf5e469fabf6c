package dev.brokerwatch.agent.exposition;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.SnapshotEscaper;
import java.util.Arrays;

/**
 * The fixed text of one counter, gauge or summary family, computed once: the header lines in each
 * format and the series names its samples use ({@link #VALUE}, and for a summary {@link #COUNT}
 * and {@link #SUM}).
 *
 * <pre>
 * Prometheus text 0.0.4           OpenMetrics 1.0
 * # HELP x_total Help text        # TYPE x counter
 * # TYPE x_total counter          # HELP x Help text
 * x_total{a="b"} 4.0              x_total{a="b"} 4.0
 * </pre>
 *
 * <p>Names follow the client library's writers, computed from the same {@link MetricMetadata}.
 * {@link #writable()} is false when a name would need quoting, escaping or would differ between the
 * escaping schemes the agent writes for (underscores, the default, and allow-utf-8); such a family
 * must be left to the library.
 */
public final class FamilyText {
  /** The series of a counter's or gauge's value, or of a summary's quantiles. */
  public static final int VALUE = 0;
  /** A summary's {@code _count} series. */
  public static final int COUNT = 1;
  /** A summary's {@code _sum} series. */
  public static final int SUM = 2;

  private static final String TOTAL = "_total";

  private final byte[] prometheusHeader;
  private final byte[] openMetricsHeader;
  private final byte[][] series;
  private final boolean writable;

  private FamilyText(byte[] prometheusHeader, byte[] openMetricsHeader, byte[][] series, boolean writable) {
    this.prometheusHeader = prometheusHeader;
    this.openMetricsHeader = openMetricsHeader;
    this.series = series;
    this.writable = writable;
  }

  /** The family text of {@code metadata} as a counter, gauge or summary. */
  public static FamilyText of(MetricMetadata metadata, MetricType type) {
    Names names = Names.of(metadata, type, EscapingScheme.UNDERSCORE_ESCAPING);
    boolean writable =
        names.equals(Names.of(metadata, type, EscapingScheme.ALLOW_UTF8)) && names.allPlain();
    String typeWord = typeWord(type);
    String help = metadata.getHelp() == null ? "" : metadata.getHelp();

    StringBuilder prometheus = new StringBuilder();
    if (!help.isEmpty()) {
      prometheus.append("# HELP ").append(names.prometheusFamily).append(' ')
          .append(ExpositionText.prometheusHelp(help)).append('\n');
    }
    prometheus.append("# TYPE ").append(names.prometheusFamily).append(' ').append(typeWord).append('\n');

    StringBuilder openMetrics = new StringBuilder();
    openMetrics.append("# TYPE ").append(names.openMetricsFamily).append(' ').append(typeWord).append('\n');
    if (metadata.getUnit() != null) {
      openMetrics.append("# UNIT ").append(names.openMetricsFamily).append(' ')
          .append(ExpositionText.openMetricsHelp(metadata.getUnit().toString())).append('\n');
    }
    if (!help.isEmpty()) {
      openMetrics.append("# HELP ").append(names.openMetricsFamily).append(' ')
          .append(ExpositionText.openMetricsHelp(help)).append('\n');
    }

    byte[][] series = new byte[names.series.length][];
    for (int i = 0; i < series.length; i++) {
      series[i] = ExpositionText.utf8(names.series[i]);
    }
    return new FamilyText(
        ExpositionText.utf8(prometheus), ExpositionText.utf8(openMetrics), series, writable);
  }

  /** The HELP/TYPE (and UNIT) lines that precede the family's first sample. */
  public byte[] header(ExpositionFormat format) {
    return format == ExpositionFormat.OPENMETRICS ? openMetricsHeader : prometheusHeader;
  }

  /** The name of series {@link #VALUE}, {@link #COUNT} or {@link #SUM}. */
  public byte[] series(int which) {
    return series[which];
  }

  /** False when the family must be written by the client library. */
  public boolean writable() {
    return writable;
  }

  private static String typeWord(MetricType type) {
    switch (type) {
      case COUNTER:
        return "counter";
      case GAUGE:
        return "gauge";
      case SUMMARY:
        return "summary";
      default:
        throw new IllegalArgumentException("not a counter, gauge or summary: " + type);
    }
  }

  /** The names the library's writers use for one family under one escaping scheme. */
  private static final class Names {
    final String prometheusFamily;
    final String openMetricsFamily;
    final String[] series;
    // the OpenMetrics writer names a gauge's samples differently for some dotted names
    final String openMetricsValueSeries;

    private Names(String prometheusFamily, String openMetricsFamily, String[] series, String openMetricsValueSeries) {
      this.prometheusFamily = prometheusFamily;
      this.openMetricsFamily = openMetricsFamily;
      this.series = series;
      this.openMetricsValueSeries = openMetricsValueSeries;
    }

    static Names of(MetricMetadata metadata, MetricType type, EscapingScheme scheme) {
      String name = SnapshotEscaper.getMetadataName(metadata, scheme);
      switch (type) {
        case COUNTER:
          String base = SnapshotEscaper.getExpositionBaseMetadataName(metadata, scheme);
          String counter = base.endsWith(TOTAL) ? base : name + TOTAL;
          String family = counter.endsWith(TOTAL) ? counter.substring(0, counter.length() - TOTAL.length()) : counter;
          return new Names(counter, family, new String[] {counter}, counter);
        case GAUGE:
          String gauge = SnapshotEscaper.getLegacyGaugeName(metadata, metadata.getOriginalName(), scheme);
          return new Names(gauge, name, new String[] {gauge}, name);
        case SUMMARY:
          return new Names(name, name, new String[] {name, name + "_count", name + "_sum"}, name);
        default:
          throw new IllegalArgumentException("not a counter, gauge or summary: " + type);
      }
    }

    boolean allPlain() {
      if (!series[VALUE].equals(openMetricsValueSeries)) {
        return false;
      }
      if (!ExpositionText.isPlainMetricName(prometheusFamily) || !ExpositionText.isPlainMetricName(openMetricsFamily)) {
        return false;
      }
      for (String name : series) {
        if (!ExpositionText.isPlainMetricName(name)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Names)) {
        return false;
      }
      Names that = (Names) other;
      return prometheusFamily.equals(that.prometheusFamily)
          && openMetricsFamily.equals(that.openMetricsFamily)
          && Arrays.equals(series, that.series)
          && openMetricsValueSeries.equals(that.openMetricsValueSeries);
    }

    @Override
    public int hashCode() {
      return prometheusFamily.hashCode();
    }
  }
}
