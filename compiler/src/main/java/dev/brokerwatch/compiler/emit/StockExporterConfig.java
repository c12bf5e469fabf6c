package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.JmxBinding;
import dev.brokerwatch.dsl.catalog.Origin;
import dev.brokerwatch.dsl.compile.Pack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * A config for the stock {@code io.prometheus.jmx:jmx_prometheus_javaagent} 1.0.1 that exports the catalog's
 * JMX metrics under the agent's family names, types and label names, as far as that exporter can; the header
 * says how, and names every family that cannot come out identical. Shared by the plain config and the
 * Strimzi ConfigMap.
 */
record StockExporterConfig(List<String> header, Map<String, Object> tree) {

    static StockExporterConfig of(Pack pack) {
        List<StockExporterRule> rules = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        Set<String> includes = new TreeSet<>();
        Map<String, String> firstReader = new LinkedHashMap<>();
        for (CatalogMetric metric : pack.catalog().metrics()) {
            if (metric.origin() == Origin.CGROUP) {
                differences.add(metric.name() + ": read from the container's cgroup memory files, which the stock exporter"
                        + " cannot read; not exported.");
                continue;
            }
            if (metric.origin() != Origin.JMX) {
                continue;
            }
            if (metric.type() == MetricType.SUMMARY) {
                differences.add(metric.name() + ": a summary for the brokerwatch agent; the stock exporter has no summary"
                        + " type, so " + metric.name() + "{quantile} is a gauge and " + metric.name()
                        + "_count is untyped (same series and label names); " + metric.name() + "_sum is missing.");
            }
            for (JmxBinding binding : metric.jmx()) {
                includes.add(binding.objectName());
                for (StockExporterRule rule : rulesFor(metric, binding)) {
                    String read = binding.objectName() + " " + rule.attribute();
                    String first = firstReader.putIfAbsent(read, metric.name());
                    if (first != null && !first.equals(metric.name())) {
                        differences.add(metric.name() + ": reads " + rule.attribute() + " of " + binding.objectName()
                                + " like " + first + "; the stock exporter stops at the first rule that matches an"
                                + " attribute, so only " + first + " is exported.");
                    }
                    rules.add(rule);
                }
            }
            differences.addAll(namingDifferences(metric, rules));
        }
        Map<String, Object> tree = CanonicalYaml.map();
        tree.put("lowercaseOutputName", false);
        tree.put("lowercaseOutputLabelNames", false);
        tree.put("includeObjectNames", new ArrayList<>(includes));
        tree.put("rules", rules.stream().map(StockExporterRule::toYaml).toList());
        boolean valueLabels = rules.stream().anyMatch(r -> r.value() != null);
        return new StockExporterConfig(header(new ArrayList<>(new LinkedHashSet<>(differences)), valueLabels), tree);
    }

    private static List<StockExporterRule> rulesFor(CatalogMetric metric, JmxBinding binding) {
        String help = metric.help() == null ? null : Matcher.quoteReplacement(metric.help());
        List<StockExporterRule> rules = new ArrayList<>();
        if (metric.type() == MetricType.SUMMARY) {
            for (SummaryQuantiles q : SummaryQuantiles.of(binding)) {
                StockExporterPattern p = StockExporterPattern.of(binding, q.attribute());
                Map<String, String> labels = new LinkedHashMap<>(p.labelValues());
                labels.put("quantile", q.label());
                rules.add(new StockExporterRule(p.regex(), metric.name(), "GAUGE", labels, binding.scale(), help,
                        metric.name(), binding.objectName(), q.attribute(), null));
            }
            if (binding.countAttribute() != null) {
                // UNTYPED, not COUNTER: a COUNTER would be exposed as <name>_count_total; the count is never scaled
                StockExporterPattern p = StockExporterPattern.of(binding, binding.countAttribute());
                rules.add(new StockExporterRule(p.regex(), metric.name() + "_count", "UNTYPED", p.labelValues(), 1.0, help,
                        metric.name(), binding.objectName(), binding.countAttribute(), null));
            }
            return rules;
        }
        // the agent exports an untyped catalog metric as a gauge, so the stock exporter does too
        String type = metric.type() == MetricType.COUNTER ? "COUNTER" : "GAUGE";
        StockExporterPattern p = StockExporterPattern.of(binding, binding.attribute());
        if (binding.valueLabel() != null) {
            // jmx_exporter matches a String attribute as "Attribute: text": capture the text as the label, value 1
            String regex = p.regex() + " (.+)";
            int group = java.util.regex.Pattern.compile(regex).matcher("").groupCount();
            Map<String, String> labels = new LinkedHashMap<>(p.labelValues());
            labels.put(binding.valueLabel(), "$" + group);
            rules.add(new StockExporterRule(regex, metric.name(), type, labels, 1.0, help, metric.name(),
                    binding.objectName(), binding.attribute(), "1"));
            return rules;
        }
        rules.add(new StockExporterRule(p.regex(), metric.name(), type, p.labelValues(), binding.scale(), help,
                metric.name(), binding.objectName(), binding.attribute(), null));
        return rules;
    }

