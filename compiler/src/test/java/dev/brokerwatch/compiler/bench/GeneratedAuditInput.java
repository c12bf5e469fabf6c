package dev.brokerwatch.compiler.bench;

import dev.brokerwatch.compiler.audit.inventory.InventoryAttribute;
import dev.brokerwatch.compiler.audit.inventory.InventoryMBean;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventories;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A large audit input written to a folder: a jmx_exporter config of N exact rules over real MBeans of the recorded
 * Kafka 4.1.2 broker (one family each, a counter from a meter's Count or a gauge from a Yammer gauge's Value, with
 * their instance keys as labels), a PrometheusRule of M alerts on those families, and D Grafana dashboards of ten
 * panels each.
 */
final class GeneratedAuditInput {
    /** One family the generated config exports. */
    record Family(String series, boolean counter, List<String> labels) {
    }

    private GeneratedAuditInput() {
    }

    static List<Family> write(Path dir, int exporterRules, int alerts, int dashboards) throws IOException {
        MBeanInventory inventory = MBeanInventories.find("4.1", "broker").orElseThrow();
        StringBuilder config = new StringBuilder("lowercaseOutputName: true\nrules:\n");
        List<Family> families = new ArrayList<>();
        for (InventoryMBean mbean : inventory.mbeans()) {
            if (families.size() == exporterRules) {
                break;
            }
            if (!mbean.domain().startsWith("kafka.") || !mbean.keys().containsKey("name")) {
                continue;
            }
            String attribute = mbean.attributes().stream().map(InventoryAttribute::name)
                    .filter(a -> a.equals("Count") || a.equals("Value")).findFirst().orElse(null);
            if (attribute == null || (attribute.equals("Value") && mbean.kind().name().equals("YAMMER_METER"))) {
                continue;
            }
            StringBuilder pattern = new StringBuilder(mbean.domain()).append('<');
            List<String> labels = new ArrayList<>();
            boolean first = true;
            for (Map.Entry<String, String> key : mbean.keys().entrySet()) {
                pattern.append(first ? "" : ", ").append(key.getKey()).append('=');
                if (mbean.isGeneralized(key.getKey())) {
                    pattern.append("([^,>]+)");
                    labels.add(key.getKey().replace('-', '_'));
                } else {
                    pattern.append(key.getValue().replaceAll("[\\\\.^$|?*+()\\[\\]{}]", "\\\\$0"));
                }
                first = false;
            }
            pattern.append("><>").append(attribute).append(':');
            boolean counter = attribute.equals("Count");
            String name = ("bench_" + families.size() + "_" + mbean.keys().getOrDefault("type", "x") + "_" + mbean.keys().get("name"))
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            config.append("  - pattern: '").append(pattern.toString().replace("'", "''")).append("'\n")
                    .append("    name: ").append(name).append('\n')
                    .append("    type: ").append(counter ? "COUNTER" : "GAUGE").append('\n');
            if (!labels.isEmpty()) {
                config.append("    labels:\n");
                for (int i = 0; i < labels.size(); i++) {
                    config.append("      ").append(labels.get(i)).append(": \"$").append(i + 1).append("\"\n");
                }
            }
            families.add(new Family(counter ? name + "_total" : name, counter, labels));
        }
        Files.writeString(dir.resolve("kafka-metrics.yaml"), config.toString());

        StringBuilder rules = new StringBuilder("apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: generated\nspec:\n  groups:\n");
        for (int i = 0; i < alerts; i++) {
            if (i % 100 == 0) {
                rules.append("    - name: generated-").append(i / 100).append("\n      rules:\n");
            }
            Family f = families.get(i % families.size());
            String expr = f.counter()
                    ? "sum by (instance) (rate(" + f.series() + "[5m])) > " + (i % 97)
                    : "max by (instance" + (f.labels().isEmpty() ? "" : ", " + f.labels().get(0)) + ") (" + f.series() + ") > " + (i % 97);
            rules.append("        - alert: Generated").append(i).append('\n')
                    .append("          expr: ").append(expr).append('\n')
                    .append("          for: 5m\n          labels:\n            severity: warning\n")
                    .append("          annotations:\n            summary: \"{{ $labels.instance }} breached ").append(i).append("\"\n");
        }
        Files.writeString(dir.resolve("rules.yaml"), rules.toString());

        for (int d = 0; d < dashboards; d++) {
            StringBuilder panels = new StringBuilder();
            for (int p = 0; p < 10; p++) {
                Family f = families.get((d * 10 + p) % families.size());
                String expr = f.counter() ? "sum by (instance) (rate(" + f.series() + "{instance=~\\\"$instance\\\"}[$__rate_interval]))"
                        : "max by (instance) (" + f.series() + "{instance=~\\\"$instance\\\"})";
                panels.append(p == 0 ? "" : ",").append("{\"id\":").append(p + 1).append(",\"type\":\"timeseries\",\"title\":\"p")
                        .append(p).append("\",\"targets\":[{\"refId\":\"A\",\"expr\":\"").append(expr).append("\"}]}");
            }
            String json = "{\"uid\":\"gen" + d + "\",\"title\":\"Generated " + d + "\",\"templating\":{\"list\":[{\"name\":\"instance\","
                    + "\"type\":\"query\",\"query\":\"label_values(" + families.get(0).series() + ", instance)\"}]},\"panels\":[" + panels + "]}";
            Files.writeString(dir.resolve("dashboard-" + d + ".json"), json);
        }
        return families;
    }
}
