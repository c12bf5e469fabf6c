package dev.brokerwatch.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ScrapeTest {
    private static final String TEXT = String.join("\n",
            "# HELP jvm_gc_collection_seconds Time spent in a given JVM garbage collector in seconds.",
            "# TYPE jvm_gc_collection_seconds summary",
            "jvm_gc_collection_seconds_count{gc=\"G1 Young Generation\"} 12.0",
            "jvm_gc_collection_seconds_sum{gc=\"G1 Young Generation\"} 0.061",
            "# HELP kafka_server_ReplicaManager_Value Attribute exposed for management kafka.server:name=UnderReplicatedPartitions,type=ReplicaManager,attribute=Value",
            "# TYPE kafka_server_ReplicaManager_Value untyped",
            "kafka_server_ReplicaManager_Value{name=\"UnderReplicatedPartitions\",} 0.0",
            "kafka_server_ReplicaManager_Value{name=\"LeaderCount\",} 13.0",
            "# TYPE jmx_scrape_cached_beans gauge",
            "jmx_scrape_cached_beans 0.0",
            "kafka_log_LogManager_Value{logDirectory=\"\\\"/data/a \\\\x\\\"\",name=\"LogDirectoryOffline\"} 0",
            "# TYPE requests counter",
            "requests_total{code=\"200\"} 5 1700000000000",
            "requests_created{code=\"200\"} 1.7e9",
            "weird NaN",
            "plus_inf +Inf",
            "");

    @Test
    void parsesFamiliesTypesHelpAndSamples() {
        Scrape.MetricFamilies m = Scrape.parse(TEXT);

        assertThat(m.family("jvm_gc_collection_seconds")).hasValueSatisfying(f -> {
            assertThat(f.type()).isEqualTo("summary");
            assertThat(f.help()).startsWith("Time spent");
            assertThat(f.samples()).hasSize(2);
            assertThat(f.labelNames()).containsExactly("gc");
        });
        assertThat(m.value("kafka_server_ReplicaManager_Value", Map.of("name", "UnderReplicatedPartitions")))
                .hasValue(0.0);
        assertThat(m.value("kafka_server_ReplicaManager_Value", Map.of("name", "LeaderCount"))).hasValue(13.0);
        assertThat(m.family("kafka_server_ReplicaManager_Value").orElseThrow().type()).isEqualTo("untyped");
        assertThat(m.family("jmx_scrape_cached_beans").orElseThrow().type()).isEqualTo("gauge");
    }

    @Test
    void unescapesLabelValuesAndReadsSpecialValuesAndTimestamps() {
        Scrape.MetricFamilies m = Scrape.parse(TEXT);

        assertThat(m.samples("kafka_log_LogManager_Value").get(0).labels())
                .containsEntry("logDirectory", "\"/data/a \\x\"")
                .containsEntry("name", "LogDirectoryOffline");
        Scrape.Sample total = m.samples("requests_total").get(0);
        assertThat(total.value()).isEqualTo(5.0);
        assertThat(total.timestampMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(m.family("requests").orElseThrow().samples()).hasSize(2);
        assertThat(m.value("weird", Map.of()).getAsDouble()).isNaN();
        assertThat(m.value("plus_inf", Map.of())).hasValue(Double.POSITIVE_INFINITY);
        assertThat(m.family("weird").orElseThrow().type()).isEqualTo("untyped");
    }

    @Test
    void ambiguousLookupFailsAndBadLinesNameTheLine() {
        Scrape.MetricFamilies m = Scrape.parse(TEXT);
        assertThatThrownBy(() -> m.value("kafka_server_ReplicaManager_Value", Map.of()))
                .hasMessageContaining("2 samples match");
        assertThatThrownBy(() -> Scrape.parse("ok 1\nbad{x=\"1\" 2\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }
}