    private static List<String> namingDifferences(CatalogMetric metric, List<StockExporterRule> rules) {
        List<String> out = new ArrayList<>();
        for (StockExporterRule rule : rules) {
            if (!rule.catalogMetric().equals(metric.name())) {
                continue;
            }
            String exposed = StockExporterNaming.exposedSeries(rule.name(), rule.type());
            if (!exposed.equals(rule.name())) {
                out.add(metric.name() + ": the stock exporter exposes " + exposed + " (it strips _total, _created, _bucket"
                        + " and _info from every name and adds _total to counters only, and merges repeated _).");
            }
            for (String label : rule.labels().keySet()) {
                String exposedLabel = StockExporterNaming.exposedLabel(label);
                if (!exposedLabel.equals(label)) {
                    out.add(metric.name() + ": the stock exporter names label " + label + " " + exposedLabel + ".");
                }
            }
        }
        return out.stream().distinct().toList();
    }

    private static List<String> header(List<String> differences, boolean valueLabels) {
        List<String> lines = new ArrayList<>(List.of(
                "Generated by brokerwatch. Do not edit.",
                "A config for the stock io.prometheus.jmx:jmx_prometheus_javaagent 1.0.1 that exports the catalog under",
                "the brokerwatch agent's family names, types and label names. How it gets there:",
                "- includeObjectNames lists every ObjectName pattern of the catalog, so only those MBeans are read.",
                "- Each rule matches one attribute with an anchored pattern on jmx_exporter's",
                "  domain<key=value, ...><>Attribute text (keys in registration order); a wildcard key becomes",
                "  a quoted or a plain capture, and its label is the one that matched.",
                "- Counter rules keep the catalog name ending in _total: 1.0.1 strips _total (and _created, _bucket,",
                "  _info) from every rule name and writes _total back on counters only. A COUNTER named x_count",
                "  would come out as x_count_total, so a summary's _count is UNTYPED.",
                "- Summaries: one GAUGE rule per percentile attribute with a fixed quantile label written as the",
                "  agent writes it (0.5, 0.999), and an UNTYPED rule for Count; valueFactor scales the percentiles only.",
                "- No summary gets a _sum: Kafka's histograms have no sum attribute, and a rule exports one attribute",
                "  times a constant, so Mean x Count (what the brokerwatch agent exports as _sum, both read in one",
                "  getAttributes) cannot be written. rate(x_sum[5m]) / rate(x_count[5m]) therefore has no data on this",
                "  exporter. Exporting Mean itself would give a lifetime average, which hides every recent change.",
                "- help is passed through Matcher.quoteReplacement, because jmx_exporter expands $n in it.",
                "- A quoted ObjectName value with backslash escapes keeps them in the label value (the agent unquotes).",
                "- A metric without help gets jmx_exporter's own help text (built from the MBean's name)."));
        if (valueLabels) {
            lines.add("- A String attribute taken as a label (an `attribute A as label L` source) is matched as jmx_exporter");
            lines.add("  writes it, \"A: text\": the text is captured as label L and the rule's value is 1.");
        }
        lines.add("");
        if (differences.isEmpty()) {
            lines.add("Every family comes out with the agent's name, type and labels.");
        } else {
            lines.add("Families that cannot come out identical:");
            differences.forEach(d -> lines.add("- " + d));
        }
        return lines;
    }
}
