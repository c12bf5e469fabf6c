package dev.brokerwatch.compiler.audit.exporter;

import dev.brokerwatch.compiler.audit.inventory.InventoryMBean;
import dev.brokerwatch.compiler.audit.inventory.MBeanInventory;
import dev.brokerwatch.compiler.emit.StockExporterNaming;
import dev.brokerwatch.dsl.catalog.JmxBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * A jmx_exporter config run over a recorded inventory: for every attribute value of every MBean (its example
 * instance), which rules' patterns match it, which rule wins, and what that rule exports; then the families the
 * agent would expose. MBeans that {@code includeObjectNames}/{@code excludeObjectNames} hide are evaluated too, so
 * that a rule needing them can be told apart from a rule matching nothing.
 */
public final class JmxExporterSimulation {
    /** One attribute value and what the config does with it. */
    public record Evaluation(AttributeLeaf leaf, boolean visible, List<ExporterRule> matchingRules, RuleOutcome outcome,
                             RuleOutcome otherValue, RuleOutcome otherInstance) {
    }

    private final JmxExporterConfig config;
    private final MBeanInventory inventory;
    private final List<ExporterRule> rules;
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final SortedMap<String, ExporterFamily> families = new TreeMap<>();

    public JmxExporterSimulation(JmxExporterConfig config, List<ExporterRule> rules, MBeanInventory inventory) {
        this.config = config;
        this.inventory = inventory;
        this.rules = rules;
        run();
    }

    public List<Evaluation> evaluations() {
        return evaluations;
    }

    public SortedMap<String, ExporterFamily> families() {
        return families;
    }

    public MBeanInventory inventory() {
        return inventory;
    }

    public JmxExporterConfig config() {
        return config;
    }

    public List<ExporterRule> rules() {
        return rules;
    }

    private void run() {
        RuleEngine engine = new RuleEngine(config, rules);
        for (InventoryMBean mbean : inventory.mbeans()) {
            LinkedHashMap<String, String> keys = mbean.exampleKeys();
            ObjectName name = objectName(mbean.exampleName());
            boolean visible = name != null && included(name);
            for (AttributeLeaf leaf : AttributeLeaf.of(mbean, keys)) {
                if (!leaf.hasValue()) {
                    continue;
                }
                // a tabular attribute's rows add their index columns to the keys
                LinkedHashMap<String, String> leafKeys = leaf.keys();
                LinkedHashMap<String, String> otherKeys = otherInstance(mbean, leafKeys);
                boolean leafVisible = visible && !attributeExcluded(name, leaf);
                List<String> values = leaf.sampleValues();
                List<ExporterRule> matching = engine.matchingRules(leaf, leafKeys, values.get(0));
                RuleOutcome first = engine.applyFirst(matching, leaf, leafKeys, values.get(0));
                RuleOutcome second = engine.apply(leaf, leafKeys, values.get(1));
                RuleOutcome other = otherKeys == null ? null : engine.apply(new AttributeLeaf(mbean, otherKeys, leaf.attrKeys(), leaf.attribute()),
                        otherKeys, values.get(0));
                Evaluation e = new Evaluation(leaf, leafVisible, matching, first, second, other);
                evaluations.add(e);
                if (leafVisible && first.exported()) {
                    addToFamily(first, leaf);
                }
            }
        }
        sourcesByFamily.forEach((family, sources) -> {
            ExporterFamily f = families.get(family);
            families.put(family, new ExporterFamily(f.seriesName(), f.type(), f.labels(), f.rules(), f.example(), List.copyOf(sources)));
        });
        markObjectNameLabels();
    }

    private final Map<String, List<LinkedHashMap<String, String>>> labelSetsByFamily = new TreeMap<>();
    private final Map<String, Set<String>> typesByFamily = new TreeMap<>();
    /** Every source of each family, gathered apart and put into the families once all values are read. */
    private final Map<String, java.util.LinkedHashSet<JmxBinding>> sourcesByFamily = new TreeMap<>();

