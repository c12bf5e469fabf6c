package dev.brokerwatch.agent.jmx;

import static dev.brokerwatch.agent.jmx.KafkaJmxCollectorTest.find;
import static dev.brokerwatch.agent.jmx.KafkaJmxCollectorTest.names;
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
import dev.brokerwatch.agent.testing.FakeKafkaMetrics;
import dev.brokerwatch.agent.testing.InterceptingMBeanServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A String attribute exported as a label's value on a sample of 1 ({@code value-label}). */
class ValueLabelCollectorTest {
  private static final String STATE = "kafka_server_raftmetrics_current_state";
  private static final String RAFT = "kafka.server:type=raft-metrics";
  private static final String MAPPING =
      "brokerwatch-mapping 1\n"
          + "name value-labels\n"
          + "metric kafka_server_raftmetrics_current_state gauge\n"
          + "  help This node's state in the metadata quorum, as the current_state label; the value is always 1\n"
          + "  jmx kafka.server:type=raft-metrics\n"
          + "    attribute current-state\n"
          + "    value-label current_state\n"
          + "metric kafka_test_node_state gauge\n"
          + "  help The value label sorts before the node label\n"
          + "  jmx kafka.test:type=NodeState,node=*,client=*\n"
          + "    attribute Value\n"
          + "    label node node\n"
          + "    value-label current_state\n";

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
  void theStringIsTheLabelValueOfASampleOfOneAndAnOldValueIsGone() throws Exception {
    FakeKafkaMetrics raft = new FakeKafkaMetrics().set("current-state", "follower").set("current-leader", 1);
    register(server, RAFT, raft);
    start();

    String header =
        "# HELP kafka_server_raftmetrics_current_state This node's state in the metadata quorum, as the"
            + " current_state label; the value is always 1\n"
            + "# TYPE kafka_server_raftmetrics_current_state gauge\n";
    assertThat(direct()).isEqualTo(header + "kafka_server_raftmetrics_current_state{current_state=\"follower\"} 1.0\n");
    assertThat(library()).isEqualTo(direct());
    GaugeSnapshot follower = (GaugeSnapshot) find(collector.collect(), STATE);
    assertThat(follower.getDataPoints()).singleElement().satisfies(point -> {
      assertThat((Object) point.getLabels()).isEqualTo(Labels.of("current_state", "follower"));
      assertThat(point.getValue()).isEqualTo(1.0);
    });

    raft.set("current-state", "leader");

    assertThat(direct()).isEqualTo(header + "kafka_server_raftmetrics_current_state{current_state=\"leader\"} 1.0\n");
    assertThat(library()).isEqualTo(direct());
    assertThat(errors.total()).isZero();
  }

  @Test
  void nullEmptyAndNonStringValuesAreCountedAndExportNothing() throws Exception {
    FakeKafkaMetrics raft = new FakeKafkaMetrics().set("current-state", null);
    register(server, RAFT, raft);
    start();

    assertThat(names(collector.collect())).doesNotContain(STATE);
    assertThat(errors.count(STATE, ScrapeErrorReason.NULL_VALUE)).isEqualTo(1);

    raft.set("current-state", 3);
    assertThat(names(collector.collect())).doesNotContain(STATE);
    raft.set("current-state", Boolean.TRUE);
    assertThat(direct()).isEmpty();
    assertThat(errors.count(STATE, ScrapeErrorReason.INVALID_VALUE)).as("a String was expected").isEqualTo(2);

    raft.set("current-state", "");
    assertThat(names(collector.collect())).as("an empty value would read as no label").doesNotContain(STATE);
    assertThat(errors.count(STATE, ScrapeErrorReason.INVALID_VALUE)).isEqualTo(3);
    assertThat(errors.count(STATE, ScrapeErrorReason.NOT_A_NUMBER)).isZero();
    assertThat(errors.count(STATE, ScrapeErrorReason.NULL_VALUE)).isEqualTo(1);
  }

  @Test
  void aMissingAttributeIsCountedAsForAnyGauge() throws Exception {
    register(server, RAFT, new FakeKafkaMetrics().set("current-leader", 1));
    start();

    assertThat(names(collector.collect())).doesNotContain(STATE);
    assertThat(errors.count(STATE, ScrapeErrorReason.ATTRIBUTE_UNAVAILABLE)).isEqualTo(1);
  }

  @Test
  void theThirtyThirdDistinctValueIsRefusedAndCountedEvenAfterThePlanIsRebuilt() throws Exception {
    FakeKafkaMetrics raft = new FakeKafkaMetrics().set("current-state", "state-0");
    register(server, RAFT, raft);
    start();
    for (int i = 0; i < LabelValueTable.MAX_VALUES; i++) {
      raft.set("current-state", "state-" + i);
      assertThat(direct()).endsWith("{current_state=\"state-" + i + "\"} 1.0\n");
    }
    assertThat(errors.total()).isZero();

    raft.set("current-state", "state-32");
    assertThat(direct()).isEmpty();
    assertThat(names(collector.collect())).doesNotContain(STATE);
    assertThat(errors.count(STATE, ScrapeErrorReason.INVALID_VALUE)).isEqualTo(2);

    // another MBean makes a new plan; the MBean's values are kept with it, and so is the bound
    register(intercepted.target(), "kafka.test:type=NodeState,node=1,client=a", new FakeGauge("leader"));
    assertThat(direct()).doesNotContain(STATE);
    assertThat(errors.count(STATE, ScrapeErrorReason.INVALID_VALUE)).isEqualTo(3);

    raft.set("current-state", "state-7");
    String known = direct();
    assertThat(known).contains("kafka_server_raftmetrics_current_state{current_state=\"state-7\"} 1.0\n");
    assertThat(library()).isEqualTo(known);
    assertThat(errors.count(STATE, ScrapeErrorReason.INVALID_VALUE)).isEqualTo(3);
  }

