package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.ExternalMetricDecl;
import dev.brokerwatch.dsl.ast.FamilyDecl;
import dev.brokerwatch.dsl.ast.FamilyMember;
import dev.brokerwatch.dsl.ast.MetricDecl;
import dev.brokerwatch.dsl.ast.Statement;
import dev.brokerwatch.dsl.catalog.CatalogBuilder;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric name declared twice: by two metric declarations, a family member and a metric, or an external
 * metric. The catalog keeps the first declaration (files in import order, statements in source order), so
 * the second one is reported, with the first as related place.
 */
public final class CatalogDuplicateCheck implements Check {
    public static final CheckCode CODE = CheckCode.CATALOG_DUPLICATE;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Span> first = new HashMap<>();
        for (BwFile file : context.pack().files()) {
            for (Statement s : file.statements()) {
                if (s instanceof MetricDecl m) {
                    declared(m.name().text(), m.name().span(), first, out);
                } else if (s instanceof FamilyDecl f && CatalogBuilder.hasMemberKey(f)) {
                    for (FamilyMember member : f.members()) {
                        declared(CatalogBuilder.memberName(f.prefix().text(), f.type(), member), member.mbeanName().span(), first, out);
                    }
                } else if (s instanceof ExternalMetricDecl e) {
                    declared(e.name().text(), e.name().span(), first, out);
                }
            }
        }
        return out;
    }

    private static void declared(String name, Span at, Map<String, Span> first, List<Diagnostic> out) {
        Span previous = first.putIfAbsent(name, at);
        if (previous != null) {
            out.add(Diagnostic.of(CODE, Severity.ERROR, at, "metric " + name + " is declared twice",
                    "remove one declaration, or give one of them another name").withRelated(previous, "first declared here"));
        }
    }
}
