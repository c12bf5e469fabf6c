package dev.brokerwatch.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import com.yammer.metrics.core.Counter;
import com.yammer.metrics.core.Gauge;
import com.yammer.metrics.core.Histogram;
import com.yammer.metrics.core.Meter;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
import com.yammer.metrics.core.Timer;
import dev.brokerwatch.agent.exposition.DirectReading;
import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import dev.brokerwatch.agent.exposition.ExpositionFormat;
import dev.brokerwatch.agent.mapping.Mapping;
import dev.brokerwatch.agent.mapping.MappingReader;
import dev.brokerwatch.agent.self.ScrapeDuration;
import dev.brokerwatch.agent.self.ScrapeErrors;
import dev.brokerwatch.agent.testing.Beans;
import dev.brokerwatch.agent.testing.FakeGauge;
import dev.brokerwatch.agent.testing.KafkaYammer;
import dev.brokerwatch.agent.testing.Readings;
import dev.brokerwatch.agent.testing.ReportedRegistry;
import dev.brokerwatch.agent.yammer.YammerRegistryReads;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading a Yammer registry in process must give what reading its JmxReporter's MBeans through the
 * MBean server gives: the same bytes in both formats and the same errors counted, for every kind of
 * metric and attribute, odd and failing gauges, names that need quoting, and MBeans that only the
 * server can read. Both paths read with the same plan of one collector; the registry and reporter
 * are Yammer's own, as in a broker.
 */
class InProcessReadDifferentialTest {
  private static final String DOMAIN = "bwtest.inprocess";
  private static final String MAPPING =
      "brokerwatch-mapping 1\n"
          + "name in-process\n"
          + "metric t_partition_size gauge\n"
          + "  jmx " + DOMAIN + ":type=Log,name=Size,topic=*,partition=*\n"
          + "    attribute Value\n"
          + "    label topic topic\n"
          + "    label partition partition\n"
          + "metric t_value gauge\n"
          + "  jmx " + DOMAIN + ":type=Value,name=*\n"
          + "    attribute Value\n"
          + "    label name name\n"
          + "metric t_messages_total counter\n"
          + "  jmx " + DOMAIN + ":type=BrokerTopicMetrics,name=MessagesInPerSec,topic=*\n"
          + "    attribute Count\n"
          + "    label topic topic\n"
          + "metric t_idle_ratio gauge\n"
          + "  jmx " + DOMAIN + ":type=Pool,name=IdlePercent\n"
          + "    attribute OneMinuteRate\n"
          + "metric t_mean_rate gauge\n"
          + "  jmx " + DOMAIN + ":type=Pool,name=IdlePercent\n"
          + "    attribute MeanRate\n"
          + "metric t_plain_count_total counter\n"
          + "  jmx " + DOMAIN + ":type=Counter,name=*\n"
          + "    attribute Count\n"
          + "    label name name\n"
          + "metric t_request_seconds summary\n"
          + "  jmx " + DOMAIN + ":type=RequestMetrics,name=TotalTimeMs,request=*\n"
          + "    quantile 0.5 50thPercentile\n"
          + "    quantile 0.75 75thPercentile\n"
          + "    quantile 0.95 95thPercentile\n"
          + "    quantile 0.98 98thPercentile\n"
          + "    quantile 0.99 99thPercentile\n"
          + "    quantile 0.999 999thPercentile\n"
          + "    count Count\n"
          + "    sum-from-mean Mean\n"
          + "    scale 0.001\n"
          + "    label request request\n"
          + "metric t_request_max_seconds gauge\n"
          + "  jmx " + DOMAIN + ":type=RequestMetrics,name=TotalTimeMs,request=*\n"
          + "    attribute Max\n"
          + "    scale 0.001\n"
          + "    label request request\n"
          + "metric t_request_min_seconds gauge\n"
          + "  jmx " + DOMAIN + ":type=RequestMetrics,name=TotalTimeMs,request=*\n"
          + "    attribute Min\n"
          + "    scale 0.001\n"
          + "    label request request\n"
          + "metric t_batch_size summary\n"
          + "  jmx " + DOMAIN + ":type=Histogram,name=*\n"
          + "    quantile 0.5 50thPercentile\n"
          + "    quantile 0.99 99thPercentile\n"
          + "    count Count\n"
          + "    sum-from-mean Mean\n"
          + "    label name name\n"
          + "metric t_batch_spread gauge\n"
          + "  jmx " + DOMAIN + ":type=Histogram,name=*\n"
          + "    attribute StdDev\n"
          + "    label name name\n"
          + "metric t_batch_min gauge\n"
          + "  jmx " + DOMAIN + ":type=Histogram,name=*\n"
          + "    attribute Min\n"
          + "    label name name\n"
          // attributes a Yammer MBean does not have, or that are no number: the server's answer
          + "metric t_event_type gauge\n"
          + "  jmx " + DOMAIN + ":type=Pool,name=IdlePercent\n"
          + "    attribute EventType\n"
          + "metric t_counter_value gauge\n"
          + "  jmx " + DOMAIN + ":type=Counter,name=*\n"
          + "    attribute Value\n"
          + "    label name name\n"
          // a plain MBean in the same domain: only the server can read it
          + "metric t_plain_bean gauge\n"
          + "  jmx " + DOMAIN + ":type=Plain\n"
          + "    attribute Value\n";

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ScrapeErrors errors = new ScrapeErrors();
  private final List<String> notices = new ArrayList<>();
  private ReportedRegistry reported;
  private MetricsRegistry registry;
  private KafkaJmxCollector collector;

