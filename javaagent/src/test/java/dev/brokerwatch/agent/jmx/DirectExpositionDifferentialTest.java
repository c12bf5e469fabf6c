package dev.brokerwatch.agent.jmx;

import static dev.brokerwatch.agent.testing.Beans.name;
import static dev.brokerwatch.agent.testing.Beans.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import dev.brokerwatch.agent.exposition.ExpositionFormat;
import dev.brokerwatch.agent.mapping.Mapping;
import dev.brokerwatch.agent.mapping.MappingReader;
import dev.brokerwatch.agent.self.ScrapeDuration;
import dev.brokerwatch.agent.self.ScrapeErrorReason;
import dev.brokerwatch.agent.self.ScrapeErrors;
import dev.brokerwatch.agent.testing.FakeGauge;
import dev.brokerwatch.agent.testing.FakeHistogram;
import dev.brokerwatch.agent.testing.FakeMeter;
import dev.brokerwatch.agent.testing.InterceptingMBeanServer;
import dev.brokerwatch.agent.testing.ScriptedBean;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The direct exposition must be byte for byte what the client library's writers make of the
 * collector's snapshots, in both text formats, for every kind of family, label and value, and it
 * must count the same errors.
 */
class DirectExpositionDifferentialTest {
  private static final String MAPPING =
      "brokerwatch-mapping 1\n"
          + "name differential\n"
          + "metric kafka_test_events_total counter\n"
          + "  help Events with \"quotes\", a back\\\\slash and a\\nsecond line\n"
          + "  jmx kafka.test:type=Events,name=*\n"
          + "    attribute Count\n"
          + "    label name name\n"
          + "metric kafka_test_scaled_total counter\n"
          + "  help Scaled counter\n"
          + "  jmx kafka.test:type=Scaled,name=*\n"
          + "    attribute Count\n"
          + "    scale 0.001\n"
          + "    label name name\n"
          + "metric kafka_test_value gauge\n"
          + "  help Gauge values of every kind\n"
          + "  jmx kafka.test:type=Value,name=*\n"
          + "    attribute Value\n"
          + "    label name name\n"
          + "metric kafka_test_labelled gauge\n"
          + "  jmx kafka.test:type=Labelled,topic=*,partition=*\n"
          + "    attribute Value\n"
          + "    label topic topic\n"
          + "    label partition partition\n"
          + "    const note say \"hi\" to C:\\temp\n"
          + "  jmx kafka.test:type=Labelled,topic=*\n"
          + "    attribute Value\n"
          + "    label topic topic\n"
          + "metric kafka_test_latency_seconds summary\n"
          + "  help Latency\n"
          + "  jmx kafka.test:type=Latency,request=*\n"
          + "    quantile 0.999 999thPercentile\n"
          + "    quantile 0.5 50thPercentile\n"
          + "    quantile 0.99 99thPercentile\n"
          + "    count Count\n"
          + "    sum-from-mean Mean\n"
          + "    scale 0.001\n"
          + "    label request request\n"
          + "metric kafka_test_quantiles_only summary\n"
          + "  help Quantiles without count or sum\n"
          + "  jmx kafka.test:type=QuantilesOnly,name=*\n"
          + "    quantile 0.75 75thPercentile\n"
          + "    label name name\n"
          + "metric kafka_test_never_registered gauge\n"
          + "  help No MBean ever matches\n"
          + "  jmx kafka.test:type=Nothing\n"
          + "    attribute Value\n"
          + "metric kafka_test_always_failing gauge\n"
          + "  help Its only MBean fails\n"
          + "  jmx kafka.test:type=Failing\n"
          + "    attribute Value\n"
          + "metric kafka_test:colon gauge\n"
          + "  help Sorts before the underscore names\n"
          + "  jmx kafka.test:type=Colon\n"
          + "    attribute Value\n"
          + "metric kafka_test_duplicate gauge\n"
          + "  jmx kafka.test:type=Dup,client=*,topic=*\n"
          + "    attribute Value\n"
          + "    label topic topic\n"
          + "metric kafka_test_random gauge\n"
          + "  jmx kafka.test:type=Random,name=*\n"
          + "    attribute Value\n"
          + "    label name name\n"
          + "metric kafka_test_state gauge\n"
          + "  help A String as the a_state label, which sorts first; beside numbers with no state\n"
          + "  jmx kafka.test:type=State,name=*\n"
          + "    attribute Value\n"
          + "    label name name\n"
          + "    value-label a_state\n"
          + "  jmx kafka.test:type=StateNumber,name=*\n"
          + "    attribute Value\n"
          + "    label name name\n"
          + "metric kafka_test_state_last gauge\n"
          + "  help A String as the z_state label, which sorts last\n"
          + "  jmx kafka.test:type=StateLast,name=*\n"
          + "    attribute Value\n"
          + "    const kind fixed\n"
          + "    label name name\n"
          + "    value-label z_state\n";

