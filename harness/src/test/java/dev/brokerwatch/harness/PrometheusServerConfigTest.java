package dev.brokerwatch.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusServerConfigTest {
    @Test
    void prometheusConfigQuotesLabelsAndListsRuleFiles() {
        String yaml = PrometheusServer.builder("PrometheusServerConfigTest")
                .scrapeInterval(Duration.ofSeconds(2))
                .evaluationInterval(Duration.ofMillis(1500))
                .target("kafka", "127.0.0.1:9999", Map.of("pod", "node-1", "namespace", "a\"b"))
                .ruleFile(Path.of("/tmp/rules.yml"))
                .config();
        assertThat(yaml).contains("scrape_interval: 2s", "evaluation_interval: 1500ms", "job_name: \"kafka\"",
                "targets: [\"127.0.0.1:9999\"]", "namespace: \"a\\\"b\"", "pod: \"node-1\"", "- \"/tmp/rules.yml\"");
        assertThatThrownBy(() -> PrometheusServer.builder("x").target("kafka", "10.0.0.1:1", Map.of()))
                .hasMessageContaining("loopback");
    }
}
