package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.ExternalMetricDecl;
import dev.brokerwatch.dsl.ast.FamilyDecl;
import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.LabelSpec;
import dev.brokerwatch.dsl.ast.MetricDecl;
import dev.brokerwatch.dsl.ast.MetricType;
import dev.brokerwatch.dsl.ast.Statement;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names in the catalog the way Prometheus and OpenMetrics expect them: counters end in {@code _total} and
 * nothing else does, no suffix a client library reserves, valid label names. Reads the declarations, so
 * every problem points at the name as written.
 */
public final class CatalogNamingCheck implements Check {
    public static final CheckCode CODE = CheckCode.CATALOG_NAMING;
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (BwFile file : context.pack().files()) {
            for (Statement s : file.statements()) {
                if (s instanceof MetricDecl m) {
                    metricName(m.name(), m.type(), out);
                    m.body().labels().forEach(spec -> labelName(spec, out));
                } else if (s instanceof FamilyDecl f) {
                    f.body().labels().forEach(spec -> labelName(spec, out));
                } else if (s instanceof ExternalMetricDecl e) {
                    metricName(e.name(), e.type(), out);
                    e.labels().forEach(label -> labelName(label.text(), label.span(), out));
                }
            }
        }
        return out;
    }

    private static void metricName(Ident name, MetricType type, List<Diagnostic> out) {
        String n = name.text();
        if (type == MetricType.COUNTER && !n.endsWith("_total")) {
            out.add(Diagnostic.of(CODE, Severity.ERROR, name.span(), "counter " + n + " does not end in _total",
                    "rename it " + n + "_total: Prometheus and OpenMetrics name counters that way"));
        } else if (type != MetricType.COUNTER && n.endsWith("_total")) {
            out.add(Diagnostic.of(CODE, Severity.WARNING, name.span(), type.keyword() + " " + n + " ends in _total, which readers take for a counter",
                    "declare it counter if it only grows, or drop the _total suffix"));
        }
        for (String suffix : List.of("_info", "_created", "_bucket")) {
            if (n.endsWith(suffix) && !(type == MetricType.SUMMARY && suffix.equals("_bucket"))) {
                out.add(Diagnostic.of(CODE, Severity.WARNING, name.span(), n + " ends in " + suffix
                                + ", a suffix Prometheus client libraries reserve: exporters strip or reject it",
                        "rename it without " + suffix));
            }
        }
        if (type == MetricType.SUMMARY && (n.endsWith("_count") || n.endsWith("_sum") || n.endsWith("_bucket"))) {
            out.add(Diagnostic.of(CODE, Severity.ERROR, name.span(), "summary " + n + " ends in a suffix the summary itself adds",
                    "name the family without _count/_sum/_bucket"));
        }
    }

    private static void labelName(LabelSpec spec, List<Diagnostic> out) {
        labelName(spec.labelName(), spec.span(), out);
    }

    private static void labelName(String label, Span at, List<Diagnostic> out) {
        if (!LABEL.matcher(label).matches() || label.startsWith("__")) {
            out.add(Diagnostic.of(CODE, Severity.ERROR, at, "'" + label + "' is not a valid label name",
                    "label names are letters, digits and _, not starting with a digit or __"));
        }
    }
}
