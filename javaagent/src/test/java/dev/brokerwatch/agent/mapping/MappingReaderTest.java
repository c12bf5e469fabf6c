package dev.brokerwatch.agent.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MappingReaderTest {
  private static final String HEADER = "brokerwatch-mapping 1\nname test\n";

  private static final String EXAMPLE =
      "# a comment\n"
          + "brokerwatch-mapping 1\n"
          + "name kafka-default\n"
          + "\n"
          + "metric kafka_server_replicamanager_underreplicatedpartitions gauge\n"
          + "  help Partitions whose in-sync replica set is smaller than their replica set\n"
          + "  jmx kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions\n"
          + "    attribute Value\n"
          + "\n"
          + "metric kafka_server_replicamanager_isrshrinks_total counter\n"
          + "  help ISR shrink events on this broker\n"
          + "  jmx kafka.server:type=ReplicaManager,name=IsrShrinksPerSec\n"
          + "    attribute Count\n"
          + "\n"
          + "metric kafka_network_requestmetrics_totaltimems summary\n"
          + "  help Total request time in milliseconds, by request type\n"
          + "  jmx kafka.network:type=RequestMetrics,name=TotalTimeMs,request=*\n"
          + "    quantile 0.99 99thPercentile\n"
          + "    quantile 0.5 50thPercentile\n"
          + "    count Count\n"
          + "    sum-from-mean Mean\n"
          + "    scale 0.001\n"
          + "    label request request\n"
          + "    const unit seconds\n"
          + "\n"
          + "metric kafka_server_raftmetrics_current_state gauge\n"
          + "  help This node's state in the metadata quorum, as the current_state label; the value is always 1\n"
          + "  jmx kafka.server:type=raft-metrics\n"
          + "    attribute current-state\n"
          + "    value-label current_state\n"
          + "\n"
          + "metric kafka_memory_oom_ratio gauge\n"
          + "  help Working set divided by the container memory limit\\nsecond line \\\\ backslash\n"
          + "  cgroup oom_ratio\n";

  @Test
  void readsTheDocumentedExample() throws Exception {
    Mapping mapping = MappingReader.parse("kafka.mapping", utf8(EXAMPLE));

    assertThat(mapping.name()).isEqualTo("kafka-default");
    assertThat(mapping.sourceName()).isEqualTo("kafka.mapping");
    assertThat(mapping.metrics()).extracting(MetricMapping::name)
        .containsExactly(
            "kafka_server_replicamanager_underreplicatedpartitions",
            "kafka_server_replicamanager_isrshrinks_total",
            "kafka_network_requestmetrics_totaltimems",
            "kafka_server_raftmetrics_current_state",
            "kafka_memory_oom_ratio");

    MetricMapping urp = mapping.metrics().get(0);
    assertThat(urp.type()).isEqualTo(MetricType.GAUGE);
    assertThat(urp.line()).isEqualTo(5);
    JmxSource urpSource = (JmxSource) urp.sources().get(0);
    assertThat(urpSource.pattern().getCanonicalName())
        .isEqualTo("kafka.server:name=UnderReplicatedPartitions,type=ReplicaManager");
    assertThat(urpSource.attribute()).isEqualTo("Value");
    assertThat(urpSource.scale()).isEqualTo(1.0);

    MetricMapping shrinks = mapping.metrics().get(1);
    assertThat(shrinks.type()).isEqualTo(MetricType.COUNTER);
    assertThat(shrinks.baseName()).isEqualTo("kafka_server_replicamanager_isrshrinks");

    MetricMapping total = mapping.metrics().get(2);
    JmxSource totalSource = (JmxSource) total.sources().get(0);
    assertThat(totalSource.quantiles()).extracting(QuantileRead::quantile).containsExactly(0.5, 0.99);
    assertThat(totalSource.quantiles()).extracting(QuantileRead::attribute)
        .containsExactly("50thPercentile", "99thPercentile");
    assertThat(totalSource.countAttribute()).isEqualTo("Count");
    assertThat(totalSource.sumFromMeanAttribute()).isEqualTo("Mean");
    assertThat(totalSource.scale()).isEqualTo(0.001);
    assertThat(totalSource.labelNames()).containsExactly("request", "unit");
    assertThat(totalSource.constLabels().get(0).value()).isEqualTo("seconds");
    assertThat(totalSource.line()).isEqualTo(17);
    assertThat(totalSource.valueLabel()).isNull();

    MetricMapping state = mapping.metrics().get(3);
    JmxSource stateSource = (JmxSource) state.sources().get(0);
    assertThat(stateSource.attribute()).isEqualTo("current-state");
    assertThat(stateSource.valueLabel()).isEqualTo("current_state");
    assertThat(stateSource.scale()).isEqualTo(1.0);
    assertThat(stateSource.labelNames()).containsExactly("current_state");
    assertThat(state.labelNames()).containsExactly("current_state");

    MetricMapping oom = mapping.metrics().get(4);
    assertThat(oom.isCgroup()).isTrue();
    assertThat(((CgroupSource) oom.sources().get(0)).field()).isEqualTo(CgroupField.OOM_RATIO);
    assertThat(oom.help()).isEqualTo("Working set divided by the container memory limit\nsecond line \\ backslash");

    assertThat(mapping.jmxMetrics()).hasSize(4);
    assertThat(mapping.cgroupMetrics()).hasSize(1);
  }

  @Test
  void fingerprintIsTheSha256OfTheBytes() throws Exception {
    byte[] bytes = utf8(EXAMPLE);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
    StringBuilder hex = new StringBuilder();
    for (byte b : digest) {
      hex.append(String.format("%02x", b));
    }
    assertThat(MappingReader.parse("x", bytes).sha256()).isEqualTo(hex.toString());
  }

  @Test
  void readsAFileAndNamesItByThePathGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("site.mapping");
    Files.write(file, utf8("brokerwatch-mapping 1\r\nmetric a gauge\r\n  jmx d:type=A\r\n    attribute Value\r\n"));
    Mapping mapping = MappingReader.read(file);
    assertThat(mapping.name()).isEqualTo("site");
    assertThat(mapping.sourceName()).isEqualTo(file.toString());

    Files.write(file, utf8("brokerwatch-mapping 1\nmetric a gauge\n  jmx d:type=A\n"));
    assertThatThrownBy(() -> MappingReader.read(file))
        .isInstanceOf(MappingException.class)
        .hasMessage(file + ":3: jmx source of a has no 'attribute' line");
  }

  @Test
  void sourcesOfOneMetricAreCollectedInOrder() throws Exception {
    Mapping mapping =
        MappingReader.parse(
            "m",
            utf8(
                HEADER
                    + "metric bytes_total counter\n"
                    + "  jmx kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=*\n"
                    + "    attribute Count\n"
                    + "    label topic topic\n"
                    + "    const direction in\n"
                    + "  jmx kafka.server:type=BrokerTopicMetrics,name=BytesOutPerSec,topic=*\n"
                    + "    attribute Count\n"
                    + "    const direction out\n"
                    + "    label topic topic\n"));
    assertThat(mapping.metrics().get(0).sources()).hasSize(2);
    assertThat(mapping.metrics().get(0).labelNames()).containsExactly("topic", "direction");
  }

  @Test
  void sourcesMayDifferInLabelsAndTheMetricHasTheirUnion() throws Exception {
    Mapping mapping =
        MappingReader.parse(
            "m",
            utf8(
                HEADER
                    + "metric bytes_total counter\n"
                    + "  jmx kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec\n"
                    + "    attribute Count\n"
                    + "  jmx kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=*\n"
                    + "    attribute Count\n"
                    + "    label topic topic\n"));
    assertThat(mapping.metrics().get(0).labelNames()).containsExactly("topic");
  }

  @Test
  void aValueLabelJoinsTheSourcesLabelsAndTheMetricsUnion() throws Exception {
    Mapping mapping =
        MappingReader.parse(
            "m",
            utf8(
                HEADER
                    + "metric quorum_state gauge\n"
                    + "  jmx kafka.server:type=raft-metrics,node=*\n"
                    + "    value-label state\n"
                    + "    attribute current-state\n"
                    + "    label node node\n"
                    + "    const role broker\n"
                    + "  jmx kafka.server:type=raft-metrics\n"
                    + "    attribute current-state\n"
                    + "    value-label state\n"
                    + "  jmx kafka.server:type=other-metrics\n"
                    + "    attribute state-number\n"));
    MetricMapping metric = mapping.metrics().get(0);
    JmxSource first = (JmxSource) metric.sources().get(0);
    assertThat(first.valueLabel()).isEqualTo("state");
    assertThat(first.labelNames()).containsExactly("node", "role", "state");
    assertThat(first.attributesRead()).containsExactly("current-state");
    assertThat(((JmxSource) metric.sources().get(2)).valueLabel()).isNull();
    assertThat(metric.labelNames()).containsExactly("node", "role", "state");
  }

  @Test
  void theEmbeddedDefaultMappingLoads() throws Exception {
    byte[] bytes;
    try (InputStream in = MappingReaderTest.class.getResourceAsStream("/kafka-default.mapping")) {
      assertThat(in).as("kafka-default.mapping on the class path").isNotNull();
      bytes = readAll(in);
    }
    Mapping mapping = MappingReader.parse("kafka-default.mapping", bytes);
    assertThat(mapping.name()).isEqualTo("kafka-default");
    assertThat(mapping.metrics()).extracting(MetricMapping::name)
        .contains(
            "kafka_server_replicamanager_underreplicatedpartitions",
            "kafka_server_replicamanager_isrshrinks_total",
            "kafka_server_brokertopicmetrics_bytesin_total",
            "kafka_controller_kafkacontroller_activecontrollercount",
            "kafka_log_log_size",
            "kafka_network_requestmetrics_totaltimems",
            "kafka_memory_working_set_bytes",
            "kafka_memory_oom_ratio");
  }

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of("", 1, "expected 'brokerwatch-mapping 1' as the first line, found end of file"),
        Arguments.of("metric a gauge\n", 1, "expected 'brokerwatch-mapping 1' as the first line, found 'metric'"),
        Arguments.of("brokerwatch-mapping 2\n", 1, "unsupported mapping version '2' (this agent reads version 1)"),
        Arguments.of("brokerwatch-mapping\n", 1, "'brokerwatch-mapping' takes 1 argument, got 0: brokerwatch-mapping <version>"),
        Arguments.of(
            "brokerwatch-mapping 1\nbrokerwatch-mapping 1\n", 2,
            "'brokerwatch-mapping' may appear only once (first at line 1)"),
        Arguments.of(HEADER + "name again\n", 3, "'name' may appear only once (first at line 2)"),
        Arguments.of("brokerwatch-mapping 1\nmetric a gauge\n cgroup usage\nname late\n", 4,
            "'name' must come before the first metric"),
        Arguments.of(HEADER + "frobnicate x\n", 3, "unknown keyword 'frobnicate'"),
        Arguments.of(HEADER + "metric a\n", 3,
            "'metric' takes 2 arguments, got 1: metric <series-name> <counter|gauge|summary>"),
        Arguments.of(HEADER + "metric a histogram\n", 3,
            "unknown metric type 'histogram' (expected counter, gauge or summary)"),
        Arguments.of(HEADER + "metric a-b gauge\n", 3, "invalid metric name 'a-b'"),
        Arguments.of(HEADER + "metric isr_shrinks counter\n", 3, "counter 'isr_shrinks' must end in _total"),
        Arguments.of(HEADER + "metric a gauge\n cgroup rss\nmetric a gauge\n", 5,
            "duplicate metric 'a' (first declared at line 3)"),
        Arguments.of(HEADER + "metric req summary\n cgroup rss\n", 4,
            "'cgroup' needs a gauge metric, but req is a summary"),
        Arguments.of(HEADER + "metric req summary\n jmx d:type=T\n  count Count\nmetric req_count gauge\n", 6,
            "metric 'req_count' clashes with 'req' (line 3): both expose 'req_count'"),
        Arguments.of(HEADER + "metric a gauge\n", 3, "metric a has no source (add a 'jmx' or 'cgroup' line)"),
        Arguments.of(HEADER + "help orphan\n", 3, "'help' must follow a 'metric' line"),
        Arguments.of(HEADER + "metric a gauge\n help one\n help two\n", 5, "'help' given twice for a"),
        Arguments.of(HEADER + "metric a gauge\n help bad \\t escape\n", 4,
            "unknown escape in help text (only \\\\ and \\n are allowed)"),
        Arguments.of(HEADER + "metric a gauge\n attribute Value\n", 4, "'attribute' must follow a 'jmx' line"),
        Arguments.of(HEADER + "metric a gauge\n jmx kafka.server:type\n", 4,
            "invalid ObjectName pattern 'kafka.server:type': Unterminated key property part"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n", 4, "jmx source of a has no 'attribute' line"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute Value\n  attribute Count\n", 6,
            "'attribute' given twice in this source"),
        Arguments.of(HEADER + "metric kafka_log_log_size gauge\n jmx d:type=A\n  quantile 0.99 99thPercentile\n", 5,
            "'quantile' needs a summary metric, but kafka_log_log_size is a gauge"),
        Arguments.of(HEADER + "metric a_total counter\n jmx d:type=A\n  count Count\n", 5,
            "'count' needs a summary metric, but a_total is a counter"),
        Arguments.of(HEADER + "metric a summary\n jmx d:type=A\n  attribute Value\n", 5,
            "'attribute' needs a counter or gauge metric, but a is a summary"),
        Arguments.of(HEADER + "metric a summary\n jmx d:type=A\n  quantile 1.5 Max\n", 5,
            "invalid quantile '1.5' (expected a number from 0 to 1)"),
        Arguments.of(HEADER + "metric a summary\n jmx d:type=A\n  quantile 0.99\n", 5,
            "'quantile' needs a quantile and an attribute: quantile <q> <attribute>"),
        Arguments.of(HEADER + "metric a summary\n jmx d:type=A\n  quantile 0.99 P99\n  quantile 0.99 Other\n", 6,
            "duplicate quantile 0.99 in this source"),
        Arguments.of(HEADER + "metric a summary\n jmx d:type=A\n  help none\n", 4,
            "summary source of a has no 'quantile' or 'count' line"),
        Arguments.of(HEADER + "metric a summary\n jmx d:type=A\n  quantile 0.5 P50\n  sum-from-mean Mean\n", 6,
            "'sum-from-mean' needs a 'count' line in the same source"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute Value\n  scale fast\n", 6,
            "invalid scale 'fast' (expected a finite number other than 0)"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute Value\n  scale 2\n  scale 3\n", 7,
            "'scale' given twice in this source (first at line 6)"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A,topic=*\n  attribute Value\n  label bad-name topic\n", 6,
            "invalid label name 'bad-name'"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A,topic=*\n  attribute Value\n  label __x topic\n", 6,
            "invalid label name '__x'"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A,topic=*\n  attribute Value\n  label topic\n", 6,
            "'label' needs a label name and an ObjectName key: label <prometheus-label> <objectname-key>"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A,topic=*\n  attribute Value\n  label partition partition\n", 6,
            "ObjectName key 'partition' is not in the pattern 'd:topic=*,type=A'"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A,topic=*\n  attribute Value\n  label t topic\n  const t x\n", 7,
            "duplicate label 't' in this source"),
        Arguments.of(HEADER + "metric a summary\n jmx d:type=A,q=*\n  count Count\n  label quantile q\n", 6,
            "label 'quantile' is reserved for summary quantiles"),
        Arguments.of(HEADER + "metric a gauge\n cgroup swap\n", 4,
            "unknown cgroup field 'swap' (expected usage, limit, rss, inactive_file, working_set, oom_ratio, oom_floor_ratio)"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute Value\n cgroup rss\n", 6,
            "'jmx' and 'cgroup' cannot feed the same metric a"),
        Arguments.of(HEADER + "metric a gauge\n cgroup rss\n jmx d:type=A\n", 5,
            "'jmx' and 'cgroup' cannot feed the same metric a"),
        Arguments.of(HEADER + "metric a gauge\n cgroup rss\n cgroup usage\n", 5,
            "a metric takes one 'cgroup' line (first at line 4)"),
        Arguments.of(HEADER + "metric a gauge\n value-label state\n", 4, "'value-label' must follow a 'jmx' line"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute State\n  value-label\n", 6,
            "'value-label' takes 1 argument, got 0: value-label <prometheus-label>"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute State\n  value-label s t\n", 6,
            "'value-label' takes 1 argument, got 2: value-label <prometheus-label>"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute State\n  value-label s\n  value-label t\n", 7,
            "'value-label' given twice in this source (first at line 6)"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute State\n  value-label current-state\n", 6,
            "invalid label name 'current-state'"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute State\n  value-label __state\n", 6,
            "invalid label name '__state'"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A,s=*\n  attribute State\n  label s s\n  value-label s\n", 7,
            "duplicate label 's' in this source"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute State\n  value-label s\n  const s fixed\n", 7,
            "duplicate label 's' in this source"),
        Arguments.of(HEADER + "metric a_total counter\n jmx d:type=A\n  attribute Count\n  value-label s\n", 6,
            "'value-label' needs a gauge metric, but a_total is a counter"),
        Arguments.of(HEADER + "metric a summary\n jmx d:type=A\n  count Count\n  value-label s\n", 6,
            "'value-label' needs a gauge metric, but a is a summary"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute State\n  value-label s\n  scale 0.001\n", 7,
            "'scale' and 'value-label' (line 6) cannot be combined: the samples of a value label are always 1"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  attribute State\n  scale 0.001\n  value-label s\n", 7,
            "'value-label' and 'scale' (line 6) cannot be combined: the samples of a value label are always 1"),
        Arguments.of(HEADER + "metric a gauge\n jmx d:type=A\n  value-label s\n", 4, "jmx source of a has no 'attribute' line"),
        Arguments.of(
            HEADER + "metric a gauge\n jmx d:type=A\n  attribute State\n  value-label s\n"
                + " jmx d:type=B\n  attribute Value\n  const s fixed\n", 9,
            "label 's' is the 'value-label' of another source of a (line 6)"),
        Arguments.of(
            HEADER + "metric a gauge\n jmx d:type=B,s=*\n  attribute Value\n  label s s\n"
                + " jmx d:type=A\n  attribute State\n  value-label s\n", 9,
            "value label 's' is a 'label' or 'const' of another source of a (line 6)"));
  }

  @ParameterizedTest(name = "[{index}] line {1}: {2}")
  @MethodSource("problems")
  void reportsEachProblemWithFileAndLine(String text, int line, String problem) {
    assertThatThrownBy(() -> MappingReader.parse("kafka.mapping", utf8(text)))
        .isInstanceOf(MappingException.class)
        .hasMessage("kafka.mapping:" + line + ": " + problem)
        .satisfies(
            e -> {
              MappingException error = (MappingException) e;
              assertThat(error.line()).isEqualTo(line);
              assertThat(error.problem()).isEqualTo(problem);
            });
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    byte[] bytes = {'b', (byte) 0xff, (byte) 0xfe};
    assertThatThrownBy(() -> MappingReader.parse("bad.mapping", bytes))
        .hasMessage("bad.mapping:1: the file is not valid UTF-8");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
