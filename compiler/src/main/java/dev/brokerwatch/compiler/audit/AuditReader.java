package dev.brokerwatch.compiler.audit;

import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.source.SourceFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads what a team runs: Prometheus rule files, {@code PrometheusRule} and {@code VMRule} resources (in
 * multi-document YAML), Grafana dashboard JSON, ConfigMaps carrying dashboards or rule files, Grafana operator
 * {@code GrafanaDashboard}s, and a ConfigMap holding an exporter configuration (handed to the exporter model).
 * Every string read keeps the place of each of its characters ({@link MappedText}), also through a JSON or
 * YAML document held in a YAML string.
 */
public final class AuditReader {
    private final AuditInputs inputs = new AuditInputs();

    private AuditReader() {
    }

    /** A file or folder that cannot be read: a usage error. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** Reads every file; folders are walked for {@code .yaml}, {@code .yml} and {@code .json} files, in name order. */
    public static AuditInputs read(List<String> roots) throws Unreadable {
        AuditReader reader = new AuditReader();
        for (String root : roots) {
            Path path = Path.of(root);
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).filter(AuditReader::audited).sorted().toList();
                } catch (IOException | RuntimeException e) {
                    throw new Unreadable(root + ": cannot list the folder (" + e.getMessage() + ")");
                }
                for (Path file : files) {
                    reader.readFile(file, file.toString());
                }
            } else if (Files.isRegularFile(path)) {
                reader.readFile(path, root);
            } else {
                throw new Unreadable(root + ": no such file or folder");
            }
        }
        return reader.inputs;
    }

    /** Reads one text as if it were a file of that name (tests, and files already in memory). */
    public static AuditInputs readText(String displayPath, String text) {
        AuditReader reader = new AuditReader();
        reader.readSource(new SourceFile(displayPath, null, text));
        return reader.inputs;
    }

    private static boolean audited(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private void readFile(Path path, String display) throws Unreadable {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(display + ": cannot read (" + e.getMessage() + ")");
        }
        readSource(new SourceFile(display, path, text));
    }

    private void readSource(SourceFile file) {
        int before = inputs.groups.size() + inputs.queries.size() + inputs.exporterConfigs.size() + inputs.problems.size();
        MappedText whole = MappedText.verbatim(file, 0, file.text());
        if (file.displayPath().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            readDashboardJson(whole, file.displayPath());
        } else {
            readYaml(whole, file.displayPath());
        }
        if (before == inputs.groups.size() + inputs.queries.size() + inputs.exporterConfigs.size() + inputs.problems.size()) {
            inputs.ignored.add(file.displayPath());
        }
    }

    // --- YAML ------------------------------------------------------------------------------------------

    /** A YAML text and how its offsets reach the file (itself, or a string of an outer document). */
    private record Yaml(MappedText origin, SourceFile parsed) {
        MappedText scalar(Node node) {
            return origin.compose(YamlScalars.map(parsed, (ScalarNode) node));
        }
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(true);
        options.setCodePointLimit(256 * 1024 * 1024);
        options.setAllowDuplicateKeys(true);
        return options;
    }

    /** The documents of a YAML text; null after reporting it does not parse. */
    private List<Node> documents(MappedText origin) {
        List<Node> documents = new ArrayList<>();
        try {
            for (Node node : new org.yaml.snakeyaml.Yaml(options()).composeAll(new StringReader(origin.text()))) {
                if (node != null) {
                    documents.add(node);
                }
            }
            return documents;
        } catch (MarkedYAMLException e) {
            int at = e.getProblemMark() == null ? 0 : YamlScalars.charIndex(origin.text(), e.getProblemMark().getIndex());
            inputs.problems.add(Diagnostic.of(CheckCode.SYNTAX_INVALID, Severity.ERROR, origin.span(at, Math.min(at + 1, origin.text().length())),
                    "the YAML does not parse: " + e.getProblem(), "fix the YAML; 'promtool check rules' or a YAML linter shows the same place"));
        } catch (YAMLException e) {
            inputs.problems.add(Diagnostic.of(CheckCode.SYNTAX_INVALID, Severity.ERROR, origin.span(0, Math.min(1, origin.text().length())),
                    "the YAML does not parse: " + e.getMessage(), "fix the YAML"));
        }
        return null;
    }

    private void readYaml(MappedText origin, String where) {
        List<Node> documents = documents(origin);
        if (documents == null) {
            return;
        }
        Yaml yaml = new Yaml(origin, origin.asSource());
        for (Node document : documents) {
            readDocument(yaml, document, where);
        }
    }

    private void readDocument(Yaml yaml, Node document, String where) {
        if (!(document instanceof MappingNode root)) {
            return;
        }
        String kind = text(get(root, "kind"));
        String name = text(get(get(root, "metadata"), "name"));
        String resource = kind == null ? where : kind + " " + (name == null ? "" : name);
        if (kind == null || kind.equals("PrometheusRule") || kind.equals("VMRule")) {
            Node groups = kind == null ? get(root, "groups") : get(get(root, "spec"), "groups");
            if (groups instanceof SequenceNode seq) {
                readGroups(yaml, seq, resource, kind == null ? null : resource(yaml, root, kind, name),
                        commentsOutside(root, seq.getValue().toArray(Node[]::new)));
            }
            return;
        }
        switch (kind) {
            case "List" -> {
                if (get(root, "items") instanceof SequenceNode items) {
                    items.getValue().forEach(item -> readDocument(yaml, item, where));
                }
            }
            case "ConfigMap" -> readConfigMap(yaml, root, resource);
            case "GrafanaDashboard" -> {
                Node json = get(get(root, "spec"), "json");
                if (json instanceof ScalarNode) {
                    readDashboardJson(yaml.scalar(json), resource);
                }
            }
            default -> {
                // other resources (Kafka, ServiceMonitor, ...) hold nothing to audit
            }
        }
    }

    private void readConfigMap(Yaml yaml, MappingNode root, String resource) {
        if (!(get(root, "data") instanceof MappingNode data)) {
            return;
        }
        for (NodeTuple entry : data.getValue()) {
            String key = text(entry.getKeyNode());
            if (key == null || !(entry.getValueNode() instanceof ScalarNode)) {
                continue;
            }
            MappedText value = yaml.scalar(entry.getValueNode());
            String where = resource + " " + key;
            if (key.endsWith(".json")) {
                readDashboardJson(value, where);
                continue;
            }
            if (!(key.endsWith(".yaml") || key.endsWith(".yml"))) {
                continue;
            }
            List<Node> inner = documents(value);
            if (inner == null) {
                continue;
            }
            Yaml innerYaml = new Yaml(value, value.asSource());
            for (Node document : inner) {
                if (!(document instanceof MappingNode map)) {
                    continue;
                }
                if (get(map, "groups") instanceof SequenceNode groups) {
                    readGroups(innerYaml, groups, where, null, commentsOutside(map, groups.getValue().toArray(Node[]::new)));
                } else if (isExporterConfig(map)) {
                    inputs.exporterConfigs.add(new ExporterConfigSource(where, value));
                }
            }
        }
    }

    /** A jmx_exporter configuration: {@code rules} of {@code pattern}s, or one of its top-level settings. */
    private static boolean isExporterConfig(MappingNode map) {
        for (String key : List.of("lowercaseOutputName", "lowercaseOutputLabelNames", "includeObjectNames", "excludeObjectNames",
                "whitelistObjectNames", "blacklistObjectNames", "startDelaySeconds", "jmxUrl", "hostPort")) {
            if (get(map, key) != null) {
                return true;
            }
        }
        return get(map, "rules") instanceof SequenceNode rules
                && rules.getValue().stream().anyMatch(r -> get(r, "pattern") != null || get(r, "name") != null);
    }

    private static final java.util.Set<String> GROUP_KEYS = java.util.Set.of("name", "interval", "limit", "rules");
    private static final java.util.Set<String> RULE_KEYS = java.util.Set.of("alert", "record", "expr", "for", "keep_firing_for",
            "labels", "annotations");

    /** The metadata of a PrometheusRule or VMRule. */
    private AuditResource resource(Yaml yaml, MappingNode root, String kind, String name) {
        Node metadata = get(root, "metadata");
        List<UnreadKey> ignored = new ArrayList<>();
        int at = yaml.origin().offsetOf(index(metadata == null ? root : metadata));
        return new AuditResource(kind, name, text(get(metadata, "namespace")), entries(yaml, get(metadata, "labels"), "metadata.labels", ignored),
                entries(yaml, get(metadata, "annotations"), "metadata.annotations", ignored),
                new dev.brokerwatch.dsl.source.Span(yaml.origin().file(), at, at + 1));
    }

    private void readGroups(Yaml yaml, SequenceNode groups, String where, AuditResource resource, List<String> leading) {
        boolean first = true;
        for (Node g : groups.getValue()) {
            if (!(g instanceof MappingNode group)) {
                continue;
            }
            List<AuditRule> rules = new ArrayList<>();
            List<Node> ruleNodes = new ArrayList<>();
            if (get(group, "rules") instanceof SequenceNode seq) {
                for (Node r : seq.getValue()) {
                    if (r instanceof MappingNode rule) {
                        ruleNodes.add(rule);
                        AuditRule read = readRule(yaml, rule);
                        if (read != null) {
                            rules.add(read);
                        }
                    }
                }
            }
            MappedText name = scalar(yaml, get(group, "name"));
            if (name == null) {
                name = MappedText.coarse(yaml.origin().file(), yaml.origin().offsetOf(index(group)),
                        yaml.origin().offsetOf(index(group)) + 1, "");
            }
            List<String> comments = new ArrayList<>(first ? leading : List.of());
            comments.addAll(commentsOutside(group, ruleNodes.toArray(Node[]::new)));
            first = false;
            inputs.groups.add(new AuditGroup(where, resource, name, scalar(yaml, get(group, "interval")), scalar(yaml, get(group, "limit")),
                    rules, comments, unread(yaml, group, GROUP_KEYS, "group")));
        }
    }

    private AuditRule readRule(Yaml yaml, MappingNode rule) {
        Node alert = get(rule, "alert");
        Node record = get(rule, "record");
        MappedText name = scalar(yaml, alert != null ? alert : record);
        MappedText expr = scalar(yaml, get(rule, "expr"));
        if (name == null || expr == null) {
            int at = yaml.origin().offsetOf(index(rule));
            inputs.problems.add(Diagnostic.of(CheckCode.SYNTAX_INVALID, Severity.ERROR,
                    new dev.brokerwatch.dsl.source.Span(yaml.origin().file(), at, at + 1),
                    name == null ? "a rule without 'alert' or 'record'" : "rule " + name.text() + " has no 'expr'",
                    "every rule needs a name (alert: or record:) and an expr:"));
            return null;
        }
        List<UnreadKey> unread = unread(yaml, rule, RULE_KEYS, "rule");
        return new AuditRule(alert != null, name, expr, scalar(yaml, get(rule, "for")), scalar(yaml, get(rule, "keep_firing_for")),
                entries(yaml, get(rule, "labels"), "labels", unread), entries(yaml, get(rule, "annotations"), "annotations", unread),
                commentsOutside(rule), unread);
    }

    /** The {@code key: value} strings of a map; what is not a string pair (a list, a map, a null) goes to {@code unread}. */
    private List<RuleEntry> entries(Yaml yaml, Node node, String path, List<UnreadKey> unread) {
        List<RuleEntry> out = new ArrayList<>();
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode && t.getValueNode() instanceof ScalarNode v && !v.getTag().equals(Tag.NULL)) {
                    out.add(new RuleEntry(yaml.scalar(t.getKeyNode()), yaml.scalar(t.getValueNode())));
                } else {
                    unread.add(unreadAt(yaml, t.getKeyNode(), path + "." + (t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?")));
                }
            }
        } else if (node != null && !(node instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            unread.add(unreadAt(yaml, node, path));
        }
        return out;
    }

    /** Keys of a group or rule outside {@code known}. */
    private static List<UnreadKey> unread(Yaml yaml, MappingNode map, java.util.Set<String> known, String what) {
        List<UnreadKey> out = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
            if (!known.contains(key)) {
                out.add(unreadAt(yaml, t.getKeyNode(), key));
            }
        }
        return out;
    }

    private static UnreadKey unreadAt(Yaml yaml, Node node, String path) {
        int start = yaml.origin().offsetOf(index(node));
        int length = node instanceof ScalarNode s ? Math.max(1, s.getValue().length()) : 1;
        return new UnreadKey(path, new dev.brokerwatch.dsl.source.Span(yaml.origin().file(), start, start + length));
    }

    /**
     * The comment lines written in {@code node}, outside the nodes in {@code skip}, in file order: above keys and
     * items, at the end of a line, after the last entry.
     */
    private static List<String> commentsOutside(Node node, Node... skip) {
        java.util.Set<Node> skipped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        skipped.addAll(List.of(skip));
        List<CommentLine> lines = new ArrayList<>();
        collectComments(node, skipped, lines);
        return lines.stream().filter(c -> c.getCommentType() != CommentType.BLANK_LINE)
                .sorted(java.util.Comparator.comparingInt(c -> c.getStartMark() == null ? 0 : c.getStartMark().getIndex()))
                .map(c -> c.getValue().strip()).toList();
    }

    private static void collectComments(Node node, java.util.Set<Node> skip, List<CommentLine> into) {
        if (node == null || skip.contains(node)) {
            return;
        }
        for (List<CommentLine> part : java.util.Arrays.asList(node.getBlockComments(), node.getInLineComments(), node.getEndComments())) {
            if (part != null) {
                into.addAll(part);
            }
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                collectComments(t.getKeyNode(), skip, into);
                collectComments(t.getValueNode(), skip, into);
            }
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(item -> collectComments(item, skip, into));
        }
    }

    private static int index(Node node) {
        return node.getStartMark().getIndex();
    }

    private static MappedText scalar(Yaml yaml, Node node) {
        return node instanceof ScalarNode ? yaml.scalar(node) : null;
    }

    private static Node get(Node node, String key) {
        if (!(node instanceof MappingNode map)) {
            return null;
        }
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String text(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    // --- Grafana dashboards -----------------------------------------------------------------------------

    private void readDashboardJson(MappedText origin, String where) {
        JsonDocument.Value root;
        try {
            root = JsonDocument.parse(origin);
        } catch (JsonDocument.Malformed e) {
            int at = Math.min(e.offset(), origin.text().length());
            inputs.problems.add(Diagnostic.of(CheckCode.SYNTAX_INVALID, Severity.ERROR, origin.span(at, Math.min(at + 1, origin.text().length())),
                    "the dashboard JSON does not parse: " + e.getMessage(), "fix the JSON"));
            return;
        }
        if (root instanceof JsonDocument.Obj obj && obj.get("dashboard") instanceof JsonDocument.Obj inner) {
            root = inner; // the export format of Grafana's HTTP API
        }
        if (!(root instanceof JsonDocument.Obj dashboard)) {
            return;
        }
        String title = dashboard.get("title") instanceof JsonDocument.Str s ? s.value() : where;
        java.util.Set<String> variables = new java.util.TreeSet<>();
        List<MappedText> variableQueries = new ArrayList<>();
        if (dashboard.get("templating") instanceof JsonDocument.Obj templating && templating.get("list") instanceof JsonDocument.Arr list) {
            for (JsonDocument.Value v : list.items()) {
                if (v instanceof JsonDocument.Obj variable) {
                    if (variable.get("name") instanceof JsonDocument.Str n) {
                        variables.add(n.value());
                    }
                    if (variable.get("type") instanceof JsonDocument.Str t && t.value().equals("query") && prometheus(variable)) {
                        JsonDocument.Value q = variable.get("query");
                        if (q instanceof JsonDocument.Obj qo) {
                            q = qo.get("query");
                        }
                        if (q instanceof JsonDocument.Str qs) {
                            MappedText selector = GrafanaQueries.variableSelector(qs.text());
                            if (selector != null) {
                                variableQueries.add(selector);
                            }
                        }
                    }
                }
            }
        }
        for (MappedText q : variableQueries) {
            inputs.queries.add(new DashboardQuery(title, q, variables));
        }
        panels(dashboard.get("panels"), title, variables);
        if (dashboard.get("rows") instanceof JsonDocument.Arr rows) {
            for (JsonDocument.Value row : rows.items()) {
                if (row instanceof JsonDocument.Obj r) {
                    panels(r.get("panels"), title, variables);
                }
            }
        }
    }

    private void panels(JsonDocument.Value value, String title, java.util.Set<String> variables) {
        if (!(value instanceof JsonDocument.Arr panels)) {
            return;
        }
        for (JsonDocument.Value p : panels.items()) {
            if (!(p instanceof JsonDocument.Obj panel)) {
                continue;
            }
            panels(panel.get("panels"), title, variables); // a collapsed row holds its panels
            if (!(panel.get("targets") instanceof JsonDocument.Arr targets) || !prometheus(panel)) {
                continue;
            }
            for (JsonDocument.Value t : targets.items()) {
                if (t instanceof JsonDocument.Obj target && prometheus(target) && target.get("expr") instanceof JsonDocument.Str expr
                        && !expr.value().isBlank()) {
                    inputs.queries.add(new DashboardQuery(title, expr.text(), variables));
                }
            }
        }
    }

    /** False only for a datasource that says it is of another type (Loki, Elasticsearch, ...). */
    private static boolean prometheus(JsonDocument.Obj element) {
        return !(element.get("datasource") instanceof JsonDocument.Obj ds && ds.get("type") instanceof JsonDocument.Str type
                && !type.value().equals("prometheus") && !type.value().startsWith("$") && !type.value().equals("datasource"));
    }
}