  private final InterceptingMBeanServer intercepted = new InterceptingMBeanServer();
  private final MBeanServer server = intercepted.server();
  private final ScrapeErrors errors = new ScrapeErrors();
  private KafkaJmxCollector collector;

  @AfterEach
  void close() {
    if (collector != null) {
      collector.close();
    }
  }

  @Test
  void countersInBothFormats() throws Exception {
    register(server, "kafka.test:type=Events,name=plain", new FakeMeter(7, 0));
    register(server, "kafka.test:type=Events,name=zero", new FakeMeter(0, 0));
    register(server, "kafka.test:type=Events,name=big", new FakeMeter(123_456_789_012L, 0));
    register(server, "kafka.test:type=Events,name=max", new FakeMeter(Long.MAX_VALUE, 0));
    register(server, "kafka.test:type=Events,name=negative", new FakeMeter(-3, 0));
    register(server, "kafka.test:type=Events,name=text", new ScriptedBean().with("Count", "seven"));
    register(server, "kafka.test:type=Scaled,name=millis", new FakeMeter(1_234_567, 0));
    register(server, "kafka.test:type=Scaled,name=second", new FakeMeter(1_000, 0));
    register(server, "kafka.test:type=Scaled,name=odd", new FakeMeter(3, 0));
    start();

    assertDirectWritesWhatTheLibraryWrites();
    assertThat(errors.count("kafka_test_events_total", ScrapeErrorReason.INVALID_VALUE)).isEqualTo(perCheck(1));
    assertThat(errors.count("kafka_test_events_total", ScrapeErrorReason.NOT_A_NUMBER)).isEqualTo(perCheck(1));
  }

  @Test
  void gaugeValuesOfEveryKind() throws Exception {
    Map<String, Object> values = new HashMap<>();
    values.put("nan", Double.NaN);
    values.put("positive_infinity", Double.POSITIVE_INFINITY);
    values.put("negative_infinity", Double.NEGATIVE_INFINITY);
    values.put("zero", 0.0);
    values.put("negative_zero", -0.0);
    values.put("int", 42);
    values.put("int_min", Integer.MIN_VALUE);
    values.put("long", 123_456_789_012L);
    values.put("long_max", Long.MAX_VALUE);
    values.put("two_to_the_53", 1L << 53);
    values.put("two_to_the_53_plus_one", (1L << 53) + 1);
    values.put("ten_million", 10_000_000.0);
    values.put("just_below_ten_million", 9_999_999.0);
    values.put("tiny", 1e-300);
    values.put("subnormal", Double.MIN_VALUE);
    values.put("huge", 1e300);
    values.put("max", Double.MAX_VALUE);
    values.put("third", 1.0 / 3);
    values.put("thousandth", 0.001);
    values.put("below_a_thousandth", 9.99e-4);
    values.put("float", 1.1f);
    values.put("byte", (byte) -3);
    values.put("short", (short) 300);
    values.put("negative", -17.5);
    values.put("big_decimal", new BigDecimal("0.1"));
    values.put("big_integer", new BigInteger("123456789012345678901234567890"));
    values.put("atomic", new AtomicLong(5));
    values.put("text", "not a number");
    values.put("nothing", null);
    values.put("flag", Boolean.TRUE);
    for (Map.Entry<String, Object> value : values.entrySet()) {
      register(server, "kafka.test:type=Value,name=" + value.getKey(), new FakeGauge(value.getValue()));
    }
    register(server, "kafka.test:type=Colon", new FakeGauge(1));
    start();

    assertDirectWritesWhatTheLibraryWrites();
    assertThat(errors.count("kafka_test_value", ScrapeErrorReason.NOT_A_NUMBER)).isEqualTo(perCheck(2));
    assertThat(errors.count("kafka_test_value", ScrapeErrorReason.NULL_VALUE)).isEqualTo(perCheck(1));
  }