  @Test
  void steadyScrapesReuseTheLabelsMadeWhenTheValueFirstAppeared() throws Exception {
    FakeKafkaMetrics raft = new FakeKafkaMetrics().set("current-state", "leader");
    register(server, RAFT, raft);
    start();

    Labels first = onlyPoint(collector.collect()).getLabels();
    raft.set("current-state", "follower");
    collector.collect();
    raft.set("current-state", "leader");
    Labels again = onlyPoint(collector.collect()).getLabels();

    assertThat((Object) again).isSameAs(first);
  }

  @Test
  void theValueLabelTakesItsPlaceByNameAndTheSamplesTheLibrarysOrder() throws Exception {
    FakeGauge one = new FakeGauge("leader");
    FakeGauge two = new FakeGauge("follower");
    register(server, "kafka.test:type=NodeState,node=1,client=a", one);
    register(server, "kafka.test:type=NodeState,node=2,client=a", two);
    start();

    String plain = direct();
    assertThat(plain)
        .as("current_state sorts before node, so the state read decides the order")
        .endsWith(
            "kafka_test_node_state{current_state=\"follower\",node=\"2\"} 1.0\n"
                + "kafka_test_node_state{current_state=\"leader\",node=\"1\"} 1.0\n");
    assertThat(library()).isEqualTo(plain);

    one.setValue("candidate");
    two.setValue("voted");
    String swapped = direct();
    assertThat(swapped)
        .endsWith(
            "kafka_test_node_state{current_state=\"candidate\",node=\"1\"} 1.0\n"
                + "kafka_test_node_state{current_state=\"voted\",node=\"2\"} 1.0\n");
    assertThat(library()).isEqualTo(swapped);

    one.setValue(null);
    String withoutOne = direct();
    assertThat(withoutOne)
        .endsWith("# TYPE kafka_test_node_state gauge\nkafka_test_node_state{current_state=\"voted\",node=\"2\"} 1.0\n");
    assertThat(library()).isEqualTo(withoutOne);
    assertThat(errors.count("kafka_test_node_state", ScrapeErrorReason.NULL_VALUE)).as("one per scrape").isEqualTo(2);
  }

  @Test
  void mBeansThatDifferOnlyInTheValueAreDuplicates() throws Exception {
    // the client key is not a label: both MBeans could read the same state, two series alike
    register(server, "kafka.test:type=NodeState,node=1,client=b", new FakeGauge("leader"));
    register(server, "kafka.test:type=NodeState,node=1,client=a", new FakeGauge("follower"));
    start();

    assertThat(direct()).endsWith("\nkafka_test_node_state{current_state=\"follower\",node=\"1\"} 1.0\n");
    assertThat(errors.count("kafka_test_node_state", ScrapeErrorReason.DUPLICATE_LABELS)).isEqualTo(1);
  }

  @Test
  void declaresTheValueLabelForTheRegistry() throws Exception {
    start();

    assertThat(collector.getLabelNames(STATE)).containsExactly("current_state");
    assertThat(collector.getLabelNames("kafka_test_node_state")).containsExactly("node", "current_state");
    assertThat(collector.directlyWritable()).isTrue();
  }

  @Test
  void concurrentScrapesWhileTheValueChangesSeeOneStateEach() throws Exception {
    FakeKafkaMetrics raft = new FakeKafkaMetrics().set("current-state", "follower");
    register(server, RAFT, raft);
    start();
    String[] states = {"follower", "candidate", "leader", "resigned", "unattached"};
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> scrapes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        scrapes.add(pool.submit(this::direct));
        raft.set("current-state", states[i % states.length]);
      }
      for (Future<String> scrape : scrapes) {
        String text = scrape.get(60, TimeUnit.SECONDS);
        assertThat(text.split("\n")).hasSize(3);
        assertThat(text).containsPattern("\\{current_state=\"(follower|candidate|leader|resigned|unattached)\"} 1\\.0\n$");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(errors.total()).isZero();
  }

  private static GaugeDataPointSnapshot onlyPoint(MetricSnapshots snapshots) {
    List<GaugeDataPointSnapshot> points = ((GaugeSnapshot) find(snapshots, STATE)).getDataPoints();
    assertThat(points).hasSize(1);
    return points.get(0);
  }

  private void start() throws Exception {
    Mapping mapping = MappingReader.parse("value-labels.mapping", MAPPING.getBytes(StandardCharsets.UTF_8));
    collector = KafkaJmxCollector.start(server, mapping.jmxMetrics(), errors, new ScrapeDuration());
  }

  /** One scrape written directly as Prometheus text. */
  private String direct() {
    ExpositionBuffer out = new ExpositionBuffer();
    collector.writeTo(out, ExpositionFormat.PROMETHEUS_TEXT);
    return out.toUtf8String();
  }

  /** One scrape written by the client library from snapshots. */
  private String library() throws Exception {
    return PrometheusTextFormatWriter.create().toDebugString(collector.collect());
  }
}
