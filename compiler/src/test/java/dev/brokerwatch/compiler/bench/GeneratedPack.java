package dev.brokerwatch.compiler.bench;

import dev.brokerwatch.dsl.resolve.SourceLoader;
import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A large pack for the benchmark: the curated Kafka catalog (embedded in the compiler) plus generated
 * groups of alerts that use its metrics the way real alerts do: aggregations, rates, vector matching,
 * templates, parameters and a promtool test on every tenth alert.
 */
final class GeneratedPack {
    static final String ROOT = "generated.bw";

    private static final String[] EXPRESSIONS = {
            "sum by ($broker_labels) (kafka_server_replicamanager_underreplicatedpartitions) > %d",
            "sum by ($broker_labels) (rate(kafka_server_brokertopicmetrics_bytesin_total{topic=\"\"}[5m])) > %d",
            "max by ($broker_labels, request) (kafka_network_requestmetrics_totaltimems{quantile=\"0.99\"}) > %d",
            "sum by ($broker_labels) (increase(kafka_server_replicamanager_isrshrinks_total[15m])) > %d",
            "sum by ($broker_labels) (kafka_log_log_size) / on ($broker_labels) group_left () max by ($broker_labels) (kafka_memory_limit_bytes) > %d",
            "max by ($cluster_labels) (kafka_controller_kafkacontroller_offlinepartitionscount) > %d",
            "sum by ($broker_labels, topic) (rate(kafka_server_brokertopicmetrics_messagesin_total{topic!=\"\"}[5m])) < %d",
            "up{job=~$broker_job} == 0 unless on (namespace, pod) kafka_server_kafkaserver_brokerstate > %d",
    };

    private GeneratedPack() {
    }

    static Map<String, String> files(int alerts) {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder root = new StringBuilder("import \"kafka.bw\"\n");
        int perGroup = 100;
        for (int g = 0; g < (alerts + perGroup - 1) / perGroup; g++) {
            String name = "generated-" + g + ".bw";
            root.append("import \"").append(name).append("\"\n");
            StringBuilder group = new StringBuilder("group generated-").append(g).append(" interval 1m {\n");
            for (int i = g * perGroup; i < Math.min(alerts, (g + 1) * perGroup); i++) {
                String expr = String.format(EXPRESSIONS[i % EXPRESSIONS.length], i % 97);
                group.append("  alert Generated").append(i).append(" {\n")
                        .append("    expr ").append(expr).append('\n')
                        .append("    for 5m\n    severity warning\n")
                        .append("    summary \"{{ $labels.namespace }} breached ").append(i).append("\"\n")
                        .append("    description \"value {{ $value | humanize }} over ${evaluation_interval}\"\n")
                        .append("    runbook \"${runbook_base}#generated").append(i).append("\"\n");
                if (i % 10 == 0 && i % EXPRESSIONS.length == 0) {
                    group.append("    test \"fires\" {\n")
                            .append("      series kafka_server_replicamanager_underreplicatedpartitions{job=\"kafka\", instance=\"b0\", namespace=\"k\", pod=\"p0\"} \"0 5x20\"\n")
                            .append("      expect firing at 10m { namespace=\"k\", pod=\"p0\" }\n    }\n");
                }
                group.append("  }\n");
            }
            files.put(name, group.append("}\n").toString());
        }
        files.put(ROOT, root.toString());
        return files;
    }

    /** Generated files first, then the embedded curated pack for everything else. */
    static SourceLoader loader(Map<String, String> files) {
        SourceLoader embedded = SourceLoader.classpath(GeneratedPack.class, "/packs/kafka");
        return new SourceLoader() {
            @Override
            public SourceFile load(String location) throws IOException {
                String text = files.get(location);
                return text != null ? SourceFile.ofString(location, text) : embedded.load(location);
            }

            @Override
            public String resolve(String from, String importPath) {
                return embedded.resolve(from, importPath);
            }
        };
    }
}
