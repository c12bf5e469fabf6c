package dev.brokerwatch.compiler.audit.exporter;

import dev.brokerwatch.compiler.audit.exporter.JmxExporterSimulation.Evaluation;
import dev.brokerwatch.compiler.emit.StockExporterNaming;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of a jmx_exporter config against an inventory: rules that match nothing or only what earlier rules
 * take, patterns broader than their names, names and labels that change with the value or run past their key,
 * catch-alls, types against the attribute's nature, families fed inconsistently, include/exclude lists that hide
 * what rules need, and the series count per 1,000 partitions. Each finding names the rule and one MBean attribute.
 */
public final class JmxExporterChecks {
    private static final Pattern GROUP_REF = Pattern.compile("\\$(\\d)|\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_\\-]+");

    private final JmxExporterSimulation sim;
    private final List<Diagnostic> out = new ArrayList<>();

    private JmxExporterChecks(JmxExporterSimulation sim) {
        this.sim = sim;
    }

    public static List<Diagnostic> run(JmxExporterSimulation sim) {
        JmxExporterChecks c = new JmxExporterChecks(sim);
        c.templates();
        c.unusedShadowedAndHidden();
        c.includeEntries();
        c.broadPatterns();
        c.unstableNames();
        c.catchAlls();
        c.types();
        c.conflicts();
        c.estimate();
        return c.out;
    }

    private String where() {
        return "Kafka " + sim.inventory().kafkaVersion() + " (" + sim.inventory().role() + ")";
    }

    /** A template naming a group the pattern does not have makes the agent fail the scrape of that MBean. */
    private void templates() {
        for (ExporterRule r : sim.rules()) {
            if (r.pattern() == null) {
                continue;
            }
            int groups = r.pattern().matcher("").groupCount() - 0;
            Map<String, String> templates = new LinkedHashMap<>();
            if (r.name() != null) {
                templates.put("name", r.name());
            }
            if (r.value() != null) {
                templates.put("value", r.value());
            }
            r.labels().forEach((k, v) -> {
                templates.put("label name " + k, k);
                if (v != null) {
                    templates.put("label " + k, v);
                }
            });
            for (Map.Entry<String, String> t : templates.entrySet()) {
                Matcher m = GROUP_REF.matcher(t.getValue());
                while (m.find()) {
                    if (m.group(1) != null && Integer.parseInt(m.group(1)) > groups) {
                        out.add(Diagnostic.of(CheckCode.EXPORTER_CONFIG, Severity.ERROR, r.nameSpan() != null && t.getKey().equals("name") ? r.nameSpan() : r.span(),
                                "the " + t.getKey() + " template of " + r.label() + " uses $" + m.group(1) + " but the pattern has "
                                        + groups + " capture group" + (groups == 1 ? "" : "s"),
                                "the agent fails the scrape of every MBean this rule matches; count the groups of the pattern"));
                    } else if (m.group(2) != null && !r.patternText().contains("(?<" + m.group(2) + ">")) {
                        out.add(Diagnostic.of(CheckCode.EXPORTER_CONFIG, Severity.ERROR, r.span(),
                                "the " + t.getKey() + " template of " + r.label() + " uses ${" + m.group(2) + "}, a group the pattern does not name",
                                "name the group in the pattern: (?<" + m.group(2) + ">...)"));
                    }
                }
            }
        }
    }

    private void unusedShadowedAndHidden() {
        for (ExporterRule r : sim.rules()) {
            Evaluation firstVisible = null;
            Evaluation firstHidden = null;
            Evaluation firstWon = null;
            for (Evaluation e : sim.evaluations()) {
                if (!e.matchingRules().contains(r)) {
                    continue;
                }
                if (e.visible()) {
                    if (firstVisible == null) {
                        firstVisible = e;
                    }
                    if (e.outcome().rule() == r && firstWon == null) {
                        firstWon = e;
                    }
                } else if (firstHidden == null) {
                    firstHidden = e;
                }
            }
            if (firstVisible == null && firstHidden == null) {
                out.add(Diagnostic.of(CheckCode.EXPORTER_RULE_UNUSED, Severity.WARNING, r.anchor(),
                        r.label() + " matches no MBean attribute of " + where(),
                        "check the MBean and attribute names against the inventory (docs/audit-inventories.md); "
                                + "keys are in registration order, separated by ', '"));
            } else if (firstVisible == null) {
                out.add(Diagnostic.of(CheckCode.EXPORTER_OBJECT_NAMES, Severity.WARNING, r.anchor(),
                        "every MBean " + r.label() + " matches is hidden by includeObjectNames/excludeObjectNames, e.g. "
                                + firstHidden.leaf().describe(),
                        "add the MBeans to includeObjectNames (or take them out of excludeObjectNames), or remove the rule"));
            } else if (firstWon == null) {
                ExporterRule earlier = firstVisible.outcome().rule();
                Diagnostic d = Diagnostic.of(CheckCode.EXPORTER_RULE_SHADOWED, Severity.WARNING, r.anchor(),
                        "every attribute " + r.label() + " matches is taken by an earlier rule, e.g. " + firstVisible.leaf().describe()
                                + " by " + earlier.label(),
                        "the first matching rule wins: move this rule above " + earlier.label() + ", or narrow that rule's pattern");
                out.add(d.withRelated(earlier.anchor(), earlier.label() + " takes it"));
            }
        }
    }

