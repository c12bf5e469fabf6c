package dev.brokerwatch.dsl.check;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.PanelTemplateDecl;
import dev.brokerwatch.dsl.ast.Statement;
import dev.brokerwatch.dsl.ast.VariableDecl;
import dev.brokerwatch.dsl.dashboard.Dashboard;
import dev.brokerwatch.dsl.dashboard.DashboardPanel;
import dev.brokerwatch.dsl.diag.CheckCode;
import dev.brokerwatch.dsl.diag.Diagnostic;
import dev.brokerwatch.dsl.diag.Severity;
import dev.brokerwatch.dsl.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names that must be unique: dashboard uids (Grafana keeps one dashboard per uid, so the second silently
 * replaces the first), variables of one dashboard, panel ids of one dashboard (links and viewPanel use them),
 * panel templates. A uid must also be one Grafana accepts.
 */
public final class DashboardDuplicateCheck implements Check {
    public static final CheckCode CODE = CheckCode.DASHBOARD_DUPLICATE;
    private static final Pattern UID = Pattern.compile("[a-zA-Z0-9_-]{1,40}");

    @Override
    public List<Diagnostic> run(CheckContext context) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Span> uids = new HashMap<>();
        for (Dashboard d : context.pack().dashboards()) {
            Span at = d.decl().uid() != null ? d.decl().uid().span() : d.decl().name().span();
            if (!UID.matcher(d.uid()).matches()) {
                out.add(Diagnostic.of(CODE, Severity.ERROR, at, "uid " + d.uid() + " is not a valid Grafana uid",
                        "a uid has 1 to 40 letters, digits, '-' or '_'"));
            }
            duplicate("dashboard uid " + d.uid(), at, uids, out);
            Map<String, Span> variables = new HashMap<>();
            variables.put(d.datasourceVariable(), d.decl().datasource() != null ? d.decl().datasource().span() : d.decl().name().span());
            for (VariableDecl v : d.decl().variables()) {
                duplicate("variable " + v.name().text(), v.name().span(), variables, out);
            }
            Map<String, Span> ids = new HashMap<>();
            for (DashboardPanel p : d.allPanels()) {
                duplicate("panel id " + p.id() + " in dashboard " + d.uid(), p.span(), ids, out);
            }
        }
        Map<String, Span> templates = new HashMap<>();
        for (BwFile file : context.pack().files()) {
            for (Statement s : file.statements()) {
                if (s instanceof PanelTemplateDecl t) {
                    duplicate("panel template " + t.name().text(), t.name().span(), templates, out);
                }
            }
        }
        return out;
    }

    private static void duplicate(String what, Span at, Map<String, Span> seen, List<Diagnostic> out) {
        Span first = seen.putIfAbsent(what, at);
        if (first != null) {
            out.add(Diagnostic.of(CODE, Severity.ERROR, at, what + " is declared twice", "give each one its own name")
                    .withRelated(first, "first declared here"));
        }
    }
}
