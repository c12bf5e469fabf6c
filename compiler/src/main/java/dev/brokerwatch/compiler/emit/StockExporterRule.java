package dev.brokerwatch.compiler.emit;

import java.util.Map;

/**
 * One rule of a jmx_exporter config: an anchored pattern for one MBean attribute, the name and type of the
 * family it feeds, its labels ({@code $n} refer to the pattern's groups), value factor (1 when not needed)
 * and help, and the catalog metric it stands for; {@code value}, when not null, is the sample's value instead of
 * the attribute's (a constant, for a String attribute taken as a label).
 */
record StockExporterRule(String pattern, String name, String type, Map<String, String> labels, double valueFactor,
                         String help, String catalogMetric, String objectName, String attribute, String value) {

    Map<String, Object> toYaml() {
        Map<String, Object> rule = CanonicalYaml.map();
        rule.put("pattern", pattern);
        rule.put("name", name);
        rule.put("type", type);
        if (!labels.isEmpty()) {
            rule.put("labels", labels);
        }
        if (value != null) {
            rule.put("value", value);
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
