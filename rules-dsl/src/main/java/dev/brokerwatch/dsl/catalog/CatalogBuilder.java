package dev.brokerwatch.dsl.catalog;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.ExternalMetricDecl;
import dev.brokerwatch.dsl.ast.FamilyDecl;
import dev.brokerwatch.dsl.ast.FamilyMember;
import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.JmxSource;
import dev.brokerwatch.dsl.ast.LabelSpec;
import dev.brokerwatch.dsl.ast.MetricBody;
import dev.brokerwatch.dsl.ast.MetricDecl;
import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.ast.Statement;
import dev.brokerwatch.dsl.ast.StringLit;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Turns metric, family and external declarations into the {@link Catalog}, checking what building the JMX
 * bindings must know anyway (catalog/jmx): ObjectName patterns, sources, the keys taken as labels. A name
 * declared twice keeps its first declaration; naming and duplicates are reported by
 * {@link dev.brokerwatch.dsl.check.CatalogNamingCheck} and {@link dev.brokerwatch.dsl.check.CatalogDuplicateCheck}.
 */
public final class CatalogBuilder {
    public static final CheckCode JMX = CheckCode.CATALOG_JMX;

    /**
     * Kafka's Yammer histogram percentiles and their quantile label values, written the way Prometheus
     * client libraries (ours and the stock exporter's) print a quantile: 0.5, not 0.50.
     */
    public static final Map<String, String> KAFKA_QUANTILES;

    static {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("0.5", "50thPercentile");
        q.put("0.75", "75thPercentile");
        q.put("0.95", "95thPercentile");
        q.put("0.98", "98thPercentile");
        q.put("0.99", "99thPercentile");
        q.put("0.999", "999thPercentile");
        KAFKA_QUANTILES = java.util.Collections.unmodifiableMap(q);
    }

    public static final Set<String> CGROUP_FIELDS = Set.of(
            "usage", "limit", "rss", "inactive_file", "working_set", "oom_ratio", "oom_floor_ratio");

    private final List<Diagnostic> diagnostics;
    private final Map<String, CatalogMetric> metrics = new LinkedHashMap<>();