    private void includeEntries() {
        if (sim.config().includesEverything()) {
            return;
        }
        for (JmxExporterConfig.ObjectNameFilter f : sim.config().include()) {
            boolean any = sim.inventory().mbeans().stream().anyMatch(m -> {
                var name = JmxExporterSimulation.objectName(m.exampleName());
                return name != null && f.name().apply(name);
            });
            if (!any) {
                out.add(Diagnostic.of(CheckCode.EXPORTER_OBJECT_NAMES, Severity.WARNING, f.span(),
                        "includeObjectNames entry " + f.name() + " matches no MBean of " + where(),
                        "ObjectName patterns need every key that is not covered by ',*'; check the names against the inventory"));
            }
        }
    }

    /** The literal attribute names a pattern ends with ("Count", "(Count|Mean)"), or empty when it ends otherwise. */
    static Set<String> namedAttributes(String pattern) {
        if (pattern == null) {
            return Set.of();
        }
        int close = pattern.lastIndexOf('>');
        if (close < 0) {
            return Set.of();
        }
        String tail = pattern.substring(close + 1);
        if (tail.contains(":")) {
            return Set.of(); // the attribute is ended by ': ', nothing longer can match
        }
        tail = tail.replaceAll("(\\.\\*|\\.\\+|\\$)$", "");
        if (tail.startsWith("(?:") && tail.endsWith(")")) {
            tail = tail.substring(3, tail.length() - 1);
        } else if (tail.startsWith("(") && tail.endsWith(")")) {
            tail = tail.substring(1, tail.length() - 1);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String alternative : tail.split("\\|", -1)) {
            if (!LITERAL.matcher(alternative).matches()) {
                return Set.of();
            }
            names.add(alternative);
        }
        return names;
    }

    private void broadPatterns() {
        for (ExporterRule r : sim.rules()) {
            Set<String> named = namedAttributes(r.patternText());
            if (named.isEmpty()) {
                continue;
            }
            Map<String, Evaluation> extra = new TreeMap<>();
            for (Evaluation e : sim.evaluations()) {
                if (e.visible() && e.outcome().rule() == r && e.leaf().attrKeys().isEmpty() && !named.contains(e.leaf().name())) {
                    extra.putIfAbsent(e.leaf().name(), e);
                }
            }
            if (extra.isEmpty()) {
                continue;
            }
            Map.Entry<String, Evaluation> first = extra.entrySet().iterator().next();
            String alternative = named.stream().filter(first.getKey()::startsWith).findFirst().orElse(String.join("|", named));
            out.add(Diagnostic.of(CheckCode.EXPORTER_PATTERN_BROAD, Severity.WARNING, r.anchor(),
                    r.label() + " names the attribute" + (named.size() == 1 ? " " : "s ") + String.join(", ", named) + " but also matches "
                            + String.join(", ", extra.keySet()) + ", e.g. " + first.getValue().leaf().describe()
                            + " (the alternative " + alternative + " matches the start of " + first.getKey() + ")",
                    "jmx_exporter matches ^.*(?:PATTERN).*$, so end the attribute name with ':', e.g. <>(" + String.join("|", named) + "):"));
        }
    }

