package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.AlertRule;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.ast.RecordingRule;
import dev.brokerwatch.dsl.ast.Rule;
import dev.brokerwatch.dsl.catalog.CatalogMetric;
import dev.brokerwatch.dsl.catalog.Origin;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Duplicate names: two groups with one name (Prometheus refuses the file), two alerts with one name (their
 * alerts mix on dashboards and silences), a recording rule recorded twice or over a catalog metric.
 */
public final class DuplicateRuleCheck implements Check {
    public static final CheckCode CODE = CheckCode.RULE_DUPLICATE;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, GroupDecl> groups = new HashMap<>();
        Map<String, Rule> alerts = new HashMap<>();
        Map<String, Rule> records = new HashMap<>();
        for (GroupDecl g : context.pack().groups()) {
            GroupDecl first = groups.putIfAbsent(g.name().text(), g);
            if (first != null) {
                out.add(Diagnostic.of(CODE, Severity.ERROR, g.name().span(), "group " + g.name().text() + " is declared twice",
                        "Prometheus rejects a rule file with two groups of one name; rename one").withRelated(first.name().span(), "first declared here"));
            }
            for (Rule r : g.rules()) {
                if (r instanceof AlertRule) {
                    Rule previous = alerts.putIfAbsent(r.name().text(), r);
                    if (previous != null) {
                        out.add(Diagnostic.of(CODE, Severity.ERROR, r.name().span(), "alert " + r.name().text() + " is defined twice",
                                "give each alert its own name; combine conditions with or").withRelated(previous.name().span(), "first defined here"));
                    }
                } else if (r instanceof RecordingRule) {
                    Rule previous = records.putIfAbsent(r.name().text(), r);
                    if (previous != null) {
                        out.add(Diagnostic.of(CODE, Severity.ERROR, r.name().span(), "recording rule " + r.name().text() + " is defined twice",
                                "two rules writing one series conflict; rename one").withRelated(previous.name().span(), "first defined here"));
                    }
                    CatalogMetric declared = context.pack().catalog().metric(r.name().text()).orElse(null);
                    if (declared != null && declared.origin() != Origin.RECORDING) {
                        out.add(Diagnostic.of(CODE, Severity.ERROR, r.name().span(), "recording rule " + r.name().text()
                                        + " writes a series the catalog already declares",
                                "name recorded series level:metric:operation, e.g. namespace:" + r.name().text() + ":sum")
                                .withRelated(declared.declaredAt(), "declared here"));
                    }
                }
            }
        }
        return out;
    }
}