  @Test
  void labelValuesThatNeedEscapingOrAreNotAscii() throws Exception {
    String[] topics = {
      "orders", "with \"quotes\"", "back\\slash", "two\nlines", "é日本語😀", "lone \ud800 surrogate", "", " spaced "
    };
    int partition = 0;
    for (String topic : topics) {
      register(server, "kafka.test:type=Labelled,topic=" + ObjectName.quote(topic) + ",partition=" + partition++, new FakeGauge(partition));
      register(server, "kafka.test:type=Labelled,topic=" + ObjectName.quote(topic), new FakeGauge(-partition));
    }
    register(server, "kafka.test:type=Labelled,topic=orders,partition=10", new FakeGauge(10));
    register(server, "kafka.test:type=Events,name=" + ObjectName.quote("a \"quoted\" \\ value\nwith newline"), new FakeMeter(1, 0));
    start();

    assertDirectWritesWhatTheLibraryWrites();
  }

  @Test
  void summariesWithQuantilesCountAndSum() throws Exception {
    register(server, "kafka.test:type=Latency,request=Produce", new FakeHistogram(10, 4.0, 3.0, 9.0));
    register(server, "kafka.test:type=Latency,request=Fetch", new FakeHistogram(123_456_789, 0.5, 0.25, 510));
    register(server, "kafka.test:type=Latency,request=Idle", new FakeHistogram(0, 0, 0, 0));
    register(
        server,
        "kafka.test:type=Latency,request=NoP99",
        new ScriptedBean()
            .with("Count", 5L).with("Mean", 2.0).with("50thPercentile", 1.0).with("99thPercentile", 7.0)
            .with("999thPercentile", 8.0).dropFromBulk(Collections.singleton("99thPercentile")));
    register(
        server,
        "kafka.test:type=Latency,request=NoMean",
        new ScriptedBean()
            .with("Count", 5L).with("Mean", null).with("50thPercentile", 1.0).with("99thPercentile", 7.0)
            .with("999thPercentile", Double.NaN));
    register(
        server,
        "kafka.test:type=Latency,request=BadCount",
        new ScriptedBean()
            .with("Count", "many").with("Mean", 1.0).with("50thPercentile", 1.0).with("99thPercentile", 1.0)
            .with("999thPercentile", 1.0));
    register(server, "kafka.test:type=QuantilesOnly,name=some", new ScriptedBean().with("75thPercentile", 3.0));
    register(server, "kafka.test:type=QuantilesOnly,name=none", new ScriptedBean().with("75thPercentile", null));
    start();

    assertDirectWritesWhatTheLibraryWrites();
    assertThat(errors.count("kafka_test_latency_seconds", ScrapeErrorReason.ATTRIBUTE_UNAVAILABLE)).isEqualTo(perCheck(1));
    assertThat(errors.count("kafka_test_latency_seconds", ScrapeErrorReason.NULL_VALUE)).isEqualTo(perCheck(1));
    assertThat(errors.count("kafka_test_latency_seconds", ScrapeErrorReason.NOT_A_NUMBER)).isEqualTo(perCheck(1));
    assertThat(errors.count("kafka_test_quantiles_only", ScrapeErrorReason.NULL_VALUE)).isEqualTo(perCheck(1));
  }