    private void unstableNames() {
        Set<ExporterRule> valueReported = new java.util.HashSet<>();
        Set<ExporterRule> keyReported = new java.util.HashSet<>();
        Set<ExporterRule> instanceReported = new java.util.HashSet<>();
        for (Evaluation e : sim.evaluations()) {
            RuleOutcome a = e.outcome();
            RuleOutcome b = e.otherValue();
            if (!e.visible() || !a.matched()) {
                continue;
            }
            ExporterRule r = a.rule();
            boolean changesWithValue = b.rule() == r && (b.exported() != a.exported()
                    || !java.util.Objects.equals(a.name(), b.name()) || !a.labels().equals(b.labels()));
            if (changesWithValue && valueReported.add(r)) {
                String what = !java.util.Objects.equals(a.name(), b.name()) ? "name" : !a.labels().keySet().equals(b.labels().keySet()) ? "label names" : "label values";
                out.add(Diagnostic.of(CheckCode.EXPORTER_NAME_UNSTABLE, Severity.ERROR, r.anchor(),
                        "the " + what + " of " + r.label() + (what.equals("name") ? " takes part of the attribute's value, so it changes" : " take part of the attribute's value, so they change") + " at every scrape: "
                                + e.leaf().describe() + " gives " + shown(a) + ", and with another value " + shown(b),
                        "end the attribute in the pattern with ': .*' outside any group, or capture only up to '<' / ':'"));
                continue;
            }
            if (a.exported() && r.pattern() != null && !keyReported.contains(r)) {
                String runaway = runawayCapture(r, a);
                if (runaway != null) {
                    keyReported.add(r);
                    out.add(Diagnostic.of(CheckCode.EXPORTER_NAME_UNSTABLE, Severity.WARNING, r.anchor(),
                            r.label() + ": " + runaway + " on " + e.leaf().describe() + ", so it gives " + shown(a),
                            "capture a key's value with ([^,]+) or ([^>]+) instead of (.+) or (.*)"));
                    continue;
                }
            }
            RuleOutcome other = e.otherInstance();
            if (a.exported() && other != null && other.rule() == r && other.exported() && !a.name().equals(other.name()) && instanceReported.add(r)) {
                out.add(Diagnostic.of(CheckCode.EXPORTER_NAME_UNSTABLE, Severity.WARNING, r.nameSpan() != null ? r.nameSpan() : r.anchor(),
                        "the name of " + r.label() + " holds a " + instanceKeys(e) + " value, so there is one family per " + instanceKeys(e)
                                + ": " + StockExporterNaming.exposedFamily(a.name()) + " for " + e.leaf().describe(),
                        "put the " + instanceKeys(e) + " in a label and keep the name fixed"));
            }
        }
    }

    private static String instanceKeys(Evaluation e) {
        List<String> keys = new ArrayList<>();
        e.leaf().mbean().keys().forEach((k, v) -> {
            if (e.leaf().mbean().isGeneralized(k)) {
                keys.add(k);
            }
        });
        return String.join("/", keys);
    }

