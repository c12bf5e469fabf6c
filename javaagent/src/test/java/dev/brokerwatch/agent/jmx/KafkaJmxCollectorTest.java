package dev.brokerwatch.agent.jmx;

import static dev.brokerwatch.agent.testing.Beans.name;
import static dev.brokerwatch.agent.testing.Beans.register;
import static dev.brokerwatch.agent.testing.Beans.unregister;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.agent.exposition.ExpositionBuffer;
import dev.brokerwatch.agent.exposition.ExpositionFormat;
import dev.brokerwatch.agent.mapping.JmxSource;
import dev.brokerwatch.agent.mapping.Mapping;
import dev.brokerwatch.agent.mapping.MappingReader;
import dev.brokerwatch.agent.mapping.MetricMapping;
import dev.brokerwatch.agent.self.ScrapeDuration;
import dev.brokerwatch.agent.self.ScrapeErrorReason;
import dev.brokerwatch.agent.self.ScrapeErrors;
import dev.brokerwatch.agent.testing.FakeGauge;
import dev.brokerwatch.agent.testing.FakeHistogram;
import dev.brokerwatch.agent.testing.FakeMeter;
import dev.brokerwatch.agent.testing.InterceptingMBeanServer;
import dev.brokerwatch.agent.testing.ScriptedBean;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaJmxCollectorTest {
  private static final String MAPPING =
      "brokerwatch-mapping 1\n"
          + "name test\n"
          + "metric kafka_server_replicamanager_underreplicatedpartitions gauge\n"
          + "  help Under-replicated partitions\n"
          + "  jmx kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions\n"
          + "    attribute Value\n"
          + "metric kafka_server_replicamanager_isrshrinks_total counter\n"
          + "  help ISR shrinks\n"
          + "  jmx kafka.server:type=ReplicaManager,name=IsrShrinksPerSec\n"
          + "    attribute Count\n"
          + "metric kafka_server_replicamanager_isrshrinks_oneminuterate gauge\n"
          + "  help ISR shrinks per second, one-minute EWMA\n"
          + "  jmx kafka.server:type=ReplicaManager,name=IsrShrinksPerSec\n"
          + "    attribute OneMinuteRate\n"
          + "metric kafka_log_log_size gauge\n"
          + "  help Log size\n"
          + "  jmx kafka.log:type=Log,name=Size,topic=*,partition=*\n"
          + "    attribute Value\n"
          + "    label topic topic\n"
          + "    label partition partition\n"
          + "metric kafka_network_requestmetrics_totaltime_seconds summary\n"
          + "  help Request time\n"
          + "  jmx kafka.network:type=RequestMetrics,name=TotalTimeMs,request=*\n"
          + "    quantile 0.5 50thPercentile\n"
          + "    quantile 0.99 99thPercentile\n"
          + "    count Count\n"
          + "    sum-from-mean Mean\n"
          + "    scale 0.001\n"
          + "    label request request\n"
          + "    const source broker\n"
          + "metric kafka_server_requesthandler_idle_ratio gauge\n"
          + "  help Idle percent scaled to a ratio\n"
          + "  jmx kafka.server:type=KafkaRequestHandlerPool,name=RequestHandlerAvgIdlePercent\n"
          + "    attribute Value\n"
          + "    scale 0.01\n"
          + "metric kafka_log_logmanager_logdirectoryoffline gauge\n"
          + "  help Offline log directory\n"
          + "  jmx kafka.log:type=LogManager,name=LogDirectoryOffline,logDirectory=*\n"
          + "    attribute Value\n"
          + "    label logdirectory logDirectory\n"
          + "metric kafka_server_odd gauge\n"
          + "  help Odd values\n"
          + "  jmx kafka.server:type=Odd,name=*\n"
          + "    attribute Value\n"
          + "    label name name\n"
          + "metric kafka_server_negative_total counter\n"
          + "  help A broken counter\n"
          + "  jmx kafka.server:type=Negative\n"
          + "    attribute Count\n";

  private final InterceptingMBeanServer intercepted = new InterceptingMBeanServer();
  private final MBeanServer server = intercepted.server();
  private final ScrapeErrors errors = new ScrapeErrors();
  private final ScrapeDuration duration = new ScrapeDuration();
  private KafkaJmxCollector collector;

  @AfterEach
  void close() {
    if (collector != null) {
      collector.close();
    }
  }

  private KafkaJmxCollector start() throws Exception {
    Mapping mapping = MappingReader.parse("test.mapping", MAPPING.getBytes(StandardCharsets.UTF_8));
    collector = KafkaJmxCollector.start(server, mapping.jmxMetrics(), errors, duration);
    return collector;
  }

  @Test
  void exportsNamesTypesLabelsAndScaling() throws Exception {
    register(server, "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions", new FakeGauge(2));
    register(server, "kafka.server:type=ReplicaManager,name=IsrShrinksPerSec", new FakeMeter(7, 0.25));
    register(server, "kafka.log:type=Log,name=Size,topic=orders,partition=0", new FakeGauge(1024L));
    register(server, "kafka.log:type=Log,name=Size,topic=orders,partition=1", new FakeGauge(2048L));
    register(server, "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce", new FakeHistogram(10, 4.0, 3.0, 9.0));
    register(server, "kafka.server:type=KafkaRequestHandlerPool,name=RequestHandlerAvgIdlePercent", new FakeGauge(95.0));
    register(server, "kafka.log:type=LogManager,name=LogDirectoryOffline,logDirectory=\"/var/lib/kafka\"", new FakeGauge(0));
    start();

    MetricSnapshots snapshots = collector.collect();

    GaugeSnapshot urp = (GaugeSnapshot) find(snapshots, "kafka_server_replicamanager_underreplicatedpartitions");
    assertThat(urp.getMetadata().getHelp()).isEqualTo("Under-replicated partitions");
    assertThat(urp.getDataPoints()).singleElement().satisfies(p -> assertThat(p.getValue()).isEqualTo(2.0));

    CounterSnapshot shrinks = (CounterSnapshot) find(snapshots, "kafka_server_replicamanager_isrshrinks");
    assertThat(shrinks.getDataPoints()).singleElement().satisfies(p -> assertThat(p.getValue()).isEqualTo(7.0));
    GaugeSnapshot rate = (GaugeSnapshot) find(snapshots, "kafka_server_replicamanager_isrshrinks_oneminuterate");
    assertThat(rate.getDataPoints().get(0).getValue()).isEqualTo(0.25);

    GaugeSnapshot size = (GaugeSnapshot) find(snapshots, "kafka_log_log_size");
    assertThat(size.getDataPoints()).hasSize(2);
    assertThat((Object) size.getDataPoints().get(0).getLabels()).isEqualTo(Labels.of("partition", "0", "topic", "orders"));
    assertThat(size.getDataPoints().get(0).getValue()).isEqualTo(1024.0);
    assertThat((Object) size.getDataPoints().get(1).getLabels()).isEqualTo(Labels.of("partition", "1", "topic", "orders"));

    SummarySnapshot total = (SummarySnapshot) find(snapshots, "kafka_network_requestmetrics_totaltime_seconds");
    SummarySnapshot.SummaryDataPointSnapshot point = total.getDataPoints().get(0);
    assertThat((Object) point.getLabels()).isEqualTo(Labels.of("request", "Produce", "source", "broker"));
    assertThat(point.getCount()).isEqualTo(10);
    assertThat(point.getSum()).isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(point.getQuantiles().size()).isEqualTo(2);
    assertThat(point.getQuantiles().get(0).getQuantile()).isEqualTo(0.5);
    assertThat(point.getQuantiles().get(0).getValue()).isCloseTo(0.003, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(point.getQuantiles().get(1).getValue()).isCloseTo(0.009, org.assertj.core.data.Offset.offset(1e-12));

    GaugeSnapshot idle = (GaugeSnapshot) find(snapshots, "kafka_server_requesthandler_idle_ratio");
    assertThat(idle.getDataPoints().get(0).getValue()).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-12));

    GaugeSnapshot offline = (GaugeSnapshot) find(snapshots, "kafka_log_logmanager_logdirectoryoffline");
    assertThat((Object) offline.getDataPoints().get(0).getLabels()).isEqualTo(Labels.of("logdirectory", "/var/lib/kafka"));

    assertThat(errors.total()).isZero();
    assertThat(duration.lastSeconds()).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void rendersAsPrometheusText() throws Exception {
    register(server, "kafka.server:type=ReplicaManager,name=IsrShrinksPerSec", new FakeMeter(7, 0.25));
    register(server, "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Fetch", new FakeHistogram(4, 500, 400, 510));
    start();

    String text = PrometheusTextFormatWriter.create().toDebugString(collector.collect());

    assertThat(text)
        .contains("# TYPE kafka_server_replicamanager_isrshrinks_total counter\n")
        .contains("kafka_server_replicamanager_isrshrinks_total 7.0\n")
        .contains("# TYPE kafka_network_requestmetrics_totaltime_seconds summary\n")
        .contains("kafka_network_requestmetrics_totaltime_seconds{request=\"Fetch\",source=\"broker\",quantile=\"0.99\"} 0.51\n")
        .contains("kafka_network_requestmetrics_totaltime_seconds_count{request=\"Fetch\",source=\"broker\"} 4\n")
        .contains("kafka_network_requestmetrics_totaltime_seconds_sum{request=\"Fetch\",source=\"broker\"} 2.0\n");
  }

  @Test
  void writesPrometheusTextDirectly() throws Exception {
    registerGoldenBeans();
    start();
    ExpositionBuffer out = new ExpositionBuffer();

    collector.writeTo(out, ExpositionFormat.PROMETHEUS_TEXT);

    assertThat(out.toUtf8String())
        .isEqualTo(
            "# HELP kafka_log_log_size Log size\n"
                + "# TYPE kafka_log_log_size gauge\n"
                + "kafka_log_log_size{partition=\"0\",topic=\"orders\"} 1024.0\n"
                + "kafka_log_log_size{partition=\"1\",topic=\"orders\"} 1.6384E7\n"
                + "# HELP kafka_network_requestmetrics_totaltime_seconds Request time\n"
                + "# TYPE kafka_network_requestmetrics_totaltime_seconds summary\n"
                + "kafka_network_requestmetrics_totaltime_seconds{request=\"Fetch\",source=\"broker\",quantile=\"0.5\"} 0.5\n"
                + "kafka_network_requestmetrics_totaltime_seconds{request=\"Fetch\",source=\"broker\",quantile=\"0.99\"} 0.51\n"
                + "kafka_network_requestmetrics_totaltime_seconds_count{request=\"Fetch\",source=\"broker\"} 4\n"
                + "kafka_network_requestmetrics_totaltime_seconds_sum{request=\"Fetch\",source=\"broker\"} 2.0\n"
                + "# HELP kafka_server_replicamanager_isrshrinks_total ISR shrinks\n"
                + "# TYPE kafka_server_replicamanager_isrshrinks_total counter\n"
                + "kafka_server_replicamanager_isrshrinks_total 7.0\n"
                + "# HELP kafka_server_replicamanager_isrshrinks_oneminuterate ISR shrinks per second, one-minute EWMA\n"
                + "# TYPE kafka_server_replicamanager_isrshrinks_oneminuterate gauge\n"
                + "kafka_server_replicamanager_isrshrinks_oneminuterate 0.25\n");
    assertThat(errors.total()).isZero();
  }

  @Test
  void writesOpenMetricsDirectlyWithoutTheClosingEof() throws Exception {
    registerGoldenBeans();
    start();
    ExpositionBuffer out = new ExpositionBuffer();

    collector.writeTo(out, ExpositionFormat.OPENMETRICS);

    assertThat(out.toUtf8String())
        .as("counter families are named without _total, TYPE comes before HELP")
        .isEqualTo(
            "# TYPE kafka_log_log_size gauge\n"
                + "# HELP kafka_log_log_size Log size\n"
                + "kafka_log_log_size{partition=\"0\",topic=\"orders\"} 1024.0\n"
                + "kafka_log_log_size{partition=\"1\",topic=\"orders\"} 1.6384E7\n"
                + "# TYPE kafka_network_requestmetrics_totaltime_seconds summary\n"
                + "# HELP kafka_network_requestmetrics_totaltime_seconds Request time\n"
                + "kafka_network_requestmetrics_totaltime_seconds{request=\"Fetch\",source=\"broker\",quantile=\"0.5\"} 0.5\n"
                + "kafka_network_requestmetrics_totaltime_seconds{request=\"Fetch\",source=\"broker\",quantile=\"0.99\"} 0.51\n"
                + "kafka_network_requestmetrics_totaltime_seconds_count{request=\"Fetch\",source=\"broker\"} 4\n"
                + "kafka_network_requestmetrics_totaltime_seconds_sum{request=\"Fetch\",source=\"broker\"} 2.0\n"
                + "# TYPE kafka_server_replicamanager_isrshrinks counter\n"
                + "# HELP kafka_server_replicamanager_isrshrinks ISR shrinks\n"
                + "kafka_server_replicamanager_isrshrinks_total 7.0\n"
                + "# TYPE kafka_server_replicamanager_isrshrinks_oneminuterate gauge\n"
                + "# HELP kafka_server_replicamanager_isrshrinks_oneminuterate ISR shrinks per second, one-minute EWMA\n"
                + "kafka_server_replicamanager_isrshrinks_oneminuterate 0.25\n");
  }

  @Test
  void aMappingThePlainWritersCannotCopyIsLeftToTheLibrary() throws Exception {
    MetricMapping dotted =
        new MetricMapping(
            "kafka.dotted.gauge",
            dev.brokerwatch.agent.mapping.MetricType.GAUGE,
            "A name the library would escape",
            Collections.singletonList(
                new JmxSource(
                    name("kafka.server:type=Dotted"), "Value", Collections.emptyList(), null, null, 1.0,
                    Collections.emptyList(), Collections.emptyList(), null, 1)),
            1);

    collector = KafkaJmxCollector.start(server, Collections.singletonList(dotted), errors, duration);

    assertThat(collector.directlyWritable()).isFalse();
  }

  @Test
  void theDefaultMappingIsWrittenDirectly() throws Exception {
    Mapping embedded;
    try (java.io.InputStream in = KafkaJmxCollectorTest.class.getResourceAsStream("/kafka-default.mapping")) {
      assertThat(in).as("the embedded mapping on the test class path").isNotNull();
      embedded = MappingReader.parse("kafka-default.mapping", in.readAllBytes());
    }

    collector = KafkaJmxCollector.start(server, embedded.jmxMetrics(), errors, duration);

    assertThat(collector.directlyWritable()).isTrue();
  }

  private void registerGoldenBeans() {
    register(server, "kafka.server:type=ReplicaManager,name=IsrShrinksPerSec", new FakeMeter(7, 0.25));
    register(server, "kafka.log:type=Log,name=Size,topic=orders,partition=1", new FakeGauge(16_384_000L));
    register(server, "kafka.log:type=Log,name=Size,topic=orders,partition=0", new FakeGauge(1024L));
    register(server, "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Fetch", new FakeHistogram(4, 500, 500, 510));
  }

  @Test
  void readsEachBeanWithOneBulkCallAndNeverQueriesNamesWhileScraping() throws Exception {
    register(server, "kafka.server:type=ReplicaManager,name=IsrShrinksPerSec", new FakeMeter(7, 0.25));
    register(server, "kafka.log:type=Log,name=Size,topic=a,partition=0", new FakeGauge(1L));
    start();
    int queriesAtStart = intercepted.calls("queryNames") + intercepted.calls("queryMBeans");
    int bulkBefore = intercepted.calls("getAttributes");

    for (int i = 0; i < 5; i++) {
      collector.collect();
    }

    // two beans: the meter serves a counter and a gauge from the same bulk read
    assertThat(intercepted.calls("getAttributes") - bulkBefore).isEqualTo(10);
    assertThat(intercepted.calls("getAttribute")).isZero();
    assertThat(intercepted.calls("queryNames") + intercepted.calls("queryMBeans")).isEqualTo(queriesAtStart);
    assertThat(intercepted.calls("getMBeanInfo")).isZero();
  }

  @Test
  void registrationAfterStartShowsInTheNextScrapeAndUnregistrationRemovesIt() throws Exception {
    register(server, "kafka.log:type=Log,name=Size,topic=a,partition=0", new FakeGauge(1L));
    start();
    assertThat(((GaugeSnapshot) find(collector.collect(), "kafka_log_log_size")).getDataPoints()).hasSize(1);
    int queries = intercepted.calls("queryNames");

    register(intercepted.target(), "kafka.log:type=Log,name=Size,topic=b,partition=3", new FakeGauge(30L));
    register(intercepted.target(), "kafka.log:type=Log,name=Other,topic=b,partition=3", new FakeGauge(99L));
    GaugeSnapshot after = (GaugeSnapshot) find(collector.collect(), "kafka_log_log_size");
    assertThat(after.getDataPoints()).extracting(p -> p.getLabels().get("topic")).containsExactly("a", "b");
    assertThat(collector.indexedBeans()).isEqualTo(2);

    unregister(intercepted.target(), "kafka.log:type=Log,name=Size,topic=a,partition=0");
    GaugeSnapshot removed = (GaugeSnapshot) find(collector.collect(), "kafka_log_log_size");
    assertThat(removed.getDataPoints()).extracting(p -> p.getLabels().get("topic")).containsExactly("b");

    unregister(intercepted.target(), "kafka.log:type=Log,name=Size,topic=b,partition=3");
    assertThat(names(collector.collect())).doesNotContain("kafka_log_log_size");
    assertThat(intercepted.calls("queryNames")).isEqualTo(queries);
    assertThat(errors.total()).isZero();
  }

  @Test
  void aBeanThatThrowsCostsOnlyItsOwnSamples() throws Exception {
    register(server, "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions", new FakeGauge(0));
    register(server, "kafka.log:type=Log,name=Size,topic=a,partition=0", new ScriptedBean().with("Value", 5L).throwOnBulk().throwOnSingle());
    register(server, "kafka.log:type=Log,name=Size,topic=a,partition=1", new FakeGauge(6L));
    start();

    MetricSnapshots snapshots = collector.collect();

    assertThat(find(snapshots, "kafka_server_replicamanager_underreplicatedpartitions").getDataPoints()).hasSize(1);
    GaugeSnapshot size = (GaugeSnapshot) find(snapshots, "kafka_log_log_size");
    assertThat(size.getDataPoints()).extracting(p -> p.getLabels().get("partition")).containsExactly("1");
    assertThat(errors.count("kafka_log_log_size", ScrapeErrorReason.READ_FAILED)).isEqualTo(1);
  }

  @Test
  void fallsBackToSingleReadsWhenTheBulkReadThrows() throws Exception {
    register(server, "kafka.log:type=Log,name=Size,topic=a,partition=0", new ScriptedBean().with("Value", 5L).throwOnBulk());
    start();

    GaugeSnapshot size = (GaugeSnapshot) find(collector.collect(), "kafka_log_log_size");

    assertThat(size.getDataPoints().get(0).getValue()).isEqualTo(5.0);
    assertThat(intercepted.calls("getAttribute")).isEqualTo(1);
    assertThat(errors.total()).isZero();
  }

  @Test
  void anAttributeDroppedFromTheBulkReadCostsOnlyItsSample() throws Exception {
    register(
        server,
        "kafka.server:type=ReplicaManager,name=IsrShrinksPerSec",
        new ScriptedBean().with("Count", 3L).with("OneMinuteRate", 0.1).dropFromBulk(Collections.singleton("OneMinuteRate")));
    start();

    MetricSnapshots snapshots = collector.collect();

    assertThat(((CounterSnapshot) find(snapshots, "kafka_server_replicamanager_isrshrinks")).getDataPoints().get(0).getValue())
        .isEqualTo(3.0);
    assertThat(names(snapshots)).doesNotContain("kafka_server_replicamanager_isrshrinks_oneminuterate");
    assertThat(errors.count("kafka_server_replicamanager_isrshrinks_oneminuterate", ScrapeErrorReason.ATTRIBUTE_UNAVAILABLE))
        .isEqualTo(1);
  }

  @Test
  void aBeanUnregisteredBetweenIndexAndReadIsCountedAndForgotten() throws Exception {
    register(server, "kafka.log:type=Log,name=Size,topic=a,partition=0", new FakeGauge(1L));
    register(server, "kafka.log:type=Log,name=Size,topic=a,partition=1", new FakeGauge(2L));
    start();
    assertThat(collector.indexedBeans()).isEqualTo(2);
    intercepted.vanish(name("kafka.log:type=Log,name=Size,topic=a,partition=0"));

    GaugeSnapshot size = (GaugeSnapshot) find(collector.collect(), "kafka_log_log_size");

    assertThat(size.getDataPoints()).extracting(p -> p.getLabels().get("partition")).containsExactly("1");
    assertThat(errors.count("kafka_log_log_size", ScrapeErrorReason.BEAN_GONE)).isEqualTo(1);
    assertThat(collector.indexedBeans()).isEqualTo(1);
    collector.collect();
    assertThat(errors.count("kafka_log_log_size", ScrapeErrorReason.BEAN_GONE)).isEqualTo(1);
  }

  @Test
  void oddValueTypesAreSkippedAndCounted() throws Exception {
    register(server, "kafka.server:type=Odd,name=text", new FakeGauge("a-cluster-id"));
    register(server, "kafka.server:type=Odd,name=nothing", new FakeGauge(null));
    register(server, "kafka.server:type=Odd,name=flag", new FakeGauge(Boolean.TRUE));
    register(server, "kafka.server:type=Odd,name=nan", new FakeGauge(Double.NaN));
    register(server, "kafka.server:type=Odd,name=byte", new FakeGauge((byte) 3));
    register(server, "kafka.server:type=Odd,name=atomic", new FakeGauge(new java.util.concurrent.atomic.AtomicLong(42)));
    register(server, "kafka.server:type=Odd,name=float", new FakeGauge(1.5f));
    register(server, "kafka.server:type=Negative", new ScriptedBean().with("Count", -1L));
    start();

    MetricSnapshots snapshots = collector.collect();

    GaugeSnapshot odd = (GaugeSnapshot) find(snapshots, "kafka_server_odd");
    assertThat(odd.getDataPoints()).extracting(p -> p.getLabels().get("name")).containsExactly("atomic", "byte", "float", "nan");
    assertThat(odd.getDataPoints()).extracting(GaugeSnapshot.GaugeDataPointSnapshot::getValue)
        .containsExactly(42.0, 3.0, 1.5, Double.NaN);
    assertThat(errors.count("kafka_server_odd", ScrapeErrorReason.NOT_A_NUMBER)).isEqualTo(2);
    assertThat(errors.count("kafka_server_odd", ScrapeErrorReason.NULL_VALUE)).isEqualTo(1);
    assertThat(names(snapshots)).doesNotContain("kafka_server_negative");
    assertThat(errors.count("kafka_server_negative_total", ScrapeErrorReason.INVALID_VALUE)).isEqualTo(1);
    assertThat(errors.snapshot().getDataPoints())
        .extracting(p -> p.getLabels().get("metric") + "/" + p.getLabels().get("reason"))
        .containsExactly(
            "kafka_server_negative_total/invalid_value",
            "kafka_server_odd/not_a_number",
            "kafka_server_odd/null_value");
  }

  @Test
  void beansThatMapToTheSameLabelsKeepTheFirstAndCountTheRest() throws Exception {
    String mapping =
        "brokerwatch-mapping 1\n"
            + "metric kafka_server_fetcher_lag gauge\n"
            + "  jmx kafka.server:type=FetcherLagMetrics,name=ConsumerLag,clientId=*,topic=*,partition=*\n"
            + "    attribute Value\n"
            + "    label topic topic\n";
    register(server, "kafka.server:type=FetcherLagMetrics,name=ConsumerLag,clientId=b,topic=t,partition=0", new FakeGauge(2));
    register(server, "kafka.server:type=FetcherLagMetrics,name=ConsumerLag,clientId=a,topic=t,partition=0", new FakeGauge(1));
    Mapping parsed = MappingReader.parse("dup.mapping", mapping.getBytes(StandardCharsets.UTF_8));
    collector = KafkaJmxCollector.start(server, parsed.jmxMetrics(), errors, duration);

    GaugeSnapshot lag = (GaugeSnapshot) find(collector.collect(), "kafka_server_fetcher_lag");

    assertThat(lag.getDataPoints()).singleElement().satisfies(p -> assertThat(p.getValue()).isEqualTo(1.0));
    assertThat(errors.count("kafka_server_fetcher_lag", ScrapeErrorReason.DUPLICATE_LABELS)).isEqualTo(1);
  }

  @Test
  void aSourceWithoutALabelOfItsMetricExportsItEmpty() throws Exception {
    String mapping =
        "brokerwatch-mapping 1\n"
            + "metric kafka_server_brokertopicmetrics_bytesin_total counter\n"
            + "  jmx kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec\n"
            + "    attribute Count\n"
            + "  jmx kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=*\n"
            + "    attribute Count\n"
            + "    label topic topic\n";
    register(server, "kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec", new FakeMeter(30, 0));
    register(server, "kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=orders", new FakeMeter(20, 0));
    register(server, "kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=audit", new FakeMeter(10, 0));
    Mapping parsed = MappingReader.parse("union.mapping", mapping.getBytes(StandardCharsets.UTF_8));
    collector = KafkaJmxCollector.start(server, parsed.jmxMetrics(), errors, duration);

    String text = PrometheusTextFormatWriter.create().toDebugString(collector.collect());

    assertThat(text)
        .contains("kafka_server_brokertopicmetrics_bytesin_total{topic=\"\"} 30.0\n")
        .contains("kafka_server_brokertopicmetrics_bytesin_total{topic=\"audit\"} 10.0\n")
        .contains("kafka_server_brokertopicmetrics_bytesin_total{topic=\"orders\"} 20.0\n");
    assertThat(collector.getLabelNames("kafka_server_brokertopicmetrics_bytesin")).containsExactly("topic");
    assertThat(errors.total()).isZero();
  }

  @Test
  void concurrentScrapesGiveTheSameOutput() throws Exception {
    register(server, "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions", new FakeGauge(0));
    register(server, "kafka.server:type=ReplicaManager,name=IsrShrinksPerSec", new FakeMeter(7, 0.25));
    for (int topic = 0; topic < 20; topic++) {
      for (int partition = 0; partition < 10; partition++) {
        register(server, "kafka.log:type=Log,name=Size,topic=t" + topic + ",partition=" + partition, new FakeGauge((long) topic * partition));
      }
    }
    register(server, "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce", new FakeHistogram(10, 4.0, 3.0, 9.0));
    start();
    PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    String expected = writer.toDebugString(collector.collect());

    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<String>> scrapes = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        scrapes.add(() -> writer.toDebugString(collector.collect()));
      }
      List<Future<String>> results = pool.invokeAll(scrapes, 60, TimeUnit.SECONDS);
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(errors.total()).isZero();
    assertThat(expected).contains("kafka_log_log_size{partition=\"9\",topic=\"t19\"} 171.0");
  }

  @Test
  void concurrentScrapesStayConsistentWhileBeansComeAndGo() throws Exception {
    for (int partition = 0; partition < 50; partition++) {
      register(server, "kafka.log:type=Log,name=Size,topic=steady,partition=" + partition, new FakeGauge(1L));
    }
    start();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> scrapes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        scrapes.add(
            pool.submit(
                () -> {
                  MetricSnapshot size = find(collector.collect(), "kafka_log_log_size");
                  int steady = 0;
                  for (DataPointSnapshot point : size.getDataPoints()) {
                    if (point.getLabels().get("topic").equals("steady")) {
                      steady++;
                    }
                  }
                  return steady;
                }));
      }
      for (int i = 0; i < 100; i++) {
        String churn = "kafka.log:type=Log,name=Size,topic=churn,partition=" + i;
        register(intercepted.target(), churn, new FakeGauge(2L));
        if (i % 2 == 0) {
          unregister(intercepted.target(), churn);
        }
      }
      for (Future<Integer> scrape : scrapes) {
        assertThat(scrape.get(60, TimeUnit.SECONDS)).isEqualTo(50);
      }
    } finally {
      pool.shutdownNow();
    }
    GaugeSnapshot size = (GaugeSnapshot) find(collector.collect(), "kafka_log_log_size");
    assertThat(size.getDataPoints()).hasSize(100);
  }

  @Test
  void declaresItsFamiliesForTheRegistry() throws Exception {
    start();
    assertThat(collector.getPrometheusNames())
        .contains("kafka_server_replicamanager_isrshrinks", "kafka_log_log_size");
    assertThat(collector.getMetricType("kafka_server_replicamanager_isrshrinks"))
        .isEqualTo(io.prometheus.metrics.model.registry.MetricType.COUNTER);
    assertThat(collector.getLabelNames("kafka_network_requestmetrics_totaltime_seconds"))
        .containsExactly("request", "source");
  }

  static MetricSnapshot find(MetricSnapshots snapshots, String name) {
    for (MetricSnapshot snapshot : snapshots) {
      if (snapshot.getMetadata().getName().equals(name)) {
        return snapshot;
      }
    }
    throw new AssertionError("no metric " + name + " in " + names(snapshots));
  }

  static java.util.Set<String> names(MetricSnapshots snapshots) {
    java.util.Set<String> names = new HashSet<>();
    for (MetricSnapshot snapshot : snapshots) {
      names.add(snapshot.getMetadata().getName());
    }
    return names;
  }
}