  @Test
  void valueLabelsOfEveryKindInBothFormats() throws Exception {
    Object[] values = {
      "leader", "follower", "leader", "with \"quotes\"", "back\\slash", "two\nlines", "é日本語😀",
      "lone \ud800 surrogate", " spaced ", null, "", 7, 1.5
    };
    for (int i = 0; i < values.length; i++) {
      register(server, "kafka.test:type=State,name=s" + (char) ('z' - i), new FakeGauge(values[i]));
      register(server, "kafka.test:type=StateLast,name=s" + (char) ('a' + i), new FakeGauge(values[i]));
    }
    register(server, "kafka.test:type=StateNumber,name=number", new FakeGauge(3));
    // no other label tells it from the State MBean sz, which could read an empty state: a duplicate
    register(server, "kafka.test:type=StateNumber,name=sz", new FakeGauge(2.5));
    start();

    String text = assertDirectWritesWhatTheLibraryWrites();

    assertThat(text)
        .contains(
            "kafka_test_state{a_state=\"\",name=\"number\"} 3.0\n"
                + "kafka_test_state{a_state=\" spaced \",name=\"sr\"} 1.0\n")
        .doesNotContain("2.5")
        .contains("kafka_test_state{a_state=\"leader\",name=\"sx\"} 1.0\n")
        .contains("kafka_test_state{a_state=\"with \\\"quotes\\\"\",name=\"sw\"} 1.0\n")
        .contains("kafka_test_state_last{kind=\"fixed\",name=\"sa\",z_state=\"leader\"} 1.0\n");
    assertThat(errors.count("kafka_test_state", ScrapeErrorReason.DUPLICATE_LABELS)).isEqualTo(perCheck(1));
    assertThat(errors.count("kafka_test_state", ScrapeErrorReason.NULL_VALUE)).isEqualTo(perCheck(1));
    assertThat(errors.count("kafka_test_state", ScrapeErrorReason.INVALID_VALUE)).isEqualTo(perCheck(3));
    assertThat(errors.count("kafka_test_state_last", ScrapeErrorReason.INVALID_VALUE)).isEqualTo(perCheck(3));
  }

  @Test
  void valueLabelsThatChangeRoundAfterRound() throws Exception {
    String[] states = {"leader", "follower", "candidate", "voted", "unattached", "prospective", "observer", "resigned"};
    SplittableRandom random = new SplittableRandom(11);
    List<FakeGauge> gauges = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      FakeGauge state = new FakeGauge("leader");
      FakeGauge last = new FakeGauge("leader");
      gauges.add(state);
      gauges.add(last);
      register(server, "kafka.test:type=State,name=n" + i, state);
      register(server, "kafka.test:type=StateLast,name=n" + i, last);
    }
    register(server, "kafka.test:type=StateNumber,name=n40", new FakeGauge(1));
    start();