  @BeforeEach
  void startRegistry() {
    reported = ReportedRegistry.start();
    registry = reported.registry();
  }

  @AfterEach
  void stop() throws Exception {
    if (collector != null) {
      collector.close();
    }
    reported.close();
    ObjectName plain = Beans.name(DOMAIN + ":type=Plain");
    if (server.isRegistered(plain)) {
      server.unregisterMBean(plain);
    }
  }

  @Test
  void everyKindOfMetricReadsTheSameInProcessAsThroughTheServer() throws Exception {
    SplittableRandom random = new SplittableRandom(15);
    for (int p = 0; p < 40; p++) {
      long size = random.nextLong(1L << 40);
      KafkaYammer.gauge(registry, DOMAIN, "type=Log,name=Size,topic=orders,partition=" + p, () -> size);
    }
    for (String topic : new String[] {"orders", "payments", "a.b-c_d"}) {
      Meter meter = registry.newMeter(KafkaYammer.name(DOMAIN, "type=BrokerTopicMetrics,name=MessagesInPerSec,topic=" + topic),
          "messages", TimeUnit.SECONDS);
      meter.mark(random.nextInt(1_000_000));
    }
    // rates move with the clock, so only one that stays 0 can be compared
    registry.newMeter(KafkaYammer.name(DOMAIN, "type=Pool,name=IdlePercent"), "percent", TimeUnit.NANOSECONDS);
    Counter counter = registry.newCounter(KafkaYammer.name(DOMAIN, "type=Counter,name=Connections"));
    counter.inc(42);
    for (String request : new String[] {"Produce", "Fetch", "Metadata"}) {
      Timer timer = registry.newTimer(
          KafkaYammer.name(DOMAIN, "type=RequestMetrics,name=TotalTimeMs,request=" + request), TimeUnit.MILLISECONDS, TimeUnit.SECONDS);
      for (int i = 0; i < 500; i++) {
        timer.update(random.nextLong(1, 50_000_000), TimeUnit.NANOSECONDS);
      }
    }
    registry.newTimer(KafkaYammer.name(DOMAIN, "type=RequestMetrics,name=TotalTimeMs,request=Unused"), TimeUnit.MILLISECONDS,
        TimeUnit.SECONDS);
    Histogram histogram = registry.newHistogram(KafkaYammer.name(DOMAIN, "type=Histogram,name=BatchSize"), true);
    for (int i = 0; i < 2_000; i++) {
      histogram.update(random.nextInt(1_000_000));
    }
    registry.newHistogram(KafkaYammer.name(DOMAIN, "type=Histogram,name=Empty"), false);
    Beans.register(server, DOMAIN + ":type=Plain", new FakeGauge(7.5));
    oddGauges();
    start();

    String text = assertBothPathsWriteTheSame();

    ReadPaths paths = collector.readPaths();
    assertThat(paths.inProcessSource()).isEqualTo("test registry");
    assertThat(paths.mbeanServer())
        .as("the plain MBean and the Pool and Counter MBeans, whose mapped attributes a Yammer MBean does not read"
            + " as a number from its metric")
        .isEqualTo(3);
    assertThat(paths.inProcess()).as("every other MBean").isEqualTo(40 + 3 + 4 + 2 + oddGaugeCount());
    assertThat(text)
        .contains("t_partition_size{partition=\"0\",topic=\"orders\"} ")
        .contains("t_request_seconds{request=\"Produce\",quantile=\"0.999\"} ")
        .contains("t_request_seconds_sum{request=\"Produce\"} ")
        .contains("t_batch_size_count{name=\"BatchSize\"} 2000")
        .contains("t_plain_count_total{name=\"Connections\"} 42")
        .contains("t_plain_bean 7.5");
    assertThat(notices).isEmpty();
  }

