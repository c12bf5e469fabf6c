package dev.brokerwatch.agent.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Family headers and series names, compared with what the library writes for one sample. */
class FamilyTextTest {
  private static final Labels LABELS = Labels.of("topic", "orders");

  @Test
  void countersAreNamedWithTotalExceptInTheOpenMetricsHeader() throws Exception {
    assertLikeTheLibrary(new MetricMetadata("kafka_events", "Events"), MetricType.COUNTER);
    assertThat(text(new MetricMetadata("kafka_events", "Events"), MetricType.COUNTER, ExpositionFormat.OPENMETRICS))
        .startsWith("# TYPE kafka_events counter\n# HELP kafka_events Events\n");
  }

  @Test
  void aCounterWhoseNameAlreadyEndsInTotalKeepsIt() throws Exception {
    assertLikeTheLibrary(new MetricMetadata("kafka_events_total", "Events"), MetricType.COUNTER);
  }

  @Test
  void helpTextIsEscapedPerFormat() throws Exception {
    MetricMetadata metadata = new MetricMetadata("kafka_value", "a \"quoted\" back\\slash\nand é");
    assertLikeTheLibrary(metadata, MetricType.GAUGE);
    assertThat(text(metadata, MetricType.GAUGE, ExpositionFormat.PROMETHEUS_TEXT))
        .startsWith("# HELP kafka_value a \"quoted\" back\\\\slash\\nand é\n");
    assertThat(text(metadata, MetricType.GAUGE, ExpositionFormat.OPENMETRICS))
        .contains("# HELP kafka_value a \\\"quoted\\\" back\\\\slash\\nand é\n");
  }

  @Test
  void withoutHelpThereIsNoHelpLine() throws Exception {
    assertLikeTheLibrary(new MetricMetadata("kafka_value", ""), MetricType.GAUGE);
    assertLikeTheLibrary(new MetricMetadata("kafka_value"), MetricType.SUMMARY);
  }

  @Test
  void aUnitGetsAnOpenMetricsUnitLine() throws Exception {
    MetricMetadata metadata = new MetricMetadata("kafka_request_seconds", "Request time", Unit.SECONDS);
    assertLikeTheLibrary(metadata, MetricType.SUMMARY);
    assertLikeTheLibrary(metadata, MetricType.GAUGE);
    assertThat(text(metadata, MetricType.GAUGE, ExpositionFormat.OPENMETRICS)).contains("# UNIT kafka_request_seconds seconds\n");
  }

  @Test
  void colonsArePlainNames() throws Exception {
    assertLikeTheLibrary(new MetricMetadata("kafka:events", "Events"), MetricType.COUNTER);
    assertThat(FamilyText.of(new MetricMetadata("kafka:events", "Events"), MetricType.COUNTER).writable()).isTrue();
  }

  @Test
  void namesTheLibraryWouldEscapeOrQuoteAreNotWritable() {
    assertThat(FamilyText.of(new MetricMetadata("kafka.events", "Events"), MetricType.GAUGE).writable()).isFalse();
    assertThat(FamilyText.of(new MetricMetadata("kafka.events", "Events"), MetricType.COUNTER).writable()).isFalse();
    assertThat(FamilyText.of(new MetricMetadata("kafka_évents", "Events"), MetricType.SUMMARY).writable()).isFalse();
  }

  private static void assertLikeTheLibrary(MetricMetadata metadata, MetricType type) throws Exception {
    for (ExpositionFormat format : ExpositionFormat.values()) {
      assertThat(text(metadata, type, format)).as(type + " " + format).isEqualTo(library(metadata, type, format));
    }
  }

  /** The family with one sample (labels topic="orders"; a summary with quantile, count and sum), written from FamilyText. */
  private static String text(MetricMetadata metadata, MetricType type, ExpositionFormat format) {
    FamilyText family = FamilyText.of(metadata, type);
    byte[] labels = ExpositionText.labelText(LABELS);
    ExpositionBuffer out = new ExpositionBuffer();
    out.append(family.header(format));
    if (type == MetricType.SUMMARY) {
      ExpositionText.appendSeries(out, family.series(FamilyText.VALUE), labels, ExpositionText.quantileLabel(0.5));
      out.appendAscii("1.0\n");
      ExpositionText.appendSeries(out, family.series(FamilyText.COUNT), labels, null);
      out.appendAscii("3\n");
      ExpositionText.appendSeries(out, family.series(FamilyText.SUM), labels, null);
      out.appendAscii("2.0\n");
    } else {
      ExpositionText.appendSeries(out, family.series(FamilyText.VALUE), labels, null);
      out.appendAscii("1.0\n");
    }
    return out.toUtf8String();
  }

  private static String library(MetricMetadata metadata, MetricType type, ExpositionFormat format) throws Exception {
    MetricSnapshot snapshot;
    switch (type) {
      case COUNTER:
        snapshot = new CounterSnapshot(metadata, Collections.singletonList(new CounterDataPointSnapshot(1.0, LABELS, null, 0L)));
        break;
      case GAUGE:
        snapshot = new GaugeSnapshot(metadata, Collections.singletonList(new GaugeDataPointSnapshot(1.0, LABELS, null)));
        break;
      default:
        snapshot =
            new SummarySnapshot(
                metadata,
                Collections.singletonList(
                    new SummaryDataPointSnapshot(3, 2.0, Quantiles.of(new Quantile(0.5, 1.0)), LABELS, Exemplars.EMPTY, 0L)));
    }
    ExpositionFormatWriter writer =
        format == ExpositionFormat.OPENMETRICS ? OpenMetricsTextFormatWriter.create() : PrometheusTextFormatWriter.create();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, new MetricSnapshots(snapshot));
    String text = out.toString(StandardCharsets.UTF_8.name());
    return format == ExpositionFormat.OPENMETRICS ? text.substring(0, text.length() - "# EOF\n".length()) : text;
  }
}
