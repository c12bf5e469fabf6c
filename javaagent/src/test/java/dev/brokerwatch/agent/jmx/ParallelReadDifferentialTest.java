package dev.brokerwatch.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import com.yammer.metrics.core.Gauge;
import com.yammer.metrics.core.Meter;
import com.yammer.metrics.core.MetricName;
import com.yammer.metrics.core.MetricsRegistry;
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
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scrape read on several threads must write what one read on the scraping thread writes: the same
 * bytes in both formats, on both read paths, and the same errors counted, over a broker-sized set of
 * MBeans with failing and odd values among them. Two collectors with the same mapping over the same
 * Yammer registry and MBean server, one with one read thread and one with four.
 */
class ParallelReadDifferentialTest {
  private static final String DOMAIN = "bwtest.parallel";
  private static final int PARTITIONS = 3_000;
  private static final String MAPPING =
      "brokerwatch-mapping 1\n"
          + "name parallel\n"
          + "metric t_partition_size gauge\n"
          + "  jmx " + DOMAIN + ":type=Log,name=Size,topic=*,partition=*\n"
          + "    attribute Value\n"
          + "    label topic topic\n"
          + "    label partition partition\n"
          + "metric t_messages_total counter\n"
          + "  jmx " + DOMAIN + ":type=BrokerTopicMetrics,name=MessagesInPerSec,topic=*\n"
          + "    attribute Count\n"
          + "    label topic topic\n"
          + "metric t_plain_bean gauge\n"
          + "  jmx " + DOMAIN + ":type=Plain,name=*\n"
          + "    attribute Value\n"
          + "    label name name\n";

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ScrapeErrors oneThreadErrors = new ScrapeErrors();
  private final ScrapeErrors fourThreadErrors = new ScrapeErrors();
  private final Set<String> readingThreads = ConcurrentHashMap.newKeySet();
  private ReportedRegistry reported;
  private MetricsRegistry registry;
  private KafkaJmxCollector oneThread;
  private KafkaJmxCollector fourThreads;

  @BeforeEach
  void startRegistry() {
    reported = ReportedRegistry.start();
    registry = reported.registry();
  }

  @AfterEach
  void stop() throws Exception {
    for (KafkaJmxCollector collector : new KafkaJmxCollector[] {oneThread, fourThreads}) {
      if (collector != null) {
        collector.close();
      }
    }
    reported.close();
    for (ObjectName plain : server.queryNames(Beans.name(DOMAIN + ":type=Plain,*"), null)) {
      server.unregisterMBean(plain);
    }
  }

  @Test
  void fourThreadsWriteWhatOneThreadWrites() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    for (int p = 0; p < PARTITIONS; p++) {
      String topic = "topic-" + (p % 37);
      long size = random.nextLong(1L << 40);
      if (p % 101 == 0) {
        KafkaYammer.gauge(registry, DOMAIN, "type=Log,name=Size,topic=" + topic + ",partition=" + p, () -> {
          throw new IllegalStateException("log closed");
        });
      } else if (p % 103 == 0) {
        KafkaYammer.gauge(registry, DOMAIN, "type=Log,name=Size,topic=" + topic + ",partition=" + p, () -> "not a number");
      } else {
        KafkaYammer.gauge(registry, DOMAIN, "type=Log,name=Size,topic=" + topic + ",partition=" + p, () -> {
          readingThreads.add(Thread.currentThread().getName());
          return size;
        });
      }
    }
    for (int t = 0; t < 37; t++) {
      Meter meter = registry.newMeter(
          KafkaYammer.name(DOMAIN, "type=BrokerTopicMetrics,name=MessagesInPerSec,topic=topic-" + t), "messages", TimeUnit.SECONDS);
      meter.mark(random.nextInt(1_000_000));
    }
    for (int i = 0; i < 200; i++) {
      Beans.register(server, DOMAIN + ":type=Plain,name=p" + i, new FakeGauge(i * 0.5));
    }
    oneThread = start(oneThreadErrors, 1);
    fourThreads = start(fourThreadErrors, 4);

    for (ExpositionFormat format : ExpositionFormat.values()) {
      assertThat(Readings.text(fourThreads, fourThreads.read(), format))
          .as(format + ", in process: four threads and one")
          .isEqualTo(Readings.text(oneThread, oneThread.read(), format));
      assertThat(Readings.text(fourThreads, fourThreads.readThroughMBeanServer(), format))
          .as(format + ", through the MBean server: four threads and one")
          .isEqualTo(Readings.text(oneThread, oneThread.readThroughMBeanServer(), format));
    }

    assertThat(Readings.errorCounts(fourThreadErrors))
        .as("errors counted by four threads and by one")
        .isEqualTo(Readings.errorCounts(oneThreadErrors))
        .isNotEmpty();
    assertThat(readingThreads)
        .as("threads that read the partitions' gauges")
        .anyMatch(name -> name.startsWith("brokerwatch-scrape-"));
    assertThat(Readings.text(fourThreads, fourThreads.read(), ExpositionFormat.PROMETHEUS_TEXT))
        .contains("t_partition_size{partition=\"2999\",topic=\"topic-2\"} ")
        .contains("t_plain_bean{name=\"p199\"} 99.5");
  }

  private KafkaJmxCollector start(ScrapeErrors errors, int scrapeThreads) throws Exception {
    Mapping mapping = MappingReader.parse("parallel.mapping", MAPPING.getBytes(StandardCharsets.UTF_8));
    return KafkaJmxCollector.start(server, mapping.jmxMetrics(), errors, new ScrapeDuration(),
        () -> new YammerRegistryReads(registry, "test registry"), notice -> {}, scrapeThreads);
  }

}