  @Test
  void aMetricRemovedOrReplacedIsReadAsItsMBeanHasIt() throws Exception {
    KafkaYammer.gauge(registry, DOMAIN, "type=Value,name=Stays", () -> 1);
    KafkaYammer.gauge(registry, DOMAIN, "type=Value,name=Removed", () -> 2);
    KafkaYammer.gauge(registry, DOMAIN, "type=Value,name=Replaced", () -> 3);
    start();
    assertBothPathsWriteTheSame();

    // as Kafka does when a partition moves away and back: the metric goes, one of the same name comes
    registry.removeMetric(KafkaYammer.name(DOMAIN, "type=Value,name=Removed"));
    registry.removeMetric(KafkaYammer.name(DOMAIN, "type=Value,name=Replaced"));
    KafkaYammer.gauge(registry, DOMAIN, "type=Value,name=Replaced", () -> 30);

    String replanned = assertBothPathsWriteTheSame();
    assertThat(replanned).contains("t_value{name=\"Replaced\"} 30").doesNotContain("Removed");
    assertThat(collector.readPaths().inProcess()).isEqualTo(2);

    // the registry changes while the MBeans stay (no reporter listening): the MBeans hold the old metrics,
    // and so does the plan
    registry.removeListener(reported.reporter());
    registry.removeMetric(KafkaYammer.name(DOMAIN, "type=Value,name=Replaced"));
    KafkaYammer.gauge(registry, DOMAIN, "type=Value,name=Replaced", () -> 300);
    registry.removeMetric(KafkaYammer.name(DOMAIN, "type=Value,name=Stays"));

    String behindThePlansBack = assertBothPathsWriteTheSame();
    assertThat(behindThePlansBack).contains("t_value{name=\"Replaced\"} 30").contains("t_value{name=\"Stays\"} 1");
    assertThat(collector.readPaths().inProcess()).as("the plan is unchanged").isEqualTo(2);
  }

