package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.DashboardDecl;
import dev.brokerwatch.dsl.ast.DashboardElement;
import dev.brokerwatch.dsl.ast.Ident;
import dev.brokerwatch.dsl.ast.PanelDecl;
import dev.brokerwatch.dsl.ast.PanelItem;
import dev.brokerwatch.dsl.ast.PanelTemplateDecl;
import dev.brokerwatch.dsl.ast.PanelUse;
import dev.brokerwatch.dsl.ast.RowDecl;
import dev.brokerwatch.dsl.ast.Statement;
import dev.brokerwatch.dsl.catalog.DidYouMean;
import dev.brokerwatch.dsl.dashboard.GrafanaUnits;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/** A panel unit Grafana does not know: it would be shown as a literal suffix instead of formatting the value. */
public final class PanelUnitCheck implements Check {
    public static final CheckCode CODE = CheckCode.DASHBOARD_UNIT;

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (BwFile file : context.pack().files()) {
            for (Statement s : file.statements()) {
                if (s instanceof PanelTemplateDecl t) {
                    check(t.panel().body().unit(), out);
                } else if (s instanceof DashboardDecl d) {
                    for (DashboardElement e : d.elements()) {
                        for (PanelItem item : e instanceof RowDecl r ? r.panels() : List.of((PanelItem) e)) {
                            check(item instanceof PanelDecl p ? p.body().unit() : ((PanelUse) item).overrides().unit(), out);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void check(Ident unit, List<Diagnostic> out) {
        if (unit == null || GrafanaUnits.isKnown(unit.text())) {
            return;
        }
        String hint = DidYouMean.suggest(unit.text(), GrafanaUnits.KNOWN).map(s -> "did you mean " + s + "?")
                .orElse("use a Grafana unit id (bytes, Bps, ms, s, percentunit, ops, short...) or a custom one: \"suffix:msg/s\"");
        out.add(Diagnostic.of(CODE, Severity.ERROR, unit.span(), "unknown Grafana unit " + unit.text(), hint));
    }
}
