package dev.brokerwatch.compiler.emit;

import java.util.Map;

/**
 * One rule of a jmx_exporter config: an anchored pattern for one MBean attribute, the name and type of the
 * family it feeds, its labels ({@code $n} refer to the pattern's groups), value factor (1 when not needed)
 * and help, and the catalog metric it stands for.
 */
record StockExporterRule(String pattern, String name, String type, Map<String, String> labels, double valueFactor,
                         String help, String catalogMetric, String objectName, String attribute) {

    Map<String, Object> toYaml() {
        Map<String, Object> rule = CanonicalYaml.map();
        rule.put("pattern", pattern);
        rule.put("name", name);
        rule.put("type", type);
        if (!labels.isEmpty()) {
            rule.put("labels", labels);
        }
        if (valueFactor != 1.0) {
            rule.put("valueFactor", valueFactor);
        }
        if (help != null) {
            rule.put("help", help);
        }
        return rule;
    }
}
