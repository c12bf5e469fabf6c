package dev.brokerwatch.compiler.audit.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.compiler.audit.AuditTarget;
import dev.brokerwatch.compiler.audit.ExporterSpecException;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventories;
import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrimziReporterSimulationTest {
    private static final AuditTarget COMBINED_41 = new AuditTarget("4.1", "combined");

    private static Catalog catalog(String allowlist) throws ExporterSpecException {
        return StrimziReporterModel.create(allowlist, List.of("job", "instance")).catalog(COMBINED_41);
    }

    @Test
    void aYammerMeterIsACounterWithItsScopeKeysAsLabels() throws ExporterSpecException {
        var m = catalog(null).metric("kafka_server_brokertopicmetrics_bytesinpersec_total").orElseThrow();
        assertThat(m.type()).isEqualTo(MetricType.COUNTER);
        assertThat(m.labels()).as("the per-topic MBeans' topic key").containsExactly("topic");
    }

    @Test
    void aYammerHistogramIsASummary() throws ExporterSpecException {
        var m = catalog(null).metric("kafka_network_requestmetrics_totaltimems").orElseThrow();
        assertThat(m.type()).isEqualTo(MetricType.SUMMARY);
        assertThat(m.labels()).contains("request");
    }

    @Test
    void aYammerGaugeWithANumberIsAGauge() throws ExporterSpecException {
        var m = catalog(null).metric("kafka_server_replicamanager_underreplicatedpartitions").orElseThrow();
        assertThat(m.type()).isEqualTo(MetricType.GAUGE);
        assertThat(m.labels()).isEmpty();
    }

    @Test
    void aTextValueIsAnInfoWithTheMetricNameAsLabel() throws ExporterSpecException {
        Catalog c = catalog(null);
        assertThat(c.metric("kafka_server_kafkaserver_clusterid_info").orElseThrow().labels())
                .as("a Yammer gauge holding text").containsExactly("ClusterId");
        assertThat(c.metric("kafka_server_app_info_version_info").orElseThrow().labels())
                .as("a Kafka metric holding text").containsExactly("version");
    }

    @Test
    void aKafkaMetricIsAGaugeWithItsTagsAsLabels() throws ExporterSpecException {
        var m = catalog(null).metric("kafka_server_socket_server_metrics_connection_count").orElseThrow();
        assertThat(m.type()).as("Kafka metrics are gauges, cumulative ones too").isEqualTo(MetricType.GAUGE);
        assertThat(m.labels()).contains("listener", "networkProcessor");
    }

    @Test
    void theAllowlistKeepsOutWhatItDoesNotMatchButNotTheJvm() throws ExporterSpecException {
        Catalog c = catalog("kafka_server_replicamanager_.*");
        assertThat(c.metric("kafka_server_replicamanager_underreplicatedpartitions")).isPresent();
        assertThat(c.metric("kafka_server_brokertopicmetrics_bytesinpersec_total")).isEmpty();
        assertThat(c.metric("jvm_memory_used_bytes")).as("client_java's collectors are not filtered").isPresent();
    }

    @Test
    void theAllowlistIsMatchedAgainstTheNameWithoutTotal() throws ExporterSpecException {
        assertThat(catalog("kafka_server_brokertopicmetrics_bytesinpersec").metric("kafka_server_brokertopicmetrics_bytesinpersec_total"))
                .as("a counter is allowed by its name before the exposition adds _total").isPresent();
    }

    @Test
    void noNameIsSharedByTwoKindsOnAnyRecordedNode() {
        for (String version : MBeanInventories.VERSIONS) {
            for (String role : MBeanInventories.ROLES) {
                StrimziReporterSimulation s = new StrimziReporterSimulation(MBeanInventories.find(version, role).orElseThrow(),
                        StrimziAllowlist.EVERYTHING);
                assertThat(s.collisions()).as("names that would make the reporter's scrape fail on %s %s", version, role).isEmpty();
                assertThat(s.families()).as("families on %s %s", version, role).hasSizeGreaterThan(200);
            }
        }
    }
}
