package dev.brokerwatch.dsl;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void show() {
        var r = Sources.of("a.bw", """
            param target_labels = (job, instance, namespace, pod)
            param urp_for = 10m

            metric kafka_server_replicamanager_underreplicatedpartitions gauge
              help "Partitions whose ISR is smaller than their replica set"
              jmx "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions" attribute Value

            metric kafka_log_log_size gauge unit bytes
              help "log size"
              jmx "kafka.log:type=Log,name=Size,topic=*,partition=*"
              labels topic, partition

            family kafka_server_replicamanager counter
              jmx "kafka.server:type=ReplicaManager,name={member}"
              member IsrShrinksPerSec help "ISR shrinks"
              member IsrExpandsPerSec help "ISR expands"

            external metric up gauge source prometheus

            group kafka-broker interval 1m {
              alert KafkaUnderReplicated {
                expr sum by (namespace, pod) (kafka_server_replicamanager_underreplicatedpartitions) > 0
                for $urp_for
                severity warning
                summary "{{ $labels.pod }} has {{ $value }} under-replicated partitions"
                description "x {{ $labels.topic }}"
                runbook "https://example.com/r#urp"
                test "fires" {
                  series kafka_server_replicamanager_underreplicatedpartitions{namespace="k", pod="b0"} "0 0 3x30"
                  expect firing at 15m { namespace="k", pod="b0" }
                  expect quiet at 5m
                }
              }
              alert IsrShrink {
                expr rate(kafka_server_replicamanager_isrshrinks[5m]) > 0 and kafka_server_replicamanager_isrexpands_total > 10
                severity high
              }
              alert Bad {
                expr rate(kafka_log_log_size{topc="x"}[15s]) > 0 unless on (cluster) up == 0
                for 30s
                severity warning
                summary "{{ $labels.pod }} {{ humanise $value }}"
                description "d"
                runbook "r"
              }
            }
            """).compile();
        System.out.println(Sources.render(r.diagnostics()));
        System.out.println(r.usageErrors());
    }
}