    /** A capture used by the name or a label that spans ', ' or '=' (past its key) or '<', '>' or ': '. */
    private static String runawayCapture(ExporterRule r, RuleOutcome a) {
        Set<Integer> used = new TreeSet<>();
        List<String> templates = new ArrayList<>();
        if (r.name() != null) {
            templates.add(r.name());
        }
        templates.addAll(r.labels().values().stream().filter(java.util.Objects::nonNull).toList());
        templates.addAll(r.labels().keySet()); // a label's name may be a capture too
        for (String t : templates) {
            Matcher m = GROUP_REF.matcher(t);
            while (m.find()) {
                if (m.group(1) != null) {
                    used.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        for (int g : used) {
            if (g >= a.groups().size() || a.groups().get(g) == null) {
                continue;
            }
            String text = a.groups().get(g);
            if (text.contains(", ") && text.contains("=") || text.contains("><") || text.contains(">") && text.contains("<")) {
                return "capture $" + g + " takes '" + text + "', past its key into the next";
            }
        }
        return null;
    }

    private static String shown(RuleOutcome o) {
        if (!o.exported()) {
            return "no sample";
        }
        StringBuilder s = new StringBuilder(StockExporterNaming.exposedFamily(o.name()));
        if (!o.labels().isEmpty()) {
            s.append('{');
            boolean first = true;
            for (var l : o.labels().entrySet()) {
                s.append(first ? "" : ",").append(l.getKey()).append("=\"").append(l.getValue()).append('"');
                first = false;
            }
            s.append('}');
        }
        return s.toString();
    }

    private void catchAlls() {
        int visibleLeaves = (int) sim.evaluations().stream().filter(Evaluation::visible).count();
        for (ExporterRule r : sim.rules()) {
            if (r.name() != null) {
                continue;
            }
            long won = sim.evaluations().stream().filter(e -> e.visible() && e.outcome().rule() == r && e.outcome().exported()).count();
            if (won == 0) {
                continue;
            }
            Set<String> families = new TreeSet<>();
            sim.evaluations().stream().filter(e -> e.visible() && e.outcome().rule() == r && e.outcome().exported())
                    .forEach(e -> families.add(StockExporterNaming.exposedFamily(e.outcome().name())));
            long matchedAll = sim.evaluations().stream().filter(e -> e.visible() && e.matchingRules().contains(r)).count();
            boolean everything = r.pattern() == null || matchedAll == visibleLeaves;
            out.add(Diagnostic.of(CheckCode.EXPORTER_CATCH_ALL, Severity.WARNING, r.pattern() == null ? r.span() : r.anchor(),
                    r.label() + " has no name, so it exports " + (everything ? "every attribute" : "each of the " + won + " attributes")
                            + " it is the first to match under a name made from the MBean: " + families.size() + " famil"
                            + (families.size() == 1 ? "y" : "ies") + " on " + where() + ", e.g. " + families.iterator().next(),
                    "such names and label sets change with Kafka versions and attribute types are untyped; give the rule a name and labels, "
                            + "or restrict the catch-all to the MBeans you need"));
        }
    }

    private void types() {
        Set<String> reported = new java.util.HashSet<>();
        for (Evaluation e : sim.evaluations()) {
            RuleOutcome o = e.outcome();
            if (!e.visible() || !o.exported() || o.rule().value() != null) {
                continue;
            }
            AttributeSemantics.Nature nature = AttributeSemantics.of(e.leaf());
            ExporterRule r = o.rule();
            Span at = r.typeSpan() != null ? r.typeSpan() : r.anchor();
            if (o.type().equals("COUNTER") && nature == AttributeSemantics.Nature.LEVEL && reported.add(r.index() + "/c")) {
                out.add(Diagnostic.of(CheckCode.EXPORTER_TYPE, Severity.ERROR, at,
                        r.label() + " types " + e.leaf().describe() + " as COUNTER, but that " + natureOf(e) + " is a gauge: it goes down as well as up",
                        "type the rule GAUGE; for a rate over time use the MBean's cumulative Count with rate() instead"));
            } else if (!o.type().equals("COUNTER") && nature == AttributeSemantics.Nature.CUMULATIVE && reported.add(r.index() + "/g")) {
                out.add(Diagnostic.of(CheckCode.EXPORTER_TYPE, Severity.WARNING, at,
                        r.label() + " exposes the cumulative " + e.leaf().describe() + " as " + (o.type().equals("GAUGE") ? "a gauge" : "untyped")
                                + ", so checks cannot tell that rate() applies to it",
                        "type the rule COUNTER (the agent appends _total to the series name)"));
            }
        }
    }

    private static String natureOf(Evaluation e) {
        return switch (e.leaf().mbean().kind()) {
            case YAMMER_GAUGE -> "Yammer gauge value";
            case YAMMER_METER, YAMMER_TIMER, YAMMER_HISTOGRAM -> "Yammer " + e.leaf().mbean().kind().word().substring(7) + " attribute";
            case KAFKA_METRIC -> "Kafka metric";
            default -> "attribute";
        };
    }

    private void conflicts() {
        Map<String, Map<String, Evaluation>> typeByFamily = new TreeMap<>();
        Map<String, Map<Set<String>, Evaluation>> labelsByFamily = new TreeMap<>();
        for (Evaluation e : sim.evaluations()) {
            RuleOutcome o = e.outcome();
            if (!e.visible() || !o.exported()) {
                continue;
            }
            String family = StockExporterNaming.exposedFamily(o.name());
            typeByFamily.computeIfAbsent(family, k -> new LinkedHashMap<>()).putIfAbsent(o.type(), e);
            labelsByFamily.computeIfAbsent(family, k -> new LinkedHashMap<>()).putIfAbsent(new TreeSet<>(o.labels().keySet()), e);
        }
        for (var f : typeByFamily.entrySet()) {
            if (f.getValue().size() > 1) {
                List<Evaluation> es = new ArrayList<>(f.getValue().values());
                Evaluation first = es.get(0);
                Evaluation second = es.get(1);
                Diagnostic d = Diagnostic.of(CheckCode.EXPORTER_NAME_CONFLICT, Severity.ERROR, second.outcome().rule().anchor(),
                        "family " + f.getKey() + " gets the types " + String.join(" and ", f.getValue().keySet()) + ": "
                                + first.outcome().rule().label() + " types " + first.leaf().describe() + " " + first.outcome().type() + ", "
                                + second.outcome().rule().label() + " types " + second.leaf().describe() + " " + second.outcome().type()
                                + "; the agent then exposes the whole family untyped",
                        "give the rules one type, or different names");
                out.add(second.outcome().rule() == first.outcome().rule() ? d : d.withRelated(first.outcome().rule().anchor(), "the other type"));
            }
        }
        for (var f : labelsByFamily.entrySet()) {
            if (f.getValue().size() > 1 && !typeConflict(typeByFamily, f.getKey())) {
                List<Map.Entry<Set<String>, Evaluation>> es = new ArrayList<>(f.getValue().entrySet());
                var first = es.get(0);
                var second = es.get(1);
                out.add(Diagnostic.of(CheckCode.EXPORTER_NAME_CONFLICT, Severity.WARNING, second.getValue().outcome().rule().anchor(),
                        "family " + f.getKey() + " has different label sets: " + first.getKey() + " for " + first.getValue().leaf().describe()
                                + " (" + first.getValue().outcome().rule().label() + "), " + second.getKey() + " for "
                                + second.getValue().leaf().describe() + " (" + second.getValue().outcome().rule().label() + ")",
                        "aggregations and joins over the family see series with missing labels; give the sources different names "
                                + "or the same labels (a label whose value comes out empty is left out)"));
            }
        }
        for (String family : sim.objectNameFamilies()) {
            Evaluation example = sim.evaluations().stream().filter(e -> e.visible() && e.outcome().exported()
                    && StockExporterNaming.exposedFamily(e.outcome().name()).equals(family)).findFirst().orElseThrow();
            out.add(Diagnostic.of(CheckCode.EXPORTER_NAME_CONFLICT, Severity.WARNING, example.outcome().rule().anchor(),
                    "family " + family + " gets series with equal labels from different MBeans (e.g. " + example.leaf().describe()
                            + "), so the agent adds the label _objectname to all its series",
                    "export the keys that tell the MBeans apart as labels"));
        }
    }

    private static boolean typeConflict(Map<String, Map<String, Evaluation>> types, String family) {
        return types.get(family).size() > 1;
    }

    private void estimate() {
        if (sim.rules().isEmpty()) {
            return;
        }
        Map<ExporterRule, Long> perRule = new LinkedHashMap<>();
        long total = 0;
        for (Evaluation e : sim.evaluations()) {
            if (!e.visible() || !e.outcome().exported()) {
                continue;
            }
            var mbean = e.leaf().mbean();
            long series;
            if (mbean.keys().containsKey("partition") && mbean.isGeneralized("partition")) {
                series = 1000;
            } else if (mbean.keys().containsKey("topic") && mbean.isGeneralized("topic")) {
                series = 100;
            } else {
                series = mbean.instances();
            }
            perRule.merge(e.outcome().rule(), series, Long::sum);
            total += series;
        }
        List<Map.Entry<ExporterRule, Long>> top = new ArrayList<>(perRule.entrySet());
        top.sort(Map.Entry.<ExporterRule, Long>comparingByValue().reversed().thenComparing(en -> en.getKey().index()));
        StringBuilder most = new StringBuilder();
        for (int i = 0; i < Math.min(3, top.size()); i++) {
            most.append(i == 0 ? "" : ", ").append(top.get(i).getKey().label()).append(": ").append(String.format(Locale.ROOT, "%,d", top.get(i).getValue()));
        }
        ExporterRule first = sim.rules().get(0);
        out.add(Diagnostic.of(CheckCode.EXPORTER_SERIES_ESTIMATE, Severity.INFO, first.span(),
                String.format(Locale.ROOT, "about %,d series per scrape of one %s node of Kafka %s with 1,000 partitions in 100 topics",
                        total, sim.inventory().role(), sim.inventory().kafkaVersion()) + (most.length() == 0 ? "" : "; most from " + most),
                "per-partition MBeans count 1,000 times, per-topic ones 100 times, the rest as often as the recorded node had them"));
    }
}
