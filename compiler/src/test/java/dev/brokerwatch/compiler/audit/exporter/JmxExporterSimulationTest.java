package dev.brokerwatch.compiler.audit.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.compiler.audit.AuditTarget;
import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.Catalog;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmxExporterSimulationTest {
    static final AuditTarget BROKER_41 = new AuditTarget("4.1", "broker");

    /** The families the config's rules make (the agent's JVM series left out: they are there whatever the rules). */
    private static Catalog catalog(String yaml) {
        Catalog all = JmxExporterModel.of(SourceFile.ofString("c.yaml", yaml)).catalog(BROKER_41);
        return Catalog.of(all.metrics().stream().filter(m -> !"jvm".equals(m.source())).toList(), all.targetLabels());
    }

    @Test
    void theAgentsJvmSeriesComeWhateverTheRules() {
        Catalog all = JmxExporterModel.of(SourceFile.ofString("c.yaml", "rules:\n  - pattern: nothing<>matches\n")).catalog(BROKER_41);
        assertThat(all.seriesNames()).as("jmx_prometheus_javaagent registers client_java's JVM and process metrics")
                .contains("jvm_memory_used_bytes", "jvm_gc_collection_seconds_count", "process_open_fds");
    }

    /** The families the config's rules make (the agent's JVM and jmx_* families have no rule). */
    private static List<CatalogMetric> ruleFamilies(Catalog c) {
        return c.metrics().stream().filter(m -> m.declaredAt() != null).toList();
    }

    @Test
    void theAgentsJvmAndOwnFamiliesComeWithEveryConfig() {
        Catalog c = catalog("rules:\n  - pattern: nothing<>matches\n");
        assertThat(c.metric("jvm_memory_used_bytes").orElseThrow().labels()).as("client_java's JVM families").containsExactly("area");
        assertThat(c.metric("jvm_gc_collection_seconds").orElseThrow().type()).as("GC time as a summary").isEqualTo(MetricType.SUMMARY);
        assertThat(c.metric("process_cpu_seconds_total")).as("process families").isPresent();
        assertThat(c.metric("jmx_scrape_error")).as("the agent's own families").isPresent();
    }

    @Test
    void matchTextIsDomainKeysInOrderCompositePathAttributeAndValue() {
        LinkedHashMap<String, String> keys = new LinkedHashMap<>();
        keys.put("type", "Log");
        keys.put("name", "Size");
        keys.put("topic", "orders");
        assertThat(MatchText.of("kafka.log", keys, List.of(), "Value", "42"))
                .as("the text jmx_exporter 1.0.1 matches patterns against").isEqualTo("kafka.log<type=Log, name=Size, topic=orders><>Value: 42");
        assertThat(MatchText.of("java.lang", new LinkedHashMap<>(java.util.Map.of("type", "Memory")), List.of("HeapMemoryUsage"), "used", "7"))
                .as("a composite item has its attribute between the second brackets").isEqualTo("java.lang<type=Memory><HeapMemoryUsage>used: 7");
    }

    @Test
    void snakeCaseSplitsWordsAsTheAgentDoes() {
        assertThat(MatchText.snakeCase("OneMinuteRate")).isEqualTo("one_minute_rate");
        assertThat(MatchText.snakeCase("HeapMemoryUsage")).isEqualTo("heap_memory_usage");
    }

    @Test
    void aNamelessRuleUsesTheDefaultNameWithTheFirstKeysValue() {
        Catalog c = catalog("rules:\n  - pattern: kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value\n");
        assertThat(c.labelsOf("kafka_server_ReplicaManager_Value")).as("default naming: domain_firstKeyValue_attribute, other keys as labels")
                .contains("name");
        assertThat(c.metric("kafka_server_ReplicaManager_Value").orElseThrow().type()).as("no type given: untyped").isEqualTo(MetricType.UNTYPED);
    }

    @Test
    void aCounterRuleGivesASeriesWithTotalAndItsLabels() {
        Catalog c = catalog("""
                lowercaseOutputName: true
                rules:
                  - pattern: kafka.server<type=BrokerTopicMetrics, name=(BytesIn)PerSec, topic=([^,>]+)><>Count
                    name: kafka_server_brokertopicmetrics_$1_total
                    labels:
                      topic: "$2"
                    type: COUNTER
                """);
        assertThat(c.metric("kafka_server_brokertopicmetrics_bytesin_total")).as("the counter family, lower-cased, with _total").isPresent();
        assertThat(c.metric("kafka_server_brokertopicmetrics_bytesin_total").orElseThrow().labels()).as("its labels").containsExactly("topic");
        assertThat(ruleFamilies(c)).as("nothing else matches").hasSize(1);
    }

    @Test
    void firstMatchWins() {
        Catalog c = catalog("""
                rules:
                  - pattern: kafka.server<type=ReplicaManager, name=(UnderReplicatedPartitions)><>Value
                    name: first_$1
                    type: GAUGE
                  - pattern: kafka.server<type=ReplicaManager, name=(.+)><>Value
                    name: second_$1
                    type: GAUGE
                """);
        assertThat(c.metric("first_UnderReplicatedPartitions")).as("the earlier rule takes the attribute").isPresent();
        assertThat(c.metric("second_UnderReplicatedPartitions")).as("the later rule does not see it").isEmpty();
        assertThat(c.metric("second_LeaderCount")).as("the later rule takes the rest").isPresent();
    }

    @Test
    void includeObjectNamesLimitsWhatIsRead() {
        Catalog c = catalog("""
                includeObjectNames: ["kafka.server:type=ReplicaManager,name=LeaderCount"]
                rules:
                  - pattern: kafka.server<type=ReplicaManager, name=(.+)><>Value
                    name: rm_$1
                    type: GAUGE
                """);
        assertThat(ruleFamilies(c)).extracting(m -> m.name()).as("only the included MBean").containsExactly("rm_LeaderCount");
    }

    @Test
    void theStockAgentsSuffixStrippingApplies() {
        Catalog c = catalog("""
                rules:
                  - pattern: kafka.server<type=ReplicaManager, name=(LeaderCount)><>Value
                    name: leaders_total
                    type: GAUGE
                """);
        assertThat(c.metric("leaders")).as("client_java strips _total from a gauge's name").isPresent();
    }
}
