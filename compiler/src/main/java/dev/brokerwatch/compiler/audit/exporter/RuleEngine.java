package dev.brokerwatch.compiler.audit.exporter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * jmx_prometheus_javaagent 1.0.1's rule engine on one attribute value, written from its documented behaviour and
 * source: rules are tried in order and the first whose pattern matches the whole match text wins; a rule without a
 * name exports the default name (domain, first key's value, composite path, attribute) with the other keys as labels;
 * names and labels are {@code Matcher.replaceAll} of their templates, made safe, lower-cased when configured; a label
 * whose name or value comes out empty is left out; an empty name, or a {@code value} template that is not a number,
 * drops the value without trying later rules.
 */
public final class RuleEngine {
    private final JmxExporterConfig config;
    private final List<ExporterRule> rules;

    public RuleEngine(JmxExporterConfig config, List<ExporterRule> rules) {
        this.config = config;
        this.rules = rules;
    }

    public List<ExporterRule> rules() {
        return rules;
    }

    /** The outcome for one value of a leaf with the given key values. */
    public RuleOutcome apply(AttributeLeaf leaf, LinkedHashMap<String, String> keys, String value) {
        String lastText = null;
        for (ExporterRule rule : rules) {
            String text = matchText(leaf, keys, rule, value);
            lastText = text;
            Matcher m = null;
            if (rule.pattern() != null) {
                m = rule.pattern().matcher(text);
                if (!m.matches()) {
                    continue;
                }
            }
            return outcome(rule, m, leaf, keys, text);
        }
        return RuleOutcome.unmatched(lastText == null ? matchText(leaf, keys, null, value) : lastText);
    }

    /** True when the rule's pattern alone matches this value (whatever earlier rules do). */
    public static boolean patternMatches(ExporterRule rule, AttributeLeaf leaf, LinkedHashMap<String, String> keys, String value) {
        return rule.pattern() == null || rule.pattern().matcher(matchText(leaf, keys, rule, value)).matches();
    }

    static String matchText(AttributeLeaf leaf, Map<String, String> keys, ExporterRule rule, String value) {
        String attr = rule != null && rule.attrNameSnakeCase() ? MatchText.snakeCase(leaf.name()) : leaf.name();
        String shown = rule != null && rule.cache() ? "<cache>" : value;
        return MatchText.of(leaf.mbean().domain(), keys, leaf.attrKeys(), attr, shown);
    }

    private RuleOutcome outcome(ExporterRule rule, Matcher m, AttributeLeaf leaf, LinkedHashMap<String, String> keys, String text) {
        List<String> groups = new ArrayList<>();
        if (m != null) {
            for (int g = 0; g <= m.groupCount(); g++) {
                groups.add(m.group(g));
            }
        }
        boolean valueGiven = rule.value() != null && !rule.value().isEmpty();
        if (valueGiven) {
            try {
                Double.valueOf(replace(m, rule.value()));
            } catch (NumberFormatException e) {
                return new RuleOutcome(rule, false, null, rule.type(), new LinkedHashMap<>(), groups, text);
            }
        }
        boolean exportable = valueGiven || leaf.isExportable();
        if (rule.name() == null) {
            return defaultExport(rule, leaf, keys, exportable, groups, text);
        }
        String name = MatchText.safeName(replace(m, rule.name()));
        if (name.isEmpty()) {
            return new RuleOutcome(rule, false, null, rule.type(), new LinkedHashMap<>(), groups, text);
        }
        if (config.lowercaseOutputName()) {
            name = name.toLowerCase(java.util.Locale.ROOT);
        }
        LinkedHashMap<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, String> l : new java.util.TreeMap<>(rule.labels()).entrySet()) {
            String labelName = MatchText.safeName(replace(m, l.getKey()));
            String labelValue = l.getValue() == null ? "" : replace(m, l.getValue());
            if (config.lowercaseOutputLabelNames()) {
                labelName = labelName.toLowerCase(java.util.Locale.ROOT);
            }
            if (!labelName.isEmpty() && !labelValue.isEmpty()) {
                labels.put(labelName, labelValue);
            }
        }
        return new RuleOutcome(rule, exportable, name, rule.type(), labels, groups, text);
    }

    private RuleOutcome defaultExport(ExporterRule rule, AttributeLeaf leaf, LinkedHashMap<String, String> keys, boolean exportable,
                                      List<String> groups, String text) {
        StringBuilder name = new StringBuilder(leaf.mbean().domain());
        if (!keys.isEmpty()) {
            name.append('_').append(keys.values().iterator().next());
        }
        for (String k : leaf.attrKeys()) {
            name.append('_').append(k);
        }
        String attr = rule.attrNameSnakeCase() ? MatchText.snakeCase(leaf.name()) : leaf.name();
        name.append('_').append(attr);
        String full = MatchText.safeName(name.toString());
        if (config.lowercaseOutputName()) {
            full = full.toLowerCase(java.util.Locale.ROOT);
        }
        LinkedHashMap<String, String> labels = new LinkedHashMap<>();
        boolean first = true;
        for (Map.Entry<String, String> e : keys.entrySet()) {
            if (first) {
                first = false;
                continue;
            }
            String labelName = MatchText.safeName(e.getKey());
            if (config.lowercaseOutputLabelNames()) {
                labelName = labelName.toLowerCase(java.util.Locale.ROOT);
            }
            labels.put(labelName, e.getValue());
        }
        return new RuleOutcome(rule, exportable, full, rule.type(), labels, groups, text);
    }

    /** Matcher.replaceAll of a template; a reference to a group the pattern lacks is reported by the caller. */
    static String replace(Matcher m, String template) {
        if (m == null) {
            return template;
        }
        m.reset();
        return m.replaceAll(template);
    }
}
