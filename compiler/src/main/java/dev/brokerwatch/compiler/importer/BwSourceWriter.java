package dev.brokerwatch.compiler.importer;

import dev.brokerwatch.compiler.audit.AuditGroup;
import dev.brokerwatch.compiler.audit.AuditRule;
import dev.brokerwatch.compiler.audit.MappedText;
import dev.brokerwatch.compiler.audit.RuleEntry;
import dev.brokerwatch.compiler.audit.UnreadKey;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.resolve.AnnotationClauses;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes rule groups read from YAML as {@code .bw} text: groups, alerts and recording rules with every value
 * spelt so that the parser reads back exactly what the YAML said, the YAML comments above the group or rule
 * they were written in, and the house-style disable comments the importer decided on. What the language
 * cannot say is left out of the text and reported ({@code import/not-carried}) at its place in the YAML.
 */
final class BwSourceWriter {
    static final CheckCode NOT_CARRIED = CheckCode.IMPORT_NOT_CARRIED;
    private static final Pattern DIRECTIVE = Pattern.compile("\\s*brokerwatch\\s*:.*");

    /** Where each group and rule landed in the text, for mapping problems found in it back to what was read. */
    record Placed(Object item, int start, int end) {
    }

    record Written(String text, List<Placed> placed, List<Diagnostic> notCarried) {
    }

    private final StringBuilder out = new StringBuilder();
    private final List<Placed> placed = new ArrayList<>();
    private final List<Diagnostic> notCarried = new ArrayList<>();
    private final Disables disables;

    private BwSourceWriter(Disables disables) {
        this.disables = disables;
    }

    static Written write(ImportUnit unit, List<String> header, List<String> severities, Disables disables) {
        BwSourceWriter w = new BwSourceWriter(disables);
        w.file(unit, header, severities);
        return new Written(w.out.toString(), List.copyOf(w.placed), List.copyOf(w.notCarried));
    }

    private void file(ImportUnit unit, List<String> header, List<String> severities) {
        out.append("# Imported by brokerwatch import from ").append(unit.origin()).append(".\n");
        for (String line : header) {
            out.append(line).append('\n');
        }
        if (!disables.wholeFile.isEmpty()) {
            out.append('\n');
            disables.wholeFile.forEach((code, reason) ->
                    out.append("# brokerwatch: disable-file=").append(code.code()).append(" ").append(reason).append('\n'));
        }
        if (!severities.isEmpty()) {
            out.append("\n# the severities these alerts use, in order of first use; brokerwatch reads the list as most to least severe\n");
            out.append("severities ").append(String.join(", ", severities)).append('\n');
        }
        for (AuditGroup group : unit.groups()) {
            out.append('\n');
            group(group);
        }
    }

    private void group(AuditGroup g) {
        int start = out.length();
        comments(g.comments(), "");
        disableComments(g, "");
        out.append("group ").append(BwLiterals.groupName(g.name().text()));
        if (g.interval() != null) {
            duration(g.interval(), "interval", "group " + g.name().text(), " ", "");
        }
        if (g.limit() != null) {
            if (BwLiterals.isWholeNumber(g.limit().text().strip())) {
                out.append(" limit ").append(g.limit().text().strip());
            } else {
                notCarried(g.limit().span(), Severity.ERROR, "limit " + g.limit().text() + " of group " + g.name().text()
                        + " is not a whole number: Prometheus rejects it, so it is not carried", "write the number of alerts or series, e.g. limit: 10");
            }
        }
        for (UnreadKey key : g.unread()) {
            notCarried(key.span(), Severity.WARNING, "'" + key.path() + "' of group " + g.name().text()
                    + " is not carried: the language has no equivalent, so the compiled rule files will not have it",
                    "set it in the compiled files by hand, or keep this group in YAML");
        }
        out.append(" {\n");
        boolean first = true;
        for (AuditRule rule : g.rules()) {
            int before = out.length();
            if (!first) {
                out.append('\n');
            }
            if (rule(rule)) {
                first = false;
            } else {
                out.setLength(before);
            }
        }
        out.append("}\n");
        placed.add(new Placed(g, start, out.length()));
    }

