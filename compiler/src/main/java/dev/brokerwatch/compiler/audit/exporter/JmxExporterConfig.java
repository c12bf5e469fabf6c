package dev.brokerwatch.compiler.audit.exporter;

import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.source.SourceFile;
import dev.brokerwatch.dsl.source.Span;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A jmx_exporter (jmx_prometheus_javaagent 1.0.1) configuration, read as the agent reads it, with the position of
 * every part in the YAML so that findings point at the rule's line and column. What the agent would refuse to
 * start with, or silently read differently than written, is reported as {@code exporter/config}.
 */
public record JmxExporterConfig(SourceFile file, boolean lowercaseOutputName, boolean lowercaseOutputLabelNames,
                                /* null: every MBean */ List<ObjectNameFilter> include, List<ObjectNameFilter> exclude,
                                Map<ObjectName, Set<String>> excludedAttributes, List<ExporterRule> rules,
                                boolean defaultRule) {
    public static final CheckCode CONFIG = CheckCode.EXPORTER_CONFIG;

    /** Every MBean when {@code include} is null (no includeObjectNames given), as the agent's null pattern does. */
    public boolean includesEverything() {
        return include == null;
    }

    /** An {@code includeObjectNames}/{@code excludeObjectNames} entry and where it is. */
    public record ObjectNameFilter(ObjectName name, Span span) {
    }

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("startDelaySeconds", "hostPort", "jmxUrl", "username", "password",
            "ssl", "lowercaseOutputName", "lowercaseOutputLabelNames", "includeObjectNames", "whitelistObjectNames",
            "excludeObjectNames", "blacklistObjectNames", "rules", "excludeObjectNameAttributes",
            "autoExcludeObjectNameAttributes", "httpServer");
    private static final Set<String> RULE_KEYS = Set.of("pattern", "name", "value", "valueFactor", "attrNameSnakeCase", "cache",
            "type", "help", "labels");
    private static final Set<String> TYPES = Set.of("GAUGE", "COUNTER", "UNKNOWN", "UNTYPED");

    /** Reads a config; problems go to {@code diagnostics}. Rules that cannot be read are left out. */
    public static JmxExporterConfig parse(SourceFile file, List<Diagnostic> diagnostics) {
        Reader r = new Reader(file, diagnostics);
        return r.read();
    }

    private static final class Reader {
        final SourceFile file;
        final List<Diagnostic> diagnostics;

        Reader(SourceFile file, List<Diagnostic> diagnostics) {
            this.file = file;
            this.diagnostics = diagnostics;
        }

        JmxExporterConfig read() {
            Node root;
            try {
                root = new Yaml(new LoaderOptions()).compose(new StringReader(file.text()));
            } catch (MarkedYAMLException e) {
                int at = e.getProblemMark() != null ? e.getProblemMark().getIndex() : 0;
                error(new Span(file, clamp(at), clamp(at + 1)), "the YAML does not parse: " + e.getProblem(), "the agent would not start");
                return empty();
            } catch (YAMLException e) {
                error(new Span(file, 0, Math.min(1, file.text().length())), "the YAML does not parse: " + e.getMessage(), "the agent would not start");
                return empty();
            }
            if (root == null) {
                return new JmxExporterConfig(file, false, false, null, List.of(), Map.of(), List.of(), true);
            }
            if (!(root instanceof MappingNode top)) {
                error(span(root), "a jmx_exporter config is a mapping (rules:, includeObjectNames:, …)", null);
                return empty();
            }
            boolean lowerName = false;
            boolean lowerLabels = false;
            List<ObjectNameFilter> include = new ArrayList<>();
            List<ObjectNameFilter> exclude = new ArrayList<>();
            Map<ObjectName, Set<String>> excludedAttributes = new LinkedHashMap<>();
            List<ExporterRule> rules = new ArrayList<>();
            boolean sawRules = false;
            boolean sawInclude = false;
            boolean sawExclude = false;
            Map<String, Node> byKey = new LinkedHashMap<>();
            for (NodeTuple t : top.getValue()) {
                String key = scalar(t.getKeyNode());
                if (key == null) {
                    continue;
                }
                byKey.put(key, t.getValueNode());
                if (!TOP_LEVEL_KEYS.contains(key)) {
                    warn(span(t.getKeyNode()), "jmx_exporter ignores the key '" + key + "'", suggestion(key, TOP_LEVEL_KEYS));
                }
            }
            for (Map.Entry<String, Node> e : byKey.entrySet()) {
                Node v = e.getValue();
                switch (e.getKey()) {
                    case "lowercaseOutputName" -> lowerName = bool(v, e.getKey());
                    case "lowercaseOutputLabelNames" -> lowerLabels = bool(v, e.getKey());
                    case "includeObjectNames" -> {
                        sawInclude = true;
                        include.addAll(objectNames(v, e.getKey()));
                    }
                    case "whitelistObjectNames" -> {
                        if (byKey.containsKey("includeObjectNames")) {
                            warn(span(v), "whitelistObjectNames is ignored when includeObjectNames is given", "merge it into includeObjectNames");
                        } else {
                            sawInclude = true;
                            include.addAll(objectNames(v, e.getKey()));
                        }
                    }
                    case "excludeObjectNames" -> {
                        sawExclude = true;
                        exclude.addAll(objectNames(v, e.getKey()));
                    }
                    case "blacklistObjectNames" -> {
                        if (byKey.containsKey("excludeObjectNames")) {
                            warn(span(v), "blacklistObjectNames is ignored when excludeObjectNames is given", "merge it into excludeObjectNames");
                        } else {
                            sawExclude = true;
                            exclude.addAll(objectNames(v, e.getKey()));
                        }
                    }
                    case "excludeObjectNameAttributes" -> excludedAttributes.putAll(attributeExclusions(v));
                    case "rules" -> {
                        sawRules = true;
                        if (v instanceof SequenceNode seq) {
                            for (Node item : seq.getValue()) {
                                ExporterRule rule = rule(rules.size(), item);
                                if (rule != null) {
                                    rules.add(rule);
                                }
                            }
                        } else if (!isNull(v)) {
                            error(span(v), "rules must be a list", "write each rule as '- pattern: ...'");
                        }
                    }
                    default -> {
                    }
                }
            }
            if (sawInclude && include.isEmpty()) {
                warn(span(byKey.containsKey("includeObjectNames") ? byKey.get("includeObjectNames") : byKey.get("whitelistObjectNames")),
                        "an empty includeObjectNames list makes the agent read no MBean at all", "remove it, or list the MBeans to read");
            }
            return new JmxExporterConfig(file, lowerName, lowerLabels, sawInclude ? include : null, exclude, excludedAttributes, rules,
                    !sawRules);
        }

        private JmxExporterConfig empty() {
            return new JmxExporterConfig(file, false, false, List.of(), List.of(), Map.of(), List.of(), false);
        }

        private ExporterRule rule(int index, Node item) {
            if (!(item instanceof MappingNode m)) {
                error(span(item), "a rule is a mapping (pattern:, name:, …)", null);
                return null;
            }
            Map<String, NodeTuple> keys = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = scalar(t.getKeyNode());
                if (key != null) {
                    keys.put(key, t);
                    if (!RULE_KEYS.contains(key)) {
                        warn(span(t.getKeyNode()), "jmx_exporter ignores the rule key '" + key + "'", suggestion(key, RULE_KEYS));
                    }
                }
            }
            String patternText = null;
            Span patternSpan = null;
            Pattern pattern = null;
            boolean broken = false;
            if (keys.containsKey("pattern")) {
                Node p = keys.get("pattern").getValueNode();
                patternText = scalarValue(p);
                patternSpan = span(p);
                try {
                    pattern = Pattern.compile("^.*(?:" + patternText + ").*$");
                } catch (PatternSyntaxException e) {
                    error(patternSpan, "the pattern is not a Java regular expression: " + e.getDescription()
                                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""),
                            "the agent would not start; jmx_exporter compiles patterns with java.util.regex");
                    broken = true;
                }
            }
            String name = null;
            Span nameSpan = null;
            if (keys.containsKey("name")) {
                Node n = keys.get("name").getValueNode();
                name = scalarValue(n);
                nameSpan = span(n);
            }
            String value = keys.containsKey("value") ? scalarValue(keys.get("value").getValueNode()) : null;
            double factor = 1.0;
            if (keys.containsKey("valueFactor")) {
                Node f = keys.get("valueFactor").getValueNode();
                try {
                    factor = Double.parseDouble(scalarValue(f));
                } catch (NumberFormatException | NullPointerException e) {
                    warn(span(f), "valueFactor '" + scalarValue(f) + "' is not a number: the agent silently uses 1", "write a number such as 0.001");
                }
            }
            String type = "UNKNOWN";
            Span typeSpan = null;
            if (keys.containsKey("type")) {
                Node t = keys.get("type").getValueNode();
                typeSpan = span(t);
                String written = scalarValue(t);
                type = "UNTYPED".equals(written) ? "UNKNOWN" : written;
                if (written == null || !TYPES.contains(written)) {
                    String upper = written == null ? "" : written.toUpperCase(Locale.ROOT);
                    warn(typeSpan, "type '" + written + "' is not GAUGE, COUNTER or UNTYPED: the agent exposes the family as unknown",
                            TYPES.contains(upper) ? "write it in capitals: " + upper : "write GAUGE or COUNTER");
                    type = "UNKNOWN";
                }
            }
            String help = keys.containsKey("help") ? scalarValue(keys.get("help").getValueNode()) : null;
            Map<String, String> labels = new TreeMap<>();
            Span labelsSpan = null;
            if (keys.containsKey("labels")) {
                Node l = keys.get("labels").getValueNode();
                labelsSpan = span(keys.get("labels").getKeyNode());
                if (l instanceof MappingNode lm) {
                    for (NodeTuple t : lm.getValue()) {
                        labels.put(scalar(t.getKeyNode()), scalarValue(t.getValueNode()));
                    }
                } else if (!isNull(l)) {
                    error(span(l), "labels must be a mapping of label name to value template", "e.g. labels: { topic: \"$1\" }");
                    broken = true;
                }
            }
            boolean snake = keys.containsKey("attrNameSnakeCase") && bool(keys.get("attrNameSnakeCase").getValueNode(), "attrNameSnakeCase");
            boolean cache = keys.containsKey("cache") && bool(keys.get("cache").getValueNode(), "cache");
            Span ruleSpan = span(item);
            if ((keys.containsKey("labels") || help != null) && name == null) {
                error(ruleSpan, "a rule with labels or help needs a name", "the agent would not start: add name:, or remove labels/help");
                broken = true;
            }
            if (name != null && patternText == null) {
                error(nameSpan, "a rule with a name needs a pattern", "the agent would not start: add pattern:");
                broken = true;
            }
            if (broken) {
                return null;
            }
            return new ExporterRule(index, ruleSpan, patternText, patternSpan, pattern, name, nameSpan, value, factor, type, typeSpan,
                    help, labels, labelsSpan, snake, cache);
        }

        private List<ObjectNameFilter> objectNames(Node v, String key) {
            List<ObjectNameFilter> out = new ArrayList<>();
            if (!(v instanceof SequenceNode seq)) {
                if (!isNull(v)) {
                    error(span(v), key + " must be a list of ObjectName patterns", "e.g. - \"kafka.server:type=ReplicaManager,*\"");
                }
                return out;
            }
            for (Node n : seq.getValue()) {
                String text = scalarValue(n);
                try {
                    out.add(new ObjectNameFilter(new ObjectName(text), span(n)));
                } catch (MalformedObjectNameException | NullPointerException e) {
                    error(span(n), "'" + text + "' is not an ObjectName pattern: " + e.getMessage(),
                            "the agent would not start; write domain:key=value,* e.g. kafka.server:type=ReplicaManager,*");
                }
            }
            return out;
        }

        private Map<ObjectName, Set<String>> attributeExclusions(Node v) {
            Map<ObjectName, Set<String>> out = new LinkedHashMap<>();
            if (v instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    try {
                        ObjectName name = new ObjectName(scalar(t.getKeyNode()));
                        Set<String> attributes = new java.util.TreeSet<>();
                        if (t.getValueNode() instanceof SequenceNode s) {
                            s.getValue().forEach(n -> attributes.add(scalarValue(n)));
                        }
                        out.put(name, attributes);
                    } catch (MalformedObjectNameException | NullPointerException e) {
                        error(span(t.getKeyNode()), "'" + scalar(t.getKeyNode()) + "' is not an ObjectName", null);
                    }
                }
            }
            return out;
        }

        private boolean bool(Node v, String key) {
            String text = scalarValue(v);
            if ("true".equalsIgnoreCase(text)) {
                return true;
            }
            if (!"false".equalsIgnoreCase(text)) {
                error(span(v), key + " must be true or false, not '" + text + "'", "the agent would not start");
            }
            return false;
        }

        private String suggestion(String key, Set<String> known) {
            return dev.brokerwatch.dsl.catalog.DidYouMean.suggest(key, known).map(s -> "did you mean " + s + "?")
                    .orElse("known keys: " + String.join(", ", new java.util.TreeSet<>(known)));
        }

        private Span span(Node n) {
            if (n == null) {
                return new Span(file, 0, 0);
            }
            int start = clamp(n.getStartMark().getIndex());
            int end = clamp(n.getEndMark().getIndex());
            // a block node's end mark is on the next line: keep the span on its own text
            while (end > start && Character.isWhitespace(file.text().charAt(end - 1))) {
                end--;
            }
            return new Span(file, start, Math.max(start, end));
        }

        private int clamp(int offset) {
            return Math.max(0, Math.min(offset, file.text().length()));
        }

        private void error(Span at, String message, String hint) {
            diagnostics.add(Diagnostic.of(CheckCode.EXPORTER_CONFIG, Severity.ERROR, at, message, hint));
        }

        private void warn(Span at, String message, String hint) {
            diagnostics.add(Diagnostic.of(CheckCode.EXPORTER_CONFIG, Severity.WARNING, at, message, hint));
        }
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && (s.getTag().getValue().endsWith(":null"));
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String scalarValue(Node n) {
        if (isNull(n)) {
            return null;
        }
        return scalar(n);
    }
}
