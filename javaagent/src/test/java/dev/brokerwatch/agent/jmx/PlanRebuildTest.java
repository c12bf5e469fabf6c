package dev.brokerwatch.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.exposition.ExpositionFormat;
import dev.brokerwatch.agent.mapping.Mapping;
import dev.brokerwatch.agent.mapping.MappingReader;
import dev.brokerwatch.agent.self.ScrapeDuration;
import dev.brokerwatch.agent.self.ScrapeErrors;
import dev.brokerwatch.agent.testing.Beans;
import dev.brokerwatch.agent.testing.FakeGauge;
import dev.brokerwatch.agent.testing.Readings;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A plan rebuilt from the previous plan's order, after MBeans came and went, writes what a plan built
 * from scratch over the same MBeans writes: samples in label order, wherever the new labels sort, and
 * nothing of the MBeans that went.
 */
class PlanRebuildTest {
  private static final String DOMAIN = "bwtest.rebuild";
  private static final String MAPPING =
      "brokerwatch-mapping 1\n"
          + "name rebuild\n"
          + "metric t_size gauge\n"
          + "  jmx " + DOMAIN + ":type=Log,name=Size,topic=*,partition=*\n"
          + "    attribute Value\n"
          + "    label topic topic\n"
          + "    label partition partition\n"
          + "metric t_offset gauge\n"
          + "  jmx " + DOMAIN + ":type=Log,name=LogEndOffset,topic=*,partition=*\n"
          + "    attribute Value\n"
          + "    label topic topic\n"
          + "    label partition partition\n";

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private KafkaJmxCollector longLived;
  private KafkaJmxCollector fresh;

  @AfterEach
  void stop() throws Exception {
    for (KafkaJmxCollector collector : new KafkaJmxCollector[] {longLived, fresh}) {
      if (collector != null) {
        collector.close();
      }
    }
    for (ObjectName name : server.queryNames(Beans.name(DOMAIN + ":*"), null)) {
      server.unregisterMBean(name);
    }
  }

  @Test
  void aPlanRebuiltAfterMBeansCameAndWentWritesWhatAPlanFromScratchWrites() throws Exception {
    for (int p = 0; p < 300; p++) {
      register("m-topic", p);
    }
    longLived = start();
    String before = Readings.text(longLived, longLived.read(), ExpositionFormat.PROMETHEUS_TEXT);

    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 5; round++) {
      // new labels that sort before, among and after the old ones; some old MBeans go
      for (String topic : new String[] {"a-topic", "m-topic", "z-topic"}) {
        for (int i = 0; i < 20; i++) {
          register(topic, 1_000 + round * 100 + random.nextInt(100));
        }
      }
      for (int i = 0; i < 15; i++) {
        unregister("m-topic", random.nextInt(300));
      }
      String rebuilt = Readings.text(longLived, longLived.read(), ExpositionFormat.PROMETHEUS_TEXT);
      fresh = start();
      String fromScratch = Readings.text(fresh, fresh.read(), ExpositionFormat.PROMETHEUS_TEXT);
      fresh.close();
      fresh = null;

      assertThat(rebuilt).as("round %d: the rebuilt plan's text and a fresh plan's", round).isEqualTo(fromScratch);
    }
    assertThat(before).contains("t_size{partition=\"299\",topic=\"m-topic\"} 299.0");
  }

  private KafkaJmxCollector start() throws Exception {
    Mapping mapping = MappingReader.parse("rebuild.mapping", MAPPING.getBytes(StandardCharsets.UTF_8));
    return KafkaJmxCollector.start(server, mapping.jmxMetrics(), new ScrapeErrors(), new ScrapeDuration());
  }

  private void register(String topic, int partition) {
    for (String name : new String[] {"Size", "LogEndOffset"}) {
      ObjectName objectName = Beans.name(DOMAIN + ":type=Log,name=" + name + ",topic=" + topic + ",partition=" + partition);
      if (!server.isRegistered(objectName)) {
        Beans.register(server, objectName.toString(), new FakeGauge(partition));
      }
    }
  }

  private void unregister(String topic, int partition) throws Exception {
    for (String name : new String[] {"Size", "LogEndOffset"}) {
      ObjectName objectName = Beans.name(DOMAIN + ":type=Log,name=" + name + ",topic=" + topic + ",partition=" + partition);
      if (server.isRegistered(objectName)) {
        server.unregisterMBean(objectName);
      }
    }
  }
}
