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

    /** Each rule's required literals, by its position in {@code rules}. */
    private final List<List<String>> literals;

    public RuleEngine(JmxExporterConfig config, List<ExporterRule> rules) {
        this.config = config;
        this.rules = rules;
        this.literals = rules.stream().map(r -> RequiredLiterals.of(r.patternText())).toList();
    }

    public List<ExporterRule> rules() {
        return rules;
    }

    /** The outcome for one value of a leaf with the given key values. */
    public RuleOutcome apply(AttributeLeaf leaf, LinkedHashMap<String, String> keys, String value) {
        Texts texts = new Texts(leaf, keys, value);
        String lastText = null;
        for (int i = 0; i < rules.size(); i++) {
            ExporterRule rule = rules.get(i);
            String text = texts.of(rule);
            lastText = text;
            Matcher m = null;
            if (rule.pattern() != null) {
                if (!contains(text, literals.get(i))) {
                    continue;
                }
                m = rule.pattern().matcher(text);
                if (!m.matches()) {
                    continue;
                }
            }
            return outcome(rule, m, leaf, keys, text);
        }
        return RuleOutcome.unmatched(lastText == null ? matchText(leaf, keys, null, value) : lastText);
    }

    /**
     * The outcome for a value whose matching rules are known (from {@link #matchingRules} on the same value): the first
     * of them wins, as {@link #apply} would find.
     */
    public RuleOutcome applyFirst(List<ExporterRule> matching, AttributeLeaf leaf, LinkedHashMap<String, String> keys, String value) {
        if (matching.isEmpty()) {
            return RuleOutcome.unmatched(rules.isEmpty() ? matchText(leaf, keys, null, value)
                    : matchText(leaf, keys, rules.get(rules.size() - 1), value));
        }
        ExporterRule rule = matching.get(0);
        String text = matchText(leaf, keys, rule, value);
        Matcher m = null;
        if (rule.pattern() != null) {
            m = rule.pattern().matcher(text);
            m.matches();
        }
        return outcome(rule, m, leaf, keys, text);
    }

    /** Every rule whose pattern alone matches this value (whatever earlier rules do), in order. */
    public List<ExporterRule> matchingRules(AttributeLeaf leaf, LinkedHashMap<String, String> keys, String value) {
        Texts texts = new Texts(leaf, keys, value);
        List<ExporterRule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            ExporterRule rule = rules.get(i);
            if (rule.pattern() == null) {
                out.add(rule);
                continue;
            }
            String text = texts.of(rule);
            if (contains(text, literals.get(i)) && rule.pattern().matcher(text).matches()) {
                out.add(rule);
            }
        }
        return out;
    }

    /** True when the rule's pattern alone matches this value (whatever earlier rules do). */
    public static boolean patternMatches(ExporterRule rule, AttributeLeaf leaf, LinkedHashMap<String, String> keys, String value) {
        if (rule.pattern() == null) {
            return true;
        }
        String text = matchText(leaf, keys, rule, value);
        return contains(text, RequiredLiterals.of(rule.patternText())) && rule.pattern().matcher(text).matches();
    }

    /** False when the text lacks a literal the pattern needs (see {@link RequiredLiterals}): no match, regex or not. */
    private static boolean contains(String text, List<String> literals) {
        for (String literal : literals) {
            if (!text.contains(literal)) {
                return false;
            }
        }
        return true;
    }

    /** The match texts of one value, built once per form a rule may ask for (snake_case attribute, cached value). */
    private static final class Texts {
        private final AttributeLeaf leaf;
        private final LinkedHashMap<String, String> keys;
        private final String value;
        private final String[] built = new String[4];

        Texts(AttributeLeaf leaf, LinkedHashMap<String, String> keys, String value) {
            this.leaf = leaf;
            this.keys = keys;
            this.value = value;
        }

        String of(ExporterRule rule) {
            int form = (rule.attrNameSnakeCase() ? 1 : 0) + (rule.cache() ? 2 : 0);
            if (built[form] == null) {
                built[form] = matchText(leaf, keys, rule, value);
            }
            return built[form];
        }
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