    /** False when the rule is not carried at all. */
    private boolean rule(AuditRule r) {
        String what = (r.alert() ? "alert " : "recording rule ") + r.name().text();
        if (!BwLiterals.isIdentifier(r.name().text())) {
            notCarried(r.name().span(), Severity.WARNING, what + " is not carried: its name is not one the language can write "
                            + "(letters, digits, _ and :, not starting with a digit or :)",
                    "rename it in the YAML (alerts are usually CamelCase, recorded series level:metric:operation) and import again");
            return false;
        }
        int start = out.length();
        comments(r.comments(), "  ");
        disableComments(r, "  ");
        out.append("  ").append(r.alert() ? "alert " : "record ").append(r.name().text()).append(" {\n");
        expr(r.expr());
        for (Map.Entry<String, MappedText> d : durations(r).entrySet()) {
            if (d.getValue() == null) {
                continue;
            }
            if (!r.alert()) {
                notCarried(d.getValue().span(), Severity.ERROR, "'" + d.getKey() + "' of " + what + " is not carried: Prometheus rejects "
                        + "it on a recording rule", "remove it from the YAML");
                continue;
            }
            duration(d.getValue(), d.getKey(), what, "    ", "\n");
        }
        List<RuleEntry> labels = new ArrayList<>();
        for (RuleEntry label : r.labels()) {
            if (!BwLiterals.isIdentifier(label.key().text())) {
                notCarried(label.key().span(), Severity.WARNING, "label '" + label.key().text() + "' of " + what
                        + " is not carried: not a label name", "label names are letters, digits and _");
            } else if (r.alert() && label.key().text().equals("severity") && BwLiterals.isIdentifier(label.value().text())) {
                out.append("    severity ").append(label.value().text()).append('\n');
            } else {
                labels.add(label);
            }
        }
        entries("labels", labels, r.alert(), what);
        if (r.alert()) {
            List<RuleEntry> annotations = new ArrayList<>();
            for (RuleEntry a : r.annotations()) {
                String clause = switch (a.key().text()) {
                    case AnnotationClauses.SUMMARY -> "summary";
                    case AnnotationClauses.DESCRIPTION -> "description";
                    case AnnotationClauses.RUNBOOK -> "runbook";
                    default -> null;
                };
                if (!BwLiterals.isIdentifier(a.key().text())) {
                    notCarried(a.key().span(), Severity.WARNING, "annotation '" + a.key().text() + "' of " + what
                            + " is not carried: not a label name, which Prometheus requires of annotation names too", "rename it");
                } else if (clause != null && r.annotations().stream().filter(o -> o.key().text().equals(a.key().text())).count() == 1) {
                    out.append("    ").append(clause).append(' ').append(BwLiterals.alertText(a.value().text(), "    ")).append('\n');
                } else {
                    annotations.add(a);
                }
            }
            entries("annotations", annotations, true, what);
        } else if (!r.annotations().isEmpty()) {
            notCarried(r.annotations().get(0).key().span(), Severity.ERROR, "the annotations of " + what
                    + " are not carried: Prometheus rejects annotations on a recording rule", "remove them from the YAML");
        }
        for (UnreadKey key : r.unread()) {
            notCarried(key.span(), Severity.WARNING, "'" + key.path() + "' of " + what
                    + " is not carried: the language has no equivalent, so the compiled rule files will not have it",
                    "set it in the compiled files by hand, or keep this rule in YAML");
        }
        out.append("  }\n");
        placed.add(new Placed(r, start, out.length()));
        return true;
    }

    private static Map<String, MappedText> durations(AuditRule r) {
        Map<String, MappedText> out = new java.util.LinkedHashMap<>();
        out.put("for", r.forDuration());
        out.put("keep_firing_for", r.keepFiringFor());
        return out;
    }

    /** The expression as written: one line after {@code expr}, or its lines below it, re-indented as a block. */
    private void expr(MappedText expr) {
        List<String> lines = new ArrayList<>(List.of(expr.text().split("\n", -1)));
        lines.replaceAll(String::stripTrailing);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        if (lines.size() == 1) {
            out.append("    expr ").append(lines.get(0).strip()).append('\n');
            return;
        }
        int indent = lines.stream().filter(l -> !l.isEmpty()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        out.append("    expr\n");
        for (String line : lines) {
            out.append(line.isEmpty() ? "" : "      " + line.substring(indent)).append('\n');
        }
    }

    private void entries(String block, List<RuleEntry> entries, boolean alertText, String what) {
        if (entries.isEmpty()) {
            return;
        }
        List<String> pairs = new ArrayList<>();
        for (RuleEntry e : entries) {
            String value = alertText ? BwLiterals.alertText(e.value().text(), "      ") : BwLiterals.string(e.value().text(), "      ");
            pairs.add(e.key().text() + " = " + value);
        }
        String oneLine = "    " + block + " { " + String.join(", ", pairs) + " }";
        if (oneLine.length() <= 110 && pairs.stream().noneMatch(p -> p.contains("\n"))) {
            out.append(oneLine).append('\n');
            return;
        }
        out.append("    ").append(block).append(" {\n");
        for (String pair : pairs) {
            out.append("      ").append(pair).append('\n');
        }
        out.append("    }\n");
    }

    private void duration(MappedText value, String keyword, String what, String before, String after) {
        String text = value.text().strip();
        if (BwLiterals.isDuration(text)) {
            out.append(before).append(keyword).append(' ').append(text).append(after);
        } else {
            notCarried(value.span(), Severity.ERROR, keyword + " '" + value.text() + "' of " + what
                    + " is not a Prometheus duration, so it is not carried", "write units from largest to smallest: 1h30m, 5m, 90s");
        }
    }

    private void comments(List<String> comments, String indent) {
        for (String line : comments) {
            // a YAML comment that reads like a brokerwatch directive must not become one
            String text = DIRECTIVE.matcher(line).matches() ? "yaml: " + line : line;
            out.append(indent).append(text.isEmpty() ? "#" : "# " + text).append('\n');
        }
    }

    private void disableComments(Object item, String indent) {
        for (Map.Entry<CheckCode, String> d : disables.of(item).entrySet()) {
            out.append(indent).append("# brokerwatch: disable=").append(d.getKey().code()).append(' ').append(d.getValue()).append('\n');
        }
    }

    private void notCarried(Span at, Severity severity, String message, String hint) {
        notCarried.add(Diagnostic.of(NOT_CARRIED, severity, at, message, hint));
    }
}