    for (int round = 0; round < 25; round++) {
      for (FakeGauge gauge : gauges) {
        int pick = random.nextInt(states.length + 1);
        gauge.setValue(pick == states.length ? null : states[pick]);
      }
      assertDirectWritesWhatTheLibraryWrites();
    }
  }

  @Test
  void familiesWithoutSamplesAreLeftOutAsTheLibraryDoes() throws Exception {
    register(server, "kafka.test:type=Failing", new ScriptedBean().with("Value", 1).throwOnBulk().throwOnSingle());
    register(server, "kafka.test:type=Colon", new FakeGauge("not a number"));
    register(server, "kafka.test:type=Events,name=only", new FakeMeter(2, 0));
    start();

    String text = assertDirectWritesWhatTheLibraryWrites();

    assertThat(text).as("only the events family has a sample").startsWith("# HELP kafka_test_events_total ");
    assertThat(text).doesNotContain("kafka_test_always_failing", "kafka_test_never_registered", "kafka_test:colon");
    assertThat(errors.count("kafka_test_always_failing", ScrapeErrorReason.READ_FAILED)).isEqualTo(perCheck(1));
  }

  @Test
  void nothingAtAllWritesNothing() throws Exception {
    start();

    assertThat(assertDirectWritesWhatTheLibraryWrites()).isEmpty();
  }

  @Test
  void beansWithTheSameLabelsKeepTheFirstInBothPaths() throws Exception {
    register(server, "kafka.test:type=Dup,client=b,topic=t", new FakeGauge(2));
    register(server, "kafka.test:type=Dup,client=a,topic=t", new FakeGauge(1));
    register(server, "kafka.test:type=Dup,client=a,topic=u", new FakeGauge(3));
    start();

    assertDirectWritesWhatTheLibraryWrites();
    assertThat(errors.count("kafka_test_duplicate", ScrapeErrorReason.DUPLICATE_LABELS)).isEqualTo(perCheck(1));
  }

  @Test
  void aVanishedBeanCostsItsSampleInTheDirectPathToo() throws Exception {
    register(server, "kafka.test:type=Value,name=stays", new FakeGauge(1));
    register(server, "kafka.test:type=Value,name=goes", new FakeGauge(2));
    start();
    intercepted.vanish(name("kafka.test:type=Value,name=goes"));

    ExpositionBuffer direct = new ExpositionBuffer();
    collector.writeTo(direct, ExpositionFormat.PROMETHEUS_TEXT);

    assertThat(direct.toUtf8String())
        .isEqualTo(library(collector.collect(), ExpositionFormat.PROMETHEUS_TEXT, EscapingScheme.DEFAULT))
        .contains("kafka_test_value{name=\"stays\"} 1.0\n")
        .doesNotContain("goes");
    assertThat(errors.count("kafka_test_value", ScrapeErrorReason.BEAN_GONE)).as("counted once, then forgotten").isEqualTo(1);
    assertThat(collector.indexedBeans()).isEqualTo(1);
  }

  @Test
  void randomValuesRoundAfterRound() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    List<FakeGauge> gauges = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      FakeGauge gauge = new FakeGauge(0.0);
      gauges.add(gauge);
      register(server, "kafka.test:type=Random,name=g" + i, gauge);
    }
    start();

    for (int round = 0; round < 25; round++) {
      for (FakeGauge gauge : gauges) {
        gauge.setValue(randomValue(random));
      }
      assertDirectWritesWhatTheLibraryWrites();
    }
  }

  @Test
  void allowUtf8EscapingChangesNothingForPlainNames() throws Exception {
    register(server, "kafka.test:type=Events,name=plain", new FakeMeter(7, 0));
    register(server, "kafka.test:type=Latency,request=Produce", new FakeHistogram(10, 4.0, 3.0, 9.0));
    register(server, "kafka.test:type=Colon", new FakeGauge(1.5));
    start();

    for (ExpositionFormat format : ExpositionFormat.values()) {
      ExpositionBuffer direct = new ExpositionBuffer();
      collector.writeTo(direct, format);
      assertThat(direct.toUtf8String())
          .as(format.name())
          .isEqualTo(library(collector.collect(), format, EscapingScheme.ALLOW_UTF8));
    }
  }

  @Test
  void concurrentDirectScrapesWriteTheSameBytes() throws Exception {
    for (int i = 0; i < 100; i++) {
      register(server, "kafka.test:type=Labelled,topic=t" + (i % 7) + ",partition=" + i, new FakeGauge((double) i / 7));
    }
    register(server, "kafka.test:type=Latency,request=Produce", new FakeHistogram(10, 4.0, 3.0, 9.0));
    start();
    ExpositionBuffer first = new ExpositionBuffer();
    collector.writeTo(first, ExpositionFormat.OPENMETRICS);
    String expected = first.toUtf8String();

    List<Thread> threads = new ArrayList<>();
    List<String> results = Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 25; i++) {
                  ExpositionBuffer out = new ExpositionBuffer();
                  collector.writeTo(out, ExpositionFormat.OPENMETRICS);
                  results.add(out.toUtf8String());
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(60_000);
    }

    assertThat(results).hasSize(100).allSatisfy(result -> assertThat(result).isEqualTo(expected));
    assertThat(errors.total()).isZero();
  }

  /** A count per scrape, times the four scrapes of one {@link #assertDirectWritesWhatTheLibraryWrites()}. */
  private static long perCheck(long perScrape) {
    return 4 * perScrape;
  }

  private static Object randomValue(SplittableRandom random) {
    switch (random.nextInt(6)) {
      case 0:
        return Double.longBitsToDouble(random.nextLong());
      case 1:
        return random.nextLong(1L << 53);
      case 2:
        return random.nextLong();
      case 3:
        return random.nextDouble() * 1000;
      case 4:
        return (double) random.nextInt(20_000_000) - 10_000_000;
      default:
        return random.nextInt(100) / 100.0;
    }
  }

  private void start() throws Exception {
    Mapping mapping = MappingReader.parse("differential.mapping", MAPPING.getBytes(StandardCharsets.UTF_8));
    collector = KafkaJmxCollector.start(server, mapping.jmxMetrics(), errors, new ScrapeDuration());
    assertThat(collector.directlyWritable()).isTrue();
  }

  /**
   * Scrapes once directly and once through the library, per format, and compares bytes and the
   * errors each scrape counted. Returns the Prometheus text.
   */
  private String assertDirectWritesWhatTheLibraryWrites() throws IOException {
    String prometheusText = null;
    for (ExpositionFormat format : ExpositionFormat.values()) {
      Map<String, Long> before = errorCounts();
      ExpositionBuffer direct = new ExpositionBuffer();
      collector.writeTo(direct, format);
      Map<String, Long> afterDirect = errorCounts();
      byte[] library = libraryBytes(collector.collect(), format, EscapingScheme.DEFAULT);
      Map<String, Long> afterLibrary = errorCounts();

      assertThat(direct.toUtf8String()).as(format.name()).isEqualTo(new String(library, StandardCharsets.UTF_8));
      assertThat(direct.toByteArray()).as(format.name() + " bytes").isEqualTo(library);
      assertThat(difference(before, afterDirect))
          .as("errors counted by the direct scrape and by collect()")
          .isEqualTo(difference(afterDirect, afterLibrary));
      if (format == ExpositionFormat.PROMETHEUS_TEXT) {
        prometheusText = direct.toUtf8String();
      }
    }
    return prometheusText;
  }

  private static String library(MetricSnapshots snapshots, ExpositionFormat format, EscapingScheme scheme)
      throws IOException {
    return new String(libraryBytes(snapshots, format, scheme), StandardCharsets.UTF_8);
  }

  /** What the library writes for the collector's families, without the closing # EOF of OpenMetrics. */
  private static byte[] libraryBytes(MetricSnapshots snapshots, ExpositionFormat format, EscapingScheme scheme)
      throws IOException {
    ExpositionFormatWriter writer =
        format == ExpositionFormat.OPENMETRICS ? OpenMetricsTextFormatWriter.create() : PrometheusTextFormatWriter.create();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, snapshots, scheme);
    byte[] bytes = out.toByteArray();
    if (format == ExpositionFormat.OPENMETRICS) {
      String eof = "# EOF\n";
      assertThat(new String(bytes, StandardCharsets.UTF_8)).endsWith(eof);
      return java.util.Arrays.copyOf(bytes, bytes.length - eof.length());
    }
    return bytes;
  }

  private Map<String, Long> errorCounts() {
    Map<String, Long> counts = new HashMap<>();
    for (CounterDataPointSnapshot point : errors.snapshot().getDataPoints()) {
      counts.put(point.getLabels().get("metric") + "/" + point.getLabels().get("reason"), (long) point.getValue());
    }
    return counts;
  }

  private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> difference = new HashMap<>();
    for (Map.Entry<String, Long> entry : after.entrySet()) {
      long delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
      if (delta != 0) {
        difference.put(entry.getKey(), delta);
      }
    }
    return difference;
  }
}
