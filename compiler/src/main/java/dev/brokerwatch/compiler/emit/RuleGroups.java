package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.ast.KeyValue;
import dev.brokerwatch.dsl.ast.RecordingRule;
import dev.brokerwatch.dsl.ast.Rule;
import dev.brokerwatch.dsl.compile.ExprText;
import dev.brokerwatch.dsl.resolve.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule groups as the YAML tree Prometheus, the Prometheus Operator and vmalert all read: the same shape in a
 * rule file, a {@code PrometheusRule} and a {@code VMRule}, so it is built once here.
 */
final class RuleGroups {
    private RuleGroups() {
    }

    /** Whether alert annotations are written: promtool test rule files leave them out (see PromtoolTestEmitter). */
    enum Annotations { INCLUDED, OMITTED }

    static List<Object> of(List<GroupDecl> groups, Params params, Annotations annotations) {
        List<Object> out = new ArrayList<>();
        for (GroupDecl group : groups) {
            Map<String, Object> g = CanonicalYaml.map();
            g.put("name", group.name().text());
            if (group.interval() != null) {
                g.put("interval", ExprText.duration(group.interval(), params));
            }
            if (group.limit() != null) {
                g.put("limit", Long.parseLong(group.limit().text()));
            }
            List<Object> rules = new ArrayList<>();
            for (Rule rule : group.rules()) {
                rules.add(rule instanceof AlertRule alert ? alert(alert, params, annotations) : record((RecordingRule) rule, params));
            }
            g.put("rules", rules);
            out.add(g);
        }
        return out;
    }

    /** The labels an alert adds to every instance: severity first, then its own labels in source order. */
    static Map<String, String> staticLabels(AlertRule alert) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (alert.severity() != null) {
            labels.put("severity", alert.severity().text());
        }
        putAll(labels, alert.labels());
        return labels;
    }

    /** summary, description and runbook_url first, then the annotations block in source order. */
    static Map<String, String> annotations(AlertRule alert) {
        Map<String, String> annotations = new LinkedHashMap<>();
        if (alert.summary() != null) {
            annotations.put("summary", alert.summary().value());
        }
        if (alert.description() != null) {
            annotations.put("description", alert.description().value());
        }
        if (alert.runbook() != null) {
            annotations.put("runbook_url", alert.runbook().value());
        }
        putAll(annotations, alert.annotations());
        return annotations;
    }

    private static Map<String, Object> alert(AlertRule alert, Params params, Annotations withAnnotations) {
        Map<String, Object> rule = CanonicalYaml.map();
        rule.put("alert", alert.name().text());
        rule.put("expr", ExprText.render(alert.expr(), params));
        if (alert.forDuration() != null) {
            rule.put("for", ExprText.duration(alert.forDuration(), params));
        }
        if (alert.keepFiringFor() != null) {
            rule.put("keep_firing_for", ExprText.duration(alert.keepFiringFor(), params));
        }
        Map<String, String> labels = staticLabels(alert);
        if (!labels.isEmpty()) {
            rule.put("labels", labels);
        }
        Map<String, String> annotations = annotations(alert);
        if (withAnnotations == Annotations.INCLUDED && !annotations.isEmpty()) {
            rule.put("annotations", annotations);
        }
        return rule;
    }

    private static Map<String, Object> record(RecordingRule record, Params params) {
        Map<String, Object> rule = CanonicalYaml.map();
        rule.put("record", record.name().text());
        rule.put("expr", ExprText.render(record.expr(), params));
        Map<String, String> labels = new LinkedHashMap<>();
        putAll(labels, record.labels());
        if (!labels.isEmpty()) {
            rule.put("labels", labels);
        }
        return rule;
    }

    private static void putAll(Map<String, String> into, List<KeyValue> pairs) {
        for (KeyValue kv : pairs) {
            into.put(kv.key().text(), kv.value().value());
        }
    }
}