    private CatalogBuilder(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    public static Catalog build(List<BwFile> files, List<String> targetLabels, List<Diagnostic> diagnostics) {
        CatalogBuilder builder = new CatalogBuilder(diagnostics);
        for (BwFile file : files) {
            for (Statement s : file.statements()) {
                if (s instanceof MetricDecl m) {
                    builder.metric(m);
                } else if (s instanceof FamilyDecl f) {
                    builder.family(f);
                } else if (s instanceof ExternalMetricDecl e) {
                    builder.external(e);
                }
            }
        }
        return new Catalog(builder.metrics.values(), targetLabels);
    }

    private void metric(MetricDecl m) {
        MetricBody body = m.body();
        add(agentMetric(m.name().text(), m.name().span(), m.type(), body, body.help(), body.unit(), body.conditional(),
                body.since(), body.until(), null));
    }

    private void family(FamilyDecl f) {
        if (!hasMemberKey(f)) {
            error(JMX, f.prefix().span(), "family " + f.prefix().text() + " has no {member} in its ObjectName pattern",
                    "write the key that differs between members as {member}, e.g. jmx \"kafka.server:type=ReplicaManager,name={member}\"");
            return;
        }
        for (FamilyMember member : f.members()) {
            String name = memberName(f.prefix().text(), f.type(), member);
            MetricBody body = f.body();
            add(agentMetric(name, member.mbeanName().span(), f.type(), body,
                    member.help() != null ? member.help() : body.help(),
                    member.unit() != null ? member.unit() : body.unit(),
                    member.conditional() != null ? member.conditional() : body.conditional(),
                    member.since() != null ? member.since() : body.since(),
                    member.until() != null ? member.until() : body.until(), member.mbeanName().text()));
        }
    }

    /** A family makes metrics only when its ObjectName pattern says where the member's name goes. */
    public static boolean hasMemberKey(FamilyDecl f) {
        return f.body().jmx().stream().anyMatch(j -> j.pattern().value().contains("{member}"));
    }

    /** prefix + lower-cased MBean name; a counter drops a trailing PerSec (the Meter's rate unit) and gains _total. */
    public static String memberName(String prefix, MetricType type, FamilyMember member) {
        String suffix;
        if (member.suffix() != null) {
            suffix = member.suffix().text();
        } else {
            suffix = member.mbeanName().text();
            if (type == MetricType.COUNTER && suffix.endsWith("PerSec")) {
                suffix = suffix.substring(0, suffix.length() - "PerSec".length());
            }
            suffix = suffix.toLowerCase(Locale.ROOT);
        }
        return prefix + "_" + suffix + (type == MetricType.COUNTER && !suffix.endsWith("_total") ? "_total" : "");
    }

    private void external(ExternalMetricDecl e) {
        TreeSet<String> labels = new TreeSet<>();
        for (Ident label : e.labels()) {
            labels.add(label.text());
        }
        add(new CatalogMetric(e.name().text(), e.type(), labels, text(e.help()), e.unit() == null ? null : e.unit().text(),
                Origin.EXTERNAL, e.source() == null ? "external" : e.source().text(), e.name().span(), null, null, null,
                List.of(), null, true));
    }

    private CatalogMetric agentMetric(String name, Span at, MetricType type, MetricBody body, StringLit help, Ident unit,
                                      StringLit conditional, StringLit since, StringLit until, String member) {
        for (StringLit version : new StringLit[] {since, until}) {
            if (version != null && !KafkaVersions.isValid(version.value())) {
                error(JMX, version.span(), "'" + version.value() + "' is not a Kafka version", "write e.g. \"4.0\" or \"3.9.1\"");
            }
        }
        if (body.jmx().isEmpty() && body.cgroup() == null) {
            error(JMX, at, "metric " + name + " has no source",
                    "add jmx \"<ObjectName pattern>\" or cgroup <field>, or declare it with external metric");
        }
        if (!body.jmx().isEmpty() && body.cgroup() != null) {
            error(JMX, body.cgroup().span(), "metric " + name + " has both jmx and cgroup sources", "keep one kind of source");
        }
        String cgroupField = null;
        if (body.cgroup() != null) {
            cgroupField = body.cgroup().field().text();
            if (!CGROUP_FIELDS.contains(cgroupField)) {
                error(JMX, body.cgroup().field().span(), "unknown cgroup field " + cgroupField,
                        DidYouMean.suggest(cgroupField, CGROUP_FIELDS).map(s -> "did you mean " + s + "?")
                                .orElse("fields are " + String.join(", ", new TreeSet<>(CGROUP_FIELDS))));
            }
            if (type != MetricType.GAUGE) {
                error(JMX, body.cgroup().span(), "cgroup values are gauges, so " + name + " must be a gauge", "declare it gauge");
            }
        }
        TreeSet<String> labels = new TreeSet<>();
        for (LabelSpec spec : body.labels()) {
            if (!labels.add(spec.labelName())) {
                error(JMX, spec.span(), "label " + spec.labelName() + " is given twice", "list each ObjectName key once");
            }
        }
        for (JmxSource source : body.jmx()) {
            if (source.valueLabel() == null) {
                continue;
            }
            String valueLabel = source.valueLabel().text();
            if (body.labels().stream().anyMatch(l -> l.labelName().equals(valueLabel))) {
                error(JMX, source.valueLabel().span(), "label " + valueLabel + " is both an ObjectName key's label and"
                        + " the value label of attribute " + source.attribute().text(), "rename one of them with as");
            }
            labels.add(valueLabel);
        }
        List<JmxBinding> bindings = new ArrayList<>();
        for (LabelSpec spec : body.labels()) {
            boolean inSomePattern = body.jmx().isEmpty() || body.jmx().stream().anyMatch(j -> hasKey(j.pattern().value(), spec.key().text()));
            if (!inSomePattern) {
                error(JMX, spec.key().span(), "ObjectName key " + spec.key().text() + " is in none of the patterns of " + name,
                        "labels name keys of the jmx patterns; write them as key=* in the pattern");
            }
        }
        for (JmxSource source : body.jmx()) {
            JmxBinding binding = binding(name, type, source, body.labels(), member);
            if (binding != null) {
                bindings.add(binding);
            }
        }
        return new CatalogMetric(name, type, labels, text(help), unit == null ? null : unit.text(),
                cgroupField != null ? Origin.CGROUP : Origin.JMX, cgroupField != null ? "cgroup" : "jmx", at,
                text(conditional), text(since), text(until), bindings, cgroupField, true);
    }

    private JmxBinding binding(String name, MetricType type, JmxSource source, List<LabelSpec> labels, String member) {
        String pattern = source.pattern().value();
        if (member != null) {
            pattern = pattern.replace("{member}", member);
        }
        ObjectName objectName;
        try {
            objectName = new ObjectName(pattern);
        } catch (MalformedObjectNameException e) {
            error(JMX, source.pattern().span(), "invalid ObjectName pattern: " + e.getMessage(),
                    "write domain:key=value,key=*, e.g. \"kafka.log:type=Log,name=Size,topic=*,partition=*\"");
            return null;
        }
        if (objectName.isDomainPattern()) {
            error(JMX, source.pattern().span(), "the ObjectName domain must be exact, not a pattern",
                    "name the domain, e.g. kafka.server");
            return null;
        }
        Map<String, String> keys = objectName.getKeyPropertyList();
        List<JmxBinding.LabelKey> labelKeys = new ArrayList<>();
        for (LabelSpec spec : labels) {
            String key = spec.key().text();
            // a source without the key yields series without the label (Kafka's broker-wide BrokerTopicMetrics, say)
            if (keys.containsKey(key)) {
                labelKeys.add(new JmxBinding.LabelKey(spec.labelName(), key));
            }
        }
        for (Map.Entry<String, String> key : new java.util.TreeMap<>(keys).entrySet()) {
            boolean wildcard = key.getValue().equals("*");
            boolean exported = labels.stream().anyMatch(l -> l.key().text().equals(key.getKey()));
            if (wildcard && !exported) {
                error(JMX, source.pattern().span(), "the wildcard key " + key.getKey() + " is not exported as a label, so MBeans that differ only in "
                                + key.getKey() + " would give duplicate series",
                        "add labels " + key.getKey() + ", or fix the key's value in the pattern");
            } else if (!wildcard && (key.getValue().contains("*") || key.getValue().contains("?"))) {
                error(JMX, source.pattern().span(), "the value of " + key.getKey() + " mixes text and wildcards",
                        "use * for the whole value and export the key as a label");
            }
        }
        String attribute = source.attribute() != null ? source.attribute().text()
                : type == MetricType.COUNTER ? "Count" : type == MetricType.SUMMARY ? null : "Value";
        Map<String, String> quantiles = Map.of();
        String countAttribute = null;
        String meanAttribute = null;
        if (type == MetricType.SUMMARY) {
            if (source.attribute() != null) {
                error(JMX, source.attribute().span(), "a summary reads Kafka's percentile and Count attributes, not one attribute",
                        "remove the attribute option, or declare a gauge per percentile");
            }
            quantiles = KAFKA_QUANTILES;
            countAttribute = "Count";
            // Yammer's lifetime Mean x Count is the lifetime sum, so rate(_sum) / rate(_count) is a windowed mean
            meanAttribute = "Mean";
            attribute = null;
        }
        double scale = 1.0;
        if (source.scale() != null) {
            scale = source.scale().value();
            if (!(scale > 0) || Double.isInfinite(scale)) {
                error(JMX, source.scale().span(), "scale must be a positive number", "e.g. scale 0.001 turns milliseconds into seconds");
                scale = 1.0;
            }
        }
        return new JmxBinding(source.span(), pattern, attribute, quantiles, countAttribute, meanAttribute, scale, labelKeys,
                valueLabel(name, type, source));
    }

    /** The label of {@code attribute A as label L}: a String attribute's text on a sample of value 1. */
    private String valueLabel(String name, MetricType type, JmxSource source) {
        if (source.valueLabel() == null) {
            return null;
        }
        String label = source.valueLabel().text();
        if (type != MetricType.GAUGE) {
            error(JMX, source.valueLabel().span(), "only a gauge can carry an attribute as a label (its samples are 1), and "
                    + name + " is a " + type.keyword(), "declare " + name + " gauge");
            return null;
        }
        if (source.scale() != null) {
            error(JMX, source.scale().span(), "the samples of a value label are always 1, so there is nothing to scale",
                    "remove the scale option");
            return null;
        }
        if (label.startsWith("__")) {
            error(JMX, source.valueLabel().span(), "label names starting with __ are reserved for Prometheus' own use",
                    "name the label without the leading underscores");
            return null;
        }
        return label;
    }

    private static boolean hasKey(String pattern, String key) {
        try {
            return new ObjectName(pattern.replace("{member}", "x")).getKeyPropertyList().containsKey(key);
        } catch (MalformedObjectNameException e) {
            return true; // reported with the pattern itself
        }
    }

    private void add(CatalogMetric metric) {
        metrics.putIfAbsent(metric.name(), metric);
    }

    private void error(CheckCode code, Span at, String message, String hint) {
        diagnostics.add(Diagnostic.of(code, Severity.ERROR, at, message, hint));
    }

    private static String text(StringLit s) {
        return s == null ? null : s.value();
    }
}