    private void addToFamily(RuleOutcome o, AttributeLeaf leaf) {
        String family = StockExporterNaming.exposedFamily(o.name());
        typesByFamily.computeIfAbsent(family, k -> new TreeSet<>()).add(o.type());
        labelSetsByFamily.computeIfAbsent(family, k -> new ArrayList<>()).add(o.labels());
        ExporterFamily existing = families.get(family);
        TreeSet<String> labels = new TreeSet<>(o.labels().keySet());
        List<ExporterRule> feeding = new ArrayList<>();
        String example = leaf.describe();
        if (existing != null) {
            labels.addAll(existing.labels());
            feeding.addAll(existing.rules());
            example = existing.example();
        }
        sourcesByFamily.computeIfAbsent(family, k -> new java.util.LinkedHashSet<>()).add(source(o, leaf));
        if (feeding.stream().noneMatch(r -> r == o.rule())) { // by identity: comparing whole rules is slow
            feeding.add(o.rule());
        }
        Set<String> types = typesByFamily.get(family);
        String type = types.size() == 1 ? types.iterator().next() : "UNKNOWN";
        families.put(family, new ExporterFamily(type.equals("COUNTER") ? family + "_total" : family, type, labels, feeding, example, List.of()));
    }

    /**
     * Where one exported value comes from, as the catalog describes a source: the ObjectName with every generalized
     * key's value as {@code *}, the attribute (a composite item as {@code Attribute.item}), and the labels whose value
     * is an instance key's value (the label that carries the partition, say).
     */
    private static JmxBinding source(RuleOutcome o, AttributeLeaf leaf) {
        InventoryMBean mbean = leaf.mbean();
        StringBuilder name = new StringBuilder(mbean.domain()).append(':');
        List<JmxBinding.LabelKey> labelKeys = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, String> e : leaf.keys().entrySet()) {
            boolean generalized = mbean.isGeneralized(e.getKey());
            name.append(first ? "" : ",").append(e.getKey()).append('=').append(generalized ? "*" : e.getValue());
            first = false;
            if (generalized) {
                o.labels().forEach((label, value) -> {
                    if (value.equals(e.getValue()) && labelKeys.stream().noneMatch(k -> k.label().equals(label))) {
                        labelKeys.add(new JmxBinding.LabelKey(label, e.getKey()));
                    }
                });
            }
        }
        List<String> path = new ArrayList<>(leaf.attrKeys());
        path.add(leaf.name());
        return new JmxBinding(o.rule().anchor(), name.toString(), String.join(".", path), Map.of(), null, null, 1.0, labelKeys, null);
    }

    /**
     * jmx_exporter adds an {@code _objectname} label to every sample of a family in which two samples have equal
     * labels. With one example per generalized MBean, two instances are told apart when the labels change with
     * the instance keys.
     */
    private void markObjectNameLabels() {
        Map<String, Boolean> duplicated = new TreeMap<>();
        for (Evaluation e : evaluations) {
            if (!e.visible() || !e.outcome().exported()) {
                continue;
            }
            String family = StockExporterNaming.exposedFamily(e.outcome().name());
            boolean sameForAnotherInstance = e.otherInstance() != null && e.otherInstance().exported()
                    && e.otherInstance().rule() == e.outcome().rule()
                    && e.otherInstance().name().equals(e.outcome().name()) && e.otherInstance().labels().equals(e.outcome().labels());
            if (sameForAnotherInstance) {
                duplicated.put(family, true);
            }
        }
        for (Map.Entry<String, List<LinkedHashMap<String, String>>> f : labelSetsByFamily.entrySet()) {
            if (new java.util.HashSet<>(f.getValue()).size() < f.getValue().size()) {
                duplicated.put(f.getKey(), true);
            }
        }
        for (String family : duplicated.keySet()) {
            ExporterFamily old = families.get(family);
            TreeSet<String> labels = new TreeSet<>(old.labels());
            labels.add("_objectname");
            families.put(family, new ExporterFamily(old.seriesName(), old.type(), labels, old.rules(), old.example(), old.sources()));
        }
    }

    /**
     * The rules whose family name changes with the attribute's value or with the instance (a topic, a partition): the
     * names each can give, as a pattern of its name template with every {@code $N} standing for any text. The
     * simulation names such a family after its example; on a live broker there is one per value or instance.
     */
    public Map<ExporterRule, java.util.regex.Pattern> unstableNames() {
        Map<ExporterRule, java.util.regex.Pattern> out = new java.util.LinkedHashMap<>();
        for (Evaluation e : evaluations) {
            RuleOutcome o = e.outcome();
            if (!e.visible() || !o.exported() || o.rule().name() == null) {
                continue;
            }
            boolean byValue = e.otherValue() != null && e.otherValue().exported() && !e.otherValue().name().equals(o.name());
            boolean byInstance = e.otherInstance() != null && e.otherInstance().exported() && !e.otherInstance().name().equals(o.name());
            if (byValue || byInstance) {
                out.computeIfAbsent(o.rule(), this::namePattern);
            }
        }
        return out;
    }

    /**
     * Per exposed family, the label names that rules feeding it form from a capture ({@code "$4": "$5"}): as patterns,
     * every {@code $N} standing for any text. Such names depend on the instance or value; the simulation shows the
     * example's.
     */
    public Map<String, List<java.util.regex.Pattern>> capturedLabelNames() {
        Map<String, List<java.util.regex.Pattern>> out = new TreeMap<>();
        families.forEach((family, f) -> {
            List<java.util.regex.Pattern> patterns = new ArrayList<>();
            for (ExporterRule rule : f.rules()) {
                for (String key : rule.labels().keySet()) {
                    if (key.matches(".*\\$\\d+.*")) {
                        patterns.add(templatePattern(key, config.lowercaseOutputLabelNames()));
                    }
                }
            }
            if (!patterns.isEmpty()) {
                out.put(f.seriesName(), List.copyOf(patterns));
            }
        });
        return out;
    }

    private java.util.regex.Pattern namePattern(ExporterRule rule) {
        return templatePattern(rule.name(), config.lowercaseOutputName());
    }

    private static java.util.regex.Pattern templatePattern(String template, boolean lowercase) {
        StringBuilder regex = new StringBuilder("^");
        for (String literal : template.split("\\$\\d+", -1)) {
            if (regex.length() > 1) {
                regex.append(".*");
            }
            String part = lowercase ? literal.toLowerCase(java.util.Locale.ROOT) : literal;
            regex.append(java.util.regex.Pattern.quote(part.replaceAll("[^a-zA-Z0-9:_]", "_")));
        }
        return java.util.regex.Pattern.compile(regex.append(".*$").toString());
    }

    /** The family names (as jmx_exporter forms them) whose series would collide without {@code _objectname}. */
    public Set<String> objectNameFamilies() {
        Set<String> out = new TreeSet<>();
        families.forEach((k, f) -> {
            if (f.labels().contains("_objectname")) {
                out.add(k);
            }
        });
        return out;
    }

    public Map<String, List<LinkedHashMap<String, String>>> labelSetsByFamily() {
        return labelSetsByFamily;
    }

    /** The example keys with every instance key's value changed: another topic, partition, client, … */
    static LinkedHashMap<String, String> otherInstance(InventoryMBean mbean, LinkedHashMap<String, String> keys) {
        LinkedHashMap<String, String> other = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, String> e : keys.entrySet()) {
            if (mbean.isGeneralized(e.getKey())) {
                String v = e.getValue();
                other.put(e.getKey(), v.matches("\\d+") ? v + "7" : v.startsWith("\"") ? "\"" + v.substring(1, Math.max(1, v.length() - 1)) + "-b\"" : v + "-b");
                changed = true;
            } else {
                other.put(e.getKey(), e.getValue());
            }
        }
        return changed ? other : null;
    }

    private boolean included(ObjectName name) {
        boolean in = config.includesEverything() || config.include().stream().anyMatch(f -> f.name().apply(name));
        return in && config.exclude().stream().noneMatch(f -> f.name().apply(name));
    }

    private boolean attributeExcluded(ObjectName name, AttributeLeaf leaf) {
        Set<String> excluded = config.excludedAttributes().get(name);
        return excluded != null && leaf.attrKeys().isEmpty() && excluded.contains(leaf.name());
    }

    static ObjectName objectName(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            return null;
        }
    }
}