  @Test
  void aLocatorThatFailsLeavesEveryReadWithTheServerAndSaysSoOnce() throws Exception {
    KafkaYammer.gauge(registry, DOMAIN, "type=Value,name=One", () -> 1);
    Mapping mapping = MappingReader.parse("in-process.mapping", MAPPING.getBytes(StandardCharsets.UTF_8));
    collector = KafkaJmxCollector.start(server, mapping.jmxMetrics(), errors, new ScrapeDuration(), () -> {
      throw new IllegalStateException("no class org.apache.kafka.server.metrics.KafkaYammerMetrics in this JVM");
    }, notices::add, 1);

    String first = Readings.text(collector, collector.read(), ExpositionFormat.PROMETHEUS_TEXT);
    KafkaYammer.gauge(registry, DOMAIN, "type=Value,name=Two", () -> 2);
    String second = Readings.text(collector, collector.read(), ExpositionFormat.PROMETHEUS_TEXT);

    assertThat(first).contains("t_value{name=\"One\"} 1");
    assertThat(second).contains("t_value{name=\"Two\"} 2");
    assertThat(collector.readPaths().inProcess()).isZero();
    assertThat(notices)
        .containsExactly("reading every metric through the MBean server: no class "
            + "org.apache.kafka.server.metrics.KafkaYammerMetrics in this JVM");
  }

  @Test
  void outsideABrokerTheKafkaLocatorSaysWhatIsMissing() {
    // this JVM has Yammer's classes (the tests need them) but not Kafka's
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> InProcessSource.kafkaYammer().locate()))
        .hasMessage("no class org.apache.kafka.server.metrics.KafkaYammerMetrics in this JVM");
  }

  /** Gauges whose values are not plain numbers, or that fail, with the same names on both paths. */
  private void oddGauges() {
    Object[] values = {
      Double.NaN, Double.POSITIVE_INFINITY, -0.0, Long.MAX_VALUE, Integer.MIN_VALUE, (short) 3, (byte) -1,
      1e-300, 0.1f, new java.math.BigDecimal("12345678901234567890.5"), null, "seven", Boolean.TRUE
    };
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      KafkaYammer.gauge(registry, DOMAIN, "type=Value,name=odd" + i, () -> value);
    }
    KafkaYammer.gauge(registry, DOMAIN, "type=Value,name=throwsRuntime", () -> {
      throw new IllegalStateException("log closed");
    });
    KafkaYammer.gauge(registry, DOMAIN, "type=Value,name=throwsError", () -> {
      throw new AssertionError("an Error from the broker's gauge");
    });
    // a value that needs quoting in an ObjectName, as Kafka quotes client ids
    KafkaYammer.gauge(registry, DOMAIN, "type=Value,name=" + ObjectName.quote("with,comma=and\"quote"), () -> 11);
  }

  private static int oddGaugeCount() {
    return 13 + 2 + 1;
  }

  private void start() throws Exception {
    Mapping mapping = MappingReader.parse("in-process.mapping", MAPPING.getBytes(StandardCharsets.UTF_8));
    collector = KafkaJmxCollector.start(server, mapping.jmxMetrics(), errors, new ScrapeDuration(),
        () -> new YammerRegistryReads(registry, "test registry"), notices::add, 1);
  }

  /** Both formats, in process then through the server; the same bytes and the same errors counted. */
  private String assertBothPathsWriteTheSame() {
    String prometheusText = null;
    for (ExpositionFormat format : ExpositionFormat.values()) {
      Map<String, Long> before = Readings.errorCounts(errors);
      String inProcess = Readings.text(collector, collector.read(), format);
      Map<String, Long> afterInProcess = Readings.errorCounts(errors);
      String throughServer = Readings.text(collector, collector.readThroughMBeanServer(), format);
      Map<String, Long> afterServer = Readings.errorCounts(errors);

      assertThat(inProcess).as(format + ": in process and through the MBean server").isEqualTo(throughServer);
      assertThat(difference(before, afterInProcess))
          .as("errors counted in process and through the MBean server")
          .isEqualTo(difference(afterInProcess, afterServer));
      if (format == ExpositionFormat.PROMETHEUS_TEXT) {
        prometheusText = inProcess;
      }
    }
    return prometheusText;
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
