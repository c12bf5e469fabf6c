package dev.brokerwatch.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.catalog.JmxBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated patterns, run the way jmx_exporter 1.0.1 runs them: compiled as {@code ^.*(?:PATTERN).*$}
 * against {@code domain<k=v, ...><>Attribute: value}, label values expanded with {@code Matcher.replaceAll}.
 */
class StockExporterPatternTest {

    @Test
    void fixedKeysMatchOnlyThatBeanAndAttribute() {
        StockExporterPattern p = pattern("kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions", "Value");
        assertThat(matches(p, "kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value: 3")).isTrue();
        assertThat(matches(p, "kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>ValueX: 3")).isFalse();
        assertThat(matches(p, "kafka.server<type=ReplicaManager, name=UnderReplicatedPartitionsX><>Value: 3")).isFalse();
        assertThat(matches(p, "xkafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value: 3")).isFalse();
        assertThat(matches(p, "kafkaXserver<type=ReplicaManager, name=UnderReplicatedPartitions><>Value: 3")).isFalse();
        assertThat(matches(p, "kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions, extra=1><>Value: 3")).isFalse();
    }

    @Test
    void wildcardKeysBecomeLabelsPlainOrQuoted() {
        StockExporterPattern p = pattern("kafka.log:type=Log,name=Size,topic=*,partition=*", "Value",
                new JmxBinding.LabelKey("topic", "topic"), new JmxBinding.LabelKey("partition", "partition"));
        assertThat(labels(p, "kafka.log<type=Log, name=Size, topic=orders.v1-eu, partition=12><>Value: 1024"))
                .containsExactly(Map.entry("topic", "orders.v1-eu"), Map.entry("partition", "12"));
        assertThat(labels(p, "kafka.log<type=Log, name=Size, topic=\"odd,topic=x\", partition=0><>Value: 1"))
                .containsExactly(Map.entry("topic", "odd,topic=x"), Map.entry("partition", "0"));
        assertThat(matches(p, "kafka.log<type=Log, name=Size, topic=a><>Value: 1")).isFalse();
    }

    @Test
    void aQuotedLogDirectoryLosesItsQuotes() {
        StockExporterPattern p = pattern("kafka.log:type=LogManager,name=LogDirectoryOffline,logDirectory=*", "Value",
                new JmxBinding.LabelKey("log_directory", "logDirectory"));
        assertThat(labels(p, "kafka.log<type=LogManager, name=LogDirectoryOffline, logDirectory=\"/var/lib/kafka/data-0\"><>Value: 0"))
                .containsExactly(Map.entry("log_directory", "/var/lib/kafka/data-0"));
    }

    @Test
    void fixedValuesWithRegexCharactersAreEscaped() {
        StockExporterPattern p = pattern("kafka.server:type=app-info,id=\"a+b (c)\"", "Value");
        assertThat(matches(p, "kafka.server<type=app-info, id=\"a+b (c)\"><>Value: 1")).isTrue();
        assertThat(matches(p, "kafka.server<type=app-info, id=\"aab (c)\"><>Value: 1")).isFalse();
    }

    @Test
    void aPropertyListWildcardAllowsOtherKeysInAnyOrder() {
        StockExporterPattern p = pattern("kafka.server:type=BrokerTopicMetrics,topic=*,*", "Count",
                new JmxBinding.LabelKey("topic", "topic"));
        assertThat(labels(p, "kafka.server<type=BrokerTopicMetrics, name=BytesInPerSec, topic=t1><>Count: 7"))
                .containsExactly(Map.entry("topic", "t1"));
        assertThat(matches(p, "kafka.server<type=Other, topic=t1><>Count: 7")).isFalse();
    }

    @Test
    void helpAndNamesAreExposedTheWayTheStockExporterDoes() {
        assertThat(StockExporterNaming.exposedSeries("kafka_x_total", "COUNTER")).isEqualTo("kafka_x_total");
        assertThat(StockExporterNaming.exposedSeries("kafka_x", "COUNTER")).isEqualTo("kafka_x_total");
        assertThat(StockExporterNaming.exposedSeries("kafka_x_count", "COUNTER")).isEqualTo("kafka_x_count_total");
        assertThat(StockExporterNaming.exposedSeries("kafka_x_count", "UNTYPED")).isEqualTo("kafka_x_count");
        assertThat(StockExporterNaming.exposedSeries("kafka_x_total", "GAUGE")).isEqualTo("kafka_x");
        assertThat(StockExporterNaming.exposedSeries("kafka_app_info", "GAUGE")).isEqualTo("kafka_app");
        assertThat(StockExporterNaming.exposedSeries("kafka_x_total_total", "COUNTER")).isEqualTo("kafka_x_total");
        assertThat(StockExporterNaming.exposedSeries("kafka__x", "GAUGE")).isEqualTo("kafka_x");
        assertThat(StockExporterNaming.exposedLabel("log_directory")).isEqualTo("log_directory");
    }

    private static StockExporterPattern pattern(String objectName, String attribute, JmxBinding.LabelKey... labels) {
        JmxBinding binding = new JmxBinding(null, objectName, attribute, Map.of(), null, null, 1.0, List.of(labels), null);
        return StockExporterPattern.of(binding, attribute);
    }

    private static Matcher matcher(StockExporterPattern p, String matchName) {
        return Pattern.compile("^.*(?:" + p.regex() + ").*$").matcher(matchName);
    }

    private static boolean matches(StockExporterPattern p, String matchName) {
        return matcher(p, matchName).matches();
    }

    private static Map<String, String> labels(StockExporterPattern p, String matchName) {
        Map<String, String> out = new LinkedHashMap<>();
        p.labelValues().forEach((label, replacement) -> {
            Matcher m = matcher(p, matchName);
            assertThat(m.matches()).as(p.regex() + " on " + matchName).isTrue();
            out.put(label, m.replaceAll(replacement));
        });
        return out;
    }
}
