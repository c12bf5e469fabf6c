package dev.brokerwatch.compiler.importer;

import dev.brokerwatch.compiler.audit.AuditGroup;
import dev.brokerwatch.compiler.audit.AuditRule;
import dev.brokerwatch.compiler.audit.MappedText;
import dev.brokerwatch.compiler.audit.RuleEntry;
import dev.brokerwatch.compiler.emit.OutputFile;
import dev.brokerwatch.dsl.compile.ExprText;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.parse.Durations;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The imported sources compiled back to Prometheus rule files, compared with the rule files read: every group
 * (name, interval, limit) and every rule carried (kind, name, expression as Prometheus reads it after comments and
 * indentation, for, keep_firing_for, labels, annotations). A difference is reported, never written silently.
 */
final class RoundTrip {
    private RoundTrip() {
    }

    static List<Diagnostic> differences(List<AuditGroup> read, List<OutputFile> compiled, Collection<BwSourceWriter.Written> written) {
        Map<String, Deque<Map<String, Object>>> byName = new HashMap<>();
        for (OutputFile file : compiled) {
            Object root = new Yaml(new LoaderOptions()).load(file.content());
            if (root instanceof Map<?, ?> map && map.get("groups") instanceof List<?> groups) {
                for (Object g : groups) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> group = (Map<String, Object>) g;
                    byName.computeIfAbsent(String.valueOf(group.get("name")), k -> new ArrayDeque<>()).add(group);
                }
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        for (AuditGroup g : read) {
            Deque<Map<String, Object>> candidates = byName.get(g.name().text());
            Map<String, Object> group = candidates == null ? null : candidates.poll();
            if (group == null) {
                out.add(differs(g.name().span(), "group " + g.name().text() + " is missing from the compiled rule files"));
                continue;
            }
            compare(out, g.name().span(), "interval of group " + g.name().text(), millis(g.interval()), millis(group.get("interval")));
            compare(out, g.name().span(), "limit of group " + g.name().text(),
                    g.limit() == null ? null : g.limit().text().strip(), group.get("limit") == null ? null : String.valueOf(group.get("limit")));
            List<?> rules = group.get("rules") instanceof List<?> l ? l : List.of();
            int at = 0;
            for (AuditRule r : g.rules()) {
                if (!BwLiterals.isIdentifier(r.name().text())) {
                    continue; // not carried, and reported so
                }
                if (at >= rules.size()) {
                    out.add(differs(r.name().span(), r.name().text() + " is missing from the compiled group " + g.name().text()));
                    continue;
                }
                Map<?, ?> rule = (Map<?, ?>) rules.get(at++);
                rule(out, r, rule);
            }
            if (at < rules.size()) {
                out.add(differs(g.name().span(), "the compiled group " + g.name().text() + " has rules the rule file does not have"));
            }
        }
        return out;
    }

    private static void rule(List<Diagnostic> out, AuditRule r, Map<?, ?> rule) {
        Span at = r.name().span();
        String name = r.name().text();
        compare(out, at, "the name of " + name, (r.alert() ? "alert " : "record ") + name,
                (rule.containsKey("alert") ? "alert " + rule.get("alert") : "record " + rule.get("record")));
        compare(out, at, "the expression of " + name, ExprText.layout(r.expr().text()), String.valueOf(rule.get("expr")).stripTrailing());
        compare(out, at, "for of " + name, millis(r.forDuration()), millis(rule.get("for")));
        compare(out, at, "keep_firing_for of " + name, millis(r.keepFiringFor()), millis(rule.get("keep_firing_for")));
        compare(out, at, "the labels of " + name, entries(r.labels()), strings(rule.get("labels")));
        compare(out, at, "the annotations of " + name, r.alert() ? entries(r.annotations()) : Map.of(), strings(rule.get("annotations")));
    }

    private static Long millis(Object value) {
        String text = value instanceof MappedText m ? m.text().strip() : value == null ? null : String.valueOf(value);
        return text == null || !BwLiterals.isDuration(text) ? null : Durations.parseMillis(text);
    }

    private static Map<String, String> entries(List<RuleEntry> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        entries.stream().filter(e -> BwLiterals.isIdentifier(e.key().text())).forEach(e -> out.put(e.key().text(), e.value().text()));
        return out;
    }

    private static Map<String, String> strings(Object map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    private static void compare(List<Diagnostic> out, Span at, String what, Object read, Object compiled) {
        if (!Objects.equals(read, compiled)) {
            out.add(differs(at, what + " compiles to " + compiled + " but the rule file says " + read));
        }
    }

    private static Diagnostic differs(Span at, String message) {
        return Diagnostic.of(Importer.NOT_CARRIED, Severity.ERROR, at, message,
                "the imported .bw does not compile back to the rule file here: keep this rule in YAML and report it as a brokerwatch bug");
    }
}
