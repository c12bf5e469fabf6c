package dev.brokerwatch.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.ManagedProcess;
import dev.brokerwatch.harness.Promtool;

@Timeout(60)
class PromtoolIT {
    private static Path dir;

    @BeforeAll
    static void files() {
        dir = HarnessPaths.freshDir(HarnessPaths.liveDir("PromtoolIT"));
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void checkRulesAcceptsAValidFile() throws IOException {
        Path valid = write("valid.rules.yml", """
                groups:
                  - name: brokerwatch-promtool-it
                    rules:
                      - alert: KafkaUnderReplicatedPartitions
                        expr: sum by (namespace, pod) (kafka_server_replicamanager_underreplicatedpartitions) > 0
                        for: 10m
                        labels:
                          severity: warning
                        annotations:
                          summary: "{{ $labels.pod }} has {{ $value }} under-replicated partitions"
                """);

        ManagedProcess.Result r = Promtool.checkRules(valid);

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS: 1 rules found");
    }

    @Test
    void checkRulesRejectsABrokenExpression() throws IOException {
        Path invalid = write("invalid.rules.yml", """
                groups:
                  - name: brokerwatch-promtool-it
                    rules:
                      - alert: Broken
                        expr: sum by (pod (kafka_server_replicamanager_underreplicatedpartitions) > 0
                """);

        ManagedProcess.Result r = Promtool.checkRules(invalid);

        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("FAILED");
    }

    @Test
    void testRulesRunsAUnitTestFile() throws IOException {
        write("urp.rules.yml", """
                groups:
                  - name: urp
                    rules:
                      - alert: KafkaUnderReplicatedPartitions
                        expr: kafka_server_replicamanager_underreplicatedpartitions > 0
                        for: 5m
                        labels:
                          severity: warning
                """);
        Path test = write("urp.test.yml", """
                rule_files:
                  - urp.rules.yml
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'kafka_server_replicamanager_underreplicatedpartitions{pod="b0"}'
                        values: '0 0 3x10'
                    alert_rule_test:
                      - eval_time: 3m
                        alertname: KafkaUnderReplicatedPartitions
                        exp_alerts: []
                      - eval_time: 10m
                        alertname: KafkaUnderReplicatedPartitions
                        exp_alerts:
                          - exp_labels:
                              severity: warning
                              pod: b0
                """);

        ManagedProcess.Result r = Promtool.testRules(test);

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }
}
